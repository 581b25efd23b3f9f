package io.activeedge.routing.records;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Reads what a hosted zone holds, so a step can tell our records from someone else's. */
public final class ZoneRecords {
    private static final Logger LOG = LoggerFactory.getLogger(ZoneRecords.class);

    private ZoneRecords() {
    }

    /**
     * Sends one change batch and returns its change id. When Route 53 refuses the batch with InvalidChangeBatch but the
     * zone already holds exactly what the batch asks for, the batch was applied by an earlier attempt of this same
     * request: the SDK sends a call again when its answer is lost (a timeout, or HTTP 500 after the change was made),
     * and the retried CREATE finds its record there, the retried DELETE finds its record gone. That is success, with
     * no change id (null). Any other refusal is rethrown.
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html: "Route 53 validates
     * the changes in the request and then either makes all or none of the changes in the change batch request";
     * "CREATE: Creates a resource record set that has the specified values"; "DELETE: Deletes an existing resource
     * record set that has the specified values".
     */
    public static String change(Route53Client route53, String zoneId, String comment, List<Change> changes) {
        try {
            return route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                    .comment(comment).changes(changes))).changeInfo().id();
        } catch (InvalidChangeBatchException e) {
            if (!applied(route53, zoneId, changes)) {
                throw e;
            }
            LOG.info("change batch found applied", entry("zone", zoneId), entry("comment", comment),
                    entry("changes", changes.size()), entry("error", "InvalidChangeBatch"),
                    entry("reason", "earlier-attempt-of-this-request"));
            return null;
        }
    }

    /** True when every record the batch creates or upserts is there as asked, and none it deletes is there as listed. */
    static boolean applied(Route53Client route53, String zoneId, List<Change> changes) {
        Map<String, List<ResourceRecordSet>> byName = new HashMap<>();
        for (Change change : changes) {
            ResourceRecordSet record = change.resourceRecordSet();
            List<ResourceRecordSet> there = byName.computeIfAbsent(Names.fqdn(record.name()).toLowerCase(),
                    name -> at(route53, zoneId, name));
            boolean present = there.stream().anyMatch(r -> sameRecord(r, record));
            if (change.action() == ChangeAction.DELETE == present) {
                return false;
            }
        }
        return true;
    }

    /** The same record set, compared the way Route 53 spells names back (case, trailing dot). */
    static boolean sameRecord(ResourceRecordSet a, ResourceRecordSet b) {
        return Names.sameName(a.name(), b.name()) && Objects.equals(a.typeAsString(), b.typeAsString())
                && Objects.equals(a.setIdentifier(), b.setIdentifier()) && Objects.equals(a.ttl(), b.ttl())
                && values(a).equals(values(b)) && sameAlias(a.aliasTarget(), b.aliasTarget())
                && Objects.equals(a.regionAsString(), b.regionAsString()) && Objects.equals(a.weight(), b.weight())
                && Objects.equals(a.failoverAsString(), b.failoverAsString())
                && Objects.equals(a.healthCheckId(), b.healthCheckId());
    }

    private static List<String> values(ResourceRecordSet record) {
        return record.resourceRecords().stream().map(ResourceRecord::value).sorted().toList();
    }

    private static boolean sameAlias(AliasTarget a, AliasTarget b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Names.sameName(a.dnsName(), b.dnsName()) && Objects.equals(a.hostedZoneId(), b.hostedZoneId())
                && Boolean.TRUE.equals(a.evaluateTargetHealth()) == Boolean.TRUE.equals(b.evaluateTargetHealth());
    }

    /**
     * Every record set at {@code name}, of every type and routing policy. Route 53 lists a zone sorted by
     * name, so the listing starts at the name and stops at the first record of another name.
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html: "sorts results first by
     * DNS name with the labels reversed"; "When multiple records have the same DNS name, ListResourceRecordSets sorts
     * results by the record type"; with a Name and no Type, "The results begin with the first resource record set in the
     * list whose name is greater than or equal to Name".
     */
    public static List<ResourceRecordSet> at(Route53Client route53, String zoneId, String name) {
        return list(route53, zoneId, Names.fqdn(name));
    }

    /** Every record set in the zone, following ListResourceRecordSets page by page. */
    public static List<ResourceRecordSet> all(Route53Client route53, String zoneId) {
        return list(route53, zoneId, null);
    }

    /** The records at {@code only}, or the whole zone when it is null. */
    private static List<ResourceRecordSet> list(Route53Client route53, String zoneId, String only) {
        List<ResourceRecordSet> found = new ArrayList<>();
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html: "get the values of
        // NextRecordName, NextRecordType, and NextRecordIdentifier (if any) from the response. Then submit another
        // ListResourceRecordSets request, and specify those values for StartRecordName, StartRecordType, and
        // StartRecordIdentifier." The SDK's paginator does that, asking for a page only when the loop reaches it.
        for (ListResourceRecordSetsResponse page : route53.listResourceRecordSetsPaginator(r -> r
                .hostedZoneId(zoneId).startRecordName(only))) {
            for (ResourceRecordSet record : page.resourceRecordSets()) {
                if (only != null && !Names.sameName(record.name(), only)) {
                    return found;
                }
                found.add(record);
            }
            if (only != null && page.nextRecordName() != null && !Names.sameName(page.nextRecordName(), only)) {
                return found;
            }
        }
        return found;
    }

    /**
     * Deletes {@code records}, exactly as they were listed, in one change batch: Route 53 applies all of them or
     * none. One batch holds up to 1,000 ResourceRecord elements, far more than one application writes (its alias
     * records hold none). Returns the change id, null when an earlier attempt of this request deleted them already
     * ({@link #change}). {@code records} must not be empty (Changes: at least 1 item).
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html: "To delete a resource
     * record set, you must specify all the same values that you specified when you created it"; "Route 53 validates the
     * changes in the request and then either makes all or none of the changes in the change batch request"; "If you try
     * to delete the same resource record set more than once in a single change batch, Route 53 returns an
     * InvalidChangeBatch error".
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html#limits-api-requests-changeresourcerecordsets:
     * "A request cannot contain more than 1,000 ResourceRecord elements".
     */
    public static String deleteAll(Route53Client route53, String zoneId, String comment, List<ResourceRecordSet> records) {
        List<Change> changes = records.stream()
                .map(record -> Change.builder().action(ChangeAction.DELETE).resourceRecordSet(record).build())
                .toList();
        return change(route53, zoneId, comment, changes);
    }

    public static boolean isType(ResourceRecordSet record, RRType type) {
        return type.toString().equals(record.typeAsString());
    }

    /** Where a record points, for messages: "alias to X (zone Z)" or its values. */
    public static String describe(ResourceRecordSet record) {
        String what = record.name() + " " + record.typeAsString()
                + (record.setIdentifier() == null ? "" : " (SetIdentifier " + record.setIdentifier() + ")");
        if (record.aliasTarget() != null) {
            return what + " is an alias to " + record.aliasTarget().dnsName()
                    + " (hosted zone " + record.aliasTarget().hostedZoneId() + ")";
        }
        return what + " points at " + record.resourceRecords().stream().map(ResourceRecord::value)
                .collect(Collectors.joining(", "));
    }
}
