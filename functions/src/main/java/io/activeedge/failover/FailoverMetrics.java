package io.activeedge.failover;

/** The metrics of failover decisions: one count per Region drained, restored, refused or held. */
public interface FailoverMetrics {
    String DRAINED = "Drained";
    String RESTORED = "Restored";
    String REFUSED = "Refused";
    String HELD = "Held";
    /** A reconciliation that failed; the next scheduled run tries again. */
    String FAILED = "Failed";
    /** Dimension names. */
    String APP = "app";
    String REGION = "region";

    /** Counts one {@code metric} for {@code app} in {@code region}. */
    void count(String metric, String app, String region);
}
