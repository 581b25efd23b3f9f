package io.activeedge.teardown;

import io.activeedge.core.LogContext;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.Run;

/**
 * The teardown state as it flows through statemachine/teardown.asl.json. Each step reads the parts it
 * needs; the state machine writes each step's result under its own key, and the execution's output is
 * what every step found and removed.
 */
public record TeardownState(
        AppSpec input,
        Run run,
        TeardownScope scope,
        RemovalResult aliasRecords,
        DistributionRemovalResult distribution,
        RemovalResult latencyRecords,
        RemovalResult healthChecks,
        RemovalResult originDomains,
        CertificateRemovalResult certificates,
        RemovalResult validationRecords,
        RemovalResult hostedZone,
        RemovalResult alarms) implements LogContext {

    @Override
    public String logApp() {
        return input == null ? null : input.app();
    }

    @Override
    public String logExecution() {
        return run == null ? null : run.id();
    }
}
