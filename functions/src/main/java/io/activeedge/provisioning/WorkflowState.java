package io.activeedge.provisioning;

import io.activeedge.core.LogContext;
import io.activeedge.input.AppSpec;
import java.util.List;

/**
 * The provisioning state as it flows through statemachine/provision.asl.json. Each step reads the
 * parts it needs; the state machine writes each step's result under its own key.
 */
public record WorkflowState(
        AppSpec input,
        Run run,
        HostedZone zone,
        CertificatesResult certificates,
        ValidationRecordsResult validation,
        CertificateStatus certificateStatus,
        List<RegionResult> regions,
        Distribution distribution,
        DistributionStatus distributionStatus,
        AliasRecordsResult aliases) implements LogContext {

    @Override
    public String logApp() {
        return input == null ? null : input.app();
    }

    @Override
    public String logExecution() {
        return run == null ? null : run.id();
    }
}
