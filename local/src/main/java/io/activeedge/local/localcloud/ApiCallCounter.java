package io.activeedge.local.localcloud;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls made in this JVM, by service, and under {@link #RETRIED} the calls the SDK sent more
 * than once (its retries after a throttling or server error: one call, several attempts). Registered for every SDK
 * client through {@code software/amazon/awssdk/global/handlers/execution.interceptors}, so the handlers need no
 * change. The local cloud's own clients carry {@link #NOT_COUNTED}: the count is what the functions did.
 */
public final class ApiCallCounter implements ExecutionInterceptor {

    /** Set on a client's override configuration to leave its calls out of the count. */
    public static final ExecutionAttribute<Boolean> NOT_COUNTED = new ExecutionAttribute<>("ActiveEdgeNotCounted");

    /** The key of the calls that were retried, next to the services' keys (which are service names). */
    public static final String RETRIED = "retried";

    private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("ActiveEdgeAttempts");
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(NOT_COUNTED))) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        CALLS.computeIfAbsent(service == null ? "unknown" : service, s -> new LongAdder()).increment();
        attributes.putAttribute(ATTEMPTS, new AtomicInteger());
    }

    /** Once per attempt: the second attempt of a call makes it a retried call. */
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null && attempts.incrementAndGet() == 2) {
            CALLS.computeIfAbsent(RETRIED, s -> new LongAdder()).increment();
        }
    }

    /** Calls so far, by service name, sorted; retried calls under {@link #RETRIED}. */
    public static Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        CALLS.forEach((service, count) -> counts.put(service, count.sum()));
        return counts;
    }
}
