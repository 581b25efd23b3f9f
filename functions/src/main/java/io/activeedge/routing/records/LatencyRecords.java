package io.activeedge.routing.records;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.provisioning.RecordChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Writes one Region's latency record for {@code originDomain}: an alias to the Region's origin, gated by the
 * Region's gate health check. A record that is already right is left alone; a plain record at the name that
 * active-edge did not write is replaced only when the input says {@code takeOverRecords}.
 */
public final class LatencyRecords {
    private static final Logger LOG = LoggerFactory.getLogger(LatencyRecords.class);
    private final Route53Client route53;

    public LatencyRecords(Route53Client route53) {
        this.route53 = route53;
    }

    /** Points {@code region}'s record in zone {@code zoneId} at {@code target}, gated by the check {@code gateId}. */
    public RecordChange upsert(AppSpec input, String region, OriginTarget target, String zoneId, String gateId) {
        String name = Names.fqdn(input.originDomain());
        String setIdentifier = Tags.setIdentifier(input.app(), region);
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html:
        // SetIdentifier: "In a group of resource record sets that have the same name and type, the value of SetIdentifier
        // must be unique for each resource record set"; Region: "You can only create one latency resource record set for
        // each Amazon EC2 Region"; HealthCheckId: "return this resource record set in response to a DNS query only when
        // the status of a health check is healthy".
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html: "When EvaluateTargetHealth is
        // true, an alias resource record set inherits the health of the referenced Amazon Web Services resource"; false
        // leaves the gate check alone to decide.
        ResourceRecordSet wanted = ResourceRecordSet.builder()
                .name(name).type(RRType.A).setIdentifier(setIdentifier).region(region)
                .healthCheckId(gateId)
                .aliasTarget(a -> a.dnsName(target.dnsName()).hostedZoneId(target.hostedZoneId()).evaluateTargetHealth(false))
                .build();

        List<ResourceRecordSet> atName = ZoneRecords.at(route53, zoneId, name);
        Optional<ResourceRecordSet> ours = atName.stream()
                .filter(r -> ZoneRecords.isType(r, RRType.A) && setIdentifier.equals(r.setIdentifier()))
                .findFirst();
        // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html#CNAMEFormat: "if you create a
        // CNAME record for a subdomain, you cannot create any other records for that subdomain"; API_ResourceRecordSet
        // (Region): "You can't create non-latency resource record sets that have the same values for the Name and Type
        // elements as latency resource record sets".
        List<ResourceRecordSet> blocking = atName.stream()
                .filter(r -> ZoneRecords.isType(r, RRType.CNAME) || ZoneRecords.isType(r, RRType.A)
                        && !setIdentifier.equals(r.setIdentifier()) && !isOtherRegionsLatencyRecord(r, region))
                .toList();

        if (ours.isPresent() && same(ours.get(), wanted)) {
            LOG.info("latency record found", entry("name", name), entry("setIdentifier", setIdentifier),
                    entry("target", target.dnsName()), entry("gate", wanted.healthCheckId()), entry("action", "none"));
            return result(name, setIdentifier, target, RecordChange.UNCHANGED);
        }
        if (!blocking.isEmpty() && !Boolean.TRUE.equals(input.takeOverRecords())) {
            throw new ResourceConflictException("originDomain: " + String.join("; ",
                    blocking.stream().map(ZoneRecords::describe).toList())
                    + "; active-edge needs latency records at that name. Remove the record, or set takeOverRecords"
                    + " to true to let active-edge replace it");
        }
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html: "To delete a resource
        // record set, you must specify all the same values that you specified when you created it" (so each DELETE sends
        // the record as listed), and "Route 53 validates the changes in the request and then either makes all or none of
        // the changes in the change batch request" (so the deletes and the write land together or not at all).
        List<Change> changes = new ArrayList<>();
        for (ResourceRecordSet record : blocking) {
            changes.add(Change.builder().action(ChangeAction.DELETE).resourceRecordSet(record).build());
            LOG.info("record taken over", entry("name", name), entry("record", ZoneRecords.describe(record)),
                    entry("reason", "takeOverRecords"));
        }
        String action;
        if (ours.isPresent()) {
            changes.add(Change.builder().action(ChangeAction.UPSERT).resourceRecordSet(wanted).build());
            action = RecordChange.UPDATED;
        } else {
            changes.add(Change.builder().action(ChangeAction.CREATE).resourceRecordSet(wanted).build());
            action = RecordChange.CREATED;
        }
        String changeId = ZoneRecords.change(route53, zoneId, "active-edge " + input.app() + " latency record " + region,
                changes);
        LOG.info("latency record written", entry("name", name), entry("setIdentifier", setIdentifier),
                entry("target", target.dnsName()), entry("gate", wanted.healthCheckId()), entry("action", action),
                entry("changeId", changeId));
        return result(name, setIdentifier, target, action);
    }

    /** Latency records of other Regions share the name; anything else of type A there is in the way. */
    private static boolean isOtherRegionsLatencyRecord(ResourceRecordSet record, String region) {
        return record.setIdentifier() != null && record.regionAsString() != null && !region.equals(record.regionAsString());
    }

    private static RecordChange result(String name, String setIdentifier, OriginTarget target, String action) {
        return new RecordChange(Names.bare(name), RRType.A.toString(), setIdentifier, target.dnsName(), action);
    }

    /** Everything Route 53 would route by, compared the way Route 53 spells it back. */
    private static boolean same(ResourceRecordSet found, ResourceRecordSet wanted) {
        return found.aliasTarget() != null
                && Names.sameName(found.aliasTarget().dnsName(), wanted.aliasTarget().dnsName())
                && wanted.aliasTarget().hostedZoneId().equals(found.aliasTarget().hostedZoneId())
                && !Boolean.TRUE.equals(found.aliasTarget().evaluateTargetHealth())
                && wanted.regionAsString().equals(found.regionAsString())
                && Objects.equals(wanted.healthCheckId(), found.healthCheckId());
    }
}
