package io.activeedge.local.bench;

import java.util.List;

/** What a probe prints; times are the child's {@link System#nanoTime()} and wall clock. */
record ProbeResult(String probe, long vmStartMillis, long mainWallMillis, long mainNanos, long initNanos,
                   long firstDoneNanos, List<Long> eventNanos, List<String> actions) {
}
