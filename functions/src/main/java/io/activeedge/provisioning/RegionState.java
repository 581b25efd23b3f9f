package io.activeedge.provisioning;

import io.activeedge.core.LogContext;
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
        RecordChange record) implements LogContext {

    @Override
    public String logApp() {
        return input == null ? null : input.app();
    }

    @Override
    public String logRegion() {
        return region == null ? null : region.region();
    }

    @Override
    public String logExecution() {
        return run == null ? null : run.id();
    }
}
