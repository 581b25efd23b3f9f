package io.activeedge.routing.records;

import io.activeedge.core.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Reads what a hosted zone holds, so a step can tell our records from someone else's. */
public final class ZoneRecords {
    private ZoneRecords() {
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
     * records hold none). Returns the change id. {@code records} must not be empty (Changes: at least 1 item).
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
        return route53.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b
                .comment(comment).changes(changes))).changeInfo().id();
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
