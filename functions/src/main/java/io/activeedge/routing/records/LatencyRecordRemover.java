package io.activeedge.routing.records;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.teardown.RemovalResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Deletes the application's latency records, in one change batch: every record in the zone whose
 * SetIdentifier is one of the application's ({@link Tags#setIdentifierPrefix}), at whatever name, so that a
 * Region dropped from the input or an earlier originDomain goes too. Other applications' records at the same
 * name stay.
 */
public final class LatencyRecordRemover {
    private static final Logger LOG = LoggerFactory.getLogger(LatencyRecordRemover.class);
    private final Route53Client route53;

    public LatencyRecordRemover(Route53Client route53) {
        this.route53 = route53;
    }

    /** {@code zone}: the application's hosted zone, null when it has none. */
    public RemovalResult delete(AppSpec input, HostedZone zone) {
        if (zone == null) {
            LOG.info("latency records skipped", entry("zone", input.zone()), entry("reason", "no-hosted-zone"));
            return new RemovalResult(List.of(), List.of());
        }
        String prefix = Tags.setIdentifierPrefix(input.app());
        List<ResourceRecordSet> ours = ZoneRecords.all(route53, zone.id()).stream()
                .filter(r -> r.setIdentifier() != null && r.setIdentifier().startsWith(prefix))
                .toList();
        if (ours.isEmpty()) {
            LOG.info("latency records none", entry("zone", zone.name()), entry("setIdentifierPrefix", prefix));
            return new RemovalResult(List.of(), List.of());
        }
        String changeId = ZoneRecords.deleteAll(route53, zone.id(),
                "active-edge " + input.app() + " teardown: latency records", ours);
        List<String> deleted = ours.stream()
                .map(r -> Names.unescaped(r.name()) + " " + r.typeAsString() + " " + r.setIdentifier())
                .toList();
        deleted.forEach(record -> LOG.info("latency record deleted", entry("record", record),
                entry("changeId", changeId)));
        return new RemovalResult(deleted, List.of());
    }
}
