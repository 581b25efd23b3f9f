package io.activeedge.teardown;

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
        Removal aliasRecords,
        DistributionRemoval distribution,
        Removal latencyRecords,
        Removal healthChecks,
        Removal originDomains,
        CertificateRemoval certificates,
        Removal validationRecords,
        Removal hostedZone,
        Removal alarms) {
}
