package io.activeedge.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * What an event tells the logs about its invocation. {@link JsonHandler} puts these keys into the SLF4J MDC while the
 * function runs and removes them afterwards, so every line it logs carries them as JSON fields; the state records
 * implement this interface. The rest of a line's keys are Powertools structured arguments, never text in the message.
 */
// https://docs.aws.amazon.com/powertools/java/latest/core/logging/: "Mapped Diagnostic Context (MDC) is essentially
// a Key-Value store" ... "Custom keys stored in the MDC are persisted across warm invocations" (hence the removal).
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax-Parse.html: "JSON log events are flattened
// during ingestion", so Logs Insights filters on each field (filter app = "shop").
public interface LogContext {
    /** The application's name ({@code input.app}). */
    String APP = "app";
    /** The Region of a per-Region step. */
    String REGION = "region";
    /** The Step Functions execution name of a provisioning or teardown run ({@code run.id}). */
    String EXECUTION = "execution";

    /** The application this invocation works for, or null. */
    default String logApp() {
        return null;
    }

    /** The one Region this invocation works in, or null when it works in several or none. */
    default String logRegion() {
        return null;
    }

    /** The execution this invocation is a step of, or null. */
    default String logExecution() {
        return null;
    }

    /**
     * Puts the keys that {@code event} names into the MDC (nothing when it is not a {@link LogContext}); closing the
     * returned scope removes them again, also when the invocation failed.
     */
    static Scope enter(Object event) {
        List<String> keys = new ArrayList<>();
        if (event instanceof LogContext context) {
            put(APP, context.logApp(), keys);
            put(REGION, context.logRegion(), keys);
            put(EXECUTION, context.logExecution(), keys);
        }
        return new Scope(List.copyOf(keys));
    }

    /** The {@link #APP} field of a line, or null when the invocation's context carries this app already. */
    public static StructuredArgument app(String app) {
        return unlessInContext(APP, app);
    }

    /** The {@link #REGION} field of a line, or null when the invocation's context carries this Region already. */
    public static StructuredArgument region(String region) {
        return unlessInContext(REGION, region);
    }

    /**
     * A structured argument for a key the MDC may hold already: null when it holds the same value, so that a line
     * never carries the key twice. SLF4J ignores an argument the message has no placeholder for, and Powertools
     * writes only {@link StructuredArgument} parameters as fields.
     */
    private static StructuredArgument unlessInContext(String key, String value) {
        return value != null && value.equals(MDC.get(key)) ? null : StructuredArguments.entry(key, value);
    }

    /**
     * {@code task} with the MDC of the thread that calls this, for another thread to run (an executor's): its lines
     * carry the invocation's keys too. The running thread's own MDC is restored afterwards.
     */
    static <T> Supplier<T> carried(Supplier<T> task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            replace(context);
            try {
                return task.get();
            } finally {
                replace(own);
            }
        };
    }

    private static void replace(Map<String, String> context) {
        MDC.clear();
        if (context != null) {
            MDC.setContextMap(context);
        }
    }

    private static void put(String key, String value, List<String> keys) {
        if (value != null && !value.isBlank()) {
            MDC.put(key, value);
            keys.add(key);
        }
    }

    /** The MDC keys one invocation put; {@link #close()} removes them. */
    final class Scope implements AutoCloseable {
        private final List<String> keys;

        private Scope(List<String> keys) {
            this.keys = keys;
        }

        @Override
        public void close() {
            keys.forEach(MDC::remove);
        }
    }
}
