package io.activeedge.local.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Order statistics of a set of durations, in milliseconds. Percentiles are nearest-rank: the smallest sample
 * that at least p% of the samples do not exceed, so every value reported is one that was measured (the median of
 * an even count is the lower middle one; p90 of 5 runs is the largest).
 */
record Stats(int count, double min, double median, double p90, double p99, double max, double mean) {

    static Stats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new Stats(sorted.length, millis(sorted[0]), millis(percentile(sorted, 50)), millis(percentile(sorted, 90)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]), mean / 1_000_000.0);
    }

    /** Nearest rank of {@code p} (0 < p <= 100) in ascending {@code sorted}. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0 || p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p + " of " + sorted.length + " samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
