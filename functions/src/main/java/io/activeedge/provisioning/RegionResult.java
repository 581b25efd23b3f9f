package io.activeedge.provisioning;

/** What the per-Region branch of the workflow leaves behind. */
public record RegionResult(String region, OriginTarget target, RegionHealthChecksResult healthChecks, AlarmMarksResult alarms,
                           RecordChange record) {
}
