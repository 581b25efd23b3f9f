package io.activeedge.testing;

import io.activeedge.failover.FailoverMetrics;
import java.util.ArrayList;
import java.util.List;

/** Failover metrics in memory: each count as "metric app region". */
public final class RecordingMetrics implements FailoverMetrics {
    public final List<String> counted = new ArrayList<>();

    @Override
    public void count(String metric, String app, String region) {
        counted.add(metric + " " + app + " " + region);
    }

    public long of(String metric) {
        return counted.stream().filter(c -> c.startsWith(metric + " ")).count();
    }
}
