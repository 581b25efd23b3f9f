package io.activeedge.failover;

/** The metrics of failover decisions, one count per decision that changed or refused to change a Region. */
public interface FailoverMetrics {
    String REGION_DRAINED = "RegionDrained";
    String REGION_RESTORED = "RegionRestored";
    String DRAIN_REFUSED = "DrainRefused";
    /** Dimension names. */
    String APP = "app";
    String REGION = "region";

    /** Counts one {@code metric} for {@code app} in {@code region}. */
    void count(String metric, String app, String region);
}
