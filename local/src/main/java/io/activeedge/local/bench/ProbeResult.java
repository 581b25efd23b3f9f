package io.activeedge.local.bench;

import java.util.List;
import java.util.Map;

/**
 * What a probe prints; times are the child's {@link System#nanoTime()} and wall clock. {@code primeNanos} is the
 * SnapStart priming (before the snapshot, 0 for the baseline), {@code primingHooks} how many registered hooks ran,
 * and {@code eventCalls} the AWS calls each event made, by service (localcloud.ApiCallCounter).
 */
record ProbeResult(String probe, long vmStartMillis, long mainWallMillis, long mainNanos, long initNanos,
                   long primeNanos, int primingHooks, long firstDoneNanos, List<Long> eventNanos, List<String> actions,
                   List<Map<String, Long>> eventCalls) {

    /** The AWS calls of event {@code i}, all services together. */
    long calls(int i) {
        return eventCalls == null || eventCalls.size() <= i ? 0
                : eventCalls.get(i).entrySet().stream().filter(e -> !e.getKey().equals("retried"))
                        .mapToLong(Map.Entry::getValue).sum();
    }
}
