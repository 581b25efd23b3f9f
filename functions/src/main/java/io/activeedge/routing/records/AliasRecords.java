package io.activeedge.routing.records;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.Names;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.AliasRecordsResult;
import io.activeedge.provisioning.RecordChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Points every CloudFront alias at the distribution with A and AAAA alias records, in one change batch.
 * A record that already points at this distribution is ours; one that points anywhere else is the user's,
 * and is replaced only when the input says {@code takeOverRecords}.
 */
public final class AliasRecords {
    private static final Logger LOG = LoggerFactory.getLogger(AliasRecords.class);
    // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-to-cloudfront-distribution.html: "If IPv6 is
    // enabled, you'll need to create two alias records for the distribution, one to route IPv4 traffic to the
    // distribution, and one to route IPv6 traffic" (active-edge's distributions have IsIPV6Enabled true).
    private static final List<RRType> TYPES = List.of(RRType.A, RRType.AAAA);
    private final Route53Client route53;

    public AliasRecords(Route53Client route53) {
        this.route53 = route53;
    }

    /** Points every alias of the input, in zone {@code zoneId}, at the distribution {@code distributionDomain}. */
    public AliasRecordsResult upsert(AppSpec input, String zoneId, String distributionDomain) {
        String distribution = Names.fqdn(distributionDomain);
        boolean takeOver = Boolean.TRUE.equals(input.takeOverRecords());

        Set<String> names = new LinkedHashSet<>();
        input.aliases().forEach(alias -> names.add(Names.fqdn(alias)));

        List<RecordChange> results = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (String name : names) {
            List<ResourceRecordSet> atName = ZoneRecords.at(route53, zoneId, name);
            // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#CNAMEFormat: "if you create
            // a CNAME record for a subdomain, you cannot create any other records for that subdomain".
            List<ResourceRecordSet> cnames = atName.stream().filter(r -> ZoneRecords.isType(r, RRType.CNAME)).toList();
            conflicts.addAll(cnames.stream().map(ZoneRecords::describe).toList());
            cnames.forEach(cname -> changes.add(delete(cname)));
            for (RRType type : TYPES) {
                // https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html: for a "CloudFront
                // distribution", HostedZoneId: "Specify Z2FDTNDATAQYW2"; EvaluateTargetHealth: "You can't set
                // EvaluateTargetHealth to true when the alias target is a CloudFront distribution".
                ResourceRecordSet wanted = ResourceRecordSet.builder().name(name).type(type)
                        .aliasTarget(a -> a.dnsName(distribution)
                                .hostedZoneId(AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID).evaluateTargetHealth(false))
                        .build();
                List<ResourceRecordSet> existing = atName.stream().filter(r -> ZoneRecords.isType(r, type)).toList();
                String action;
                if (existing.size() == 1 && isAliasTo(existing.get(0), distribution)) {
                    if (Boolean.TRUE.equals(existing.get(0).aliasTarget().evaluateTargetHealth())) {
                        changes.add(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(wanted).build());
                        action = RecordChange.UPDATED;
                    } else {
                        action = RecordChange.UNCHANGED;
                    }
                } else if (existing.isEmpty()) {
                    changes.add(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(wanted).build());
                    action = RecordChange.CREATED;
                } else {
                    conflicts.addAll(existing.stream().map(ZoneRecords::describe).toList());
                    existing.forEach(record -> changes.add(delete(record)));
                    changes.add(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(wanted).build());
                    action = RecordChange.UPDATED;
                }
                results.add(new RecordChange(Names.bare(name), type.toString(), null, Names.bare(distribution), action));
            }
        }

        if (!conflicts.isEmpty()) {
            if (!takeOver) {
                throw new ResourceConflictException("aliases: " + String.join("; ", conflicts)
                        + "; not the CloudFront distribution " + Names.bare(distribution)
                        + ". Remove those records, or set takeOverRecords to true to let active-edge replace them");
            }
            conflicts.forEach(record -> LOG.info("record taken over", entry("record", record),
                    entry("reason", "takeOverRecords")));
        }
        results.forEach(r -> LOG.info("alias record", entry("name", r.name()), entry("type", r.type()),
                entry("distribution", r.target()), entry("action", r.action())));
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html: "either makes all or
        // none of the changes in the change batch request"; its own example deletes a CNAME and creates an alias in one
        // batch: "If validation for either the DELETE or the CREATE action fails, then the request is canceled".
        if (!changes.isEmpty()) {
            String changeId = ZoneRecords.change(route53, zoneId, "active-edge " + input.app() + " CloudFront aliases",
                    changes);
            LOG.info("alias records written", entry("names", List.copyOf(names)), entry("distribution", distribution),
                    entry("changes", changes.size()), entry("changeId", changeId));
        }
        return new AliasRecordsResult(results);
    }

    /**
     * A simple alias record to the CloudFront distribution whose domain name is {@code distribution}; simple means
     * no SetIdentifier (https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html: it is for
     * "Resource record sets that have a routing policy other than simple").
     */
    public static boolean isAliasTo(ResourceRecordSet record, String distribution) {
        return record.setIdentifier() == null
                && record.aliasTarget() != null
                && AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID.equals(record.aliasTarget().hostedZoneId())
                && Names.sameName(record.aliasTarget().dnsName(), distribution);
    }

    private static Change delete(ResourceRecordSet record) {
        return Change.builder().action(ChangeAction.DELETE).resourceRecordSet(record).build();
    }
}
