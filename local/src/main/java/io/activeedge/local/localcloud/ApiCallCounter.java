package io.activeedge.local.localcloud;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls made in this JVM, by service. Registered for every SDK client through
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the handlers need no change.
 * The local cloud's own clients carry {@link #NOT_COUNTED}: the count is what the functions did.
 */
public final class ApiCallCounter implements ExecutionInterceptor {

    /** Set on a client's override configuration to leave its calls out of the count. */
    public static final ExecutionAttribute<Boolean> NOT_COUNTED = new ExecutionAttribute<>("ActiveEdgeNotCounted");

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(NOT_COUNTED))) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        CALLS.computeIfAbsent(service == null ? "unknown" : service, s -> new LongAdder()).increment();
    }

    /** Calls so far, by service name, sorted. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        CALLS.forEach((service, count) -> counts.put(service, count.sum()));
        return counts;
    }
}
