package io.activeedge.provisioning;

import io.activeedge.input.AppSpec;
import io.activeedge.input.RegionSpec;

/** The state of one iteration of the per-Region Map: the application, the Region, and what earlier steps found. */
public record RegionState(
        AppSpec input,
        Run run,
        RegionSpec region,
        HostedZone zone,
        CertificatesResult certificates,
        OriginTarget target,
        RegionHealthChecksResult healthChecks,
        AlarmMarksResult alarms,
        RecordChange record) {
}
