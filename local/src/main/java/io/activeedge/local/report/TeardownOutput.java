package io.activeedge.local.report;

import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.teardown.DistributionRemovalResult;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.provisioning.HostedZone;
import java.util.List;

/**
 * The teardown execution's output: what the Summarize state of statemachine/teardown.asl.json gathers, each part
 * the record a teardown function returns (the zone and Regions from FindApplication's scope). WorkflowContractTest
 * checks that Summarize writes exactly these fields.
 *
 * @param zone    the application's hosted zone; null when none was found (so no records were removed)
 * @param regions the Regions that were searched
 */
public record TeardownOutput(
        String app,
        HostedZone zone,
        List<String> regions,
        RemovalResult alarms,
        RemovalResult aliasRecords,
        DistributionRemovalResult distribution,
        RemovalResult latencyRecords,
        RemovalResult healthChecks,
        RemovalResult originDomains,
        CertificateRemovalResult certificates,
        RemovalResult validationRecords,
        RemovalResult hostedZone) {
}
