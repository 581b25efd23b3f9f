package io.activeedge.routing.records;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Names;
import io.activeedge.distribution.DistributionSearch;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.teardown.RemovalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Deletes the A and AAAA alias records that point at the application's CloudFront distributions (found by
 * their tags), in one change batch: at the input's aliases when it lists them, anywhere in the zone when it
 * does not. A record that points anywhere else is someone else's and stays.
 */
public final class AliasRecordRemover {
    private static final Logger LOG = LoggerFactory.getLogger(AliasRecordRemover.class);
    private final Route53Client route53;
    private final DistributionSearch distributions;

    public AliasRecordRemover(Route53Client route53, CloudFrontClient cloudFront) {
        this.route53 = route53;
        this.distributions = new DistributionSearch(cloudFront);
    }

    /** {@code zone}: the application's hosted zone, null when it has none. */
    public RemovalResult delete(AppSpec input, HostedZone zone) {
        if (zone == null) {
            LOG.info("alias records skipped", entry("zone", input.zone()), entry("reason", "no-hosted-zone"));
            return new RemovalResult(List.of(), List.of());
        }
        List<String> domains = distributions.tagged(input).stream().map(DistributionSummary::domainName).toList();
        if (domains.isEmpty()) {
            LOG.info("alias records skipped", entry("zone", zone.name()),
                    entry("reason", "no-distribution-tagged-for-app"));
            return new RemovalResult(List.of(), List.of());
        }

        boolean atAliases = input.aliases() != null && !input.aliases().isEmpty();
        List<ResourceRecordSet> records = atAliases
                ? input.aliases().stream().map(Names::fqdn).distinct()
                        .flatMap(alias -> ZoneRecords.at(route53, zone.id(), alias).stream()).toList()
                : ZoneRecords.all(route53, zone.id());
        List<ResourceRecordSet> ours = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (ResourceRecordSet record : records) {
            if (!ZoneRecords.isType(record, RRType.A) && !ZoneRecords.isType(record, RRType.AAAA)) {
                continue;
            }
            Optional<String> distribution = domains.stream()
                    .filter(domain -> AliasRecords.isAliasTo(record, domain)).findFirst();
            if (distribution.isPresent()) {
                ours.add(record);
                deleted.add(Names.unescaped(record.name()) + " " + record.typeAsString() + " -> "
                        + Names.bare(distribution.get()));
            } else if (atAliases) {
                String reason = ZoneRecords.describe(record) + "; not a distribution of application " + input.app();
                kept.add(reason);
                LOG.info("alias record kept", entry("record", reason), entry("reason", "points-elsewhere"));
            }
        }
        if (!ours.isEmpty()) {
            String changeId = ZoneRecords.deleteAll(route53, zone.id(),
                    "active-edge " + input.app() + " teardown: CloudFront aliases", ours);
            deleted.forEach(record -> LOG.info("alias record deleted", entry("record", record),
                    entry("changeId", changeId)));
        } else {
            LOG.info("alias records none", entry("zone", zone.name()), entry("distributions", domains),
                    entry("searched", atAliases ? input.aliases() : "whole-zone"));
        }
        return new RemovalResult(List.copyOf(deleted), List.copyOf(kept));
    }
}
