package io.activeedge.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** Reads what a hosted zone holds at one name, so a step can tell our records from someone else's. */
public final class ZoneRecords {
    private ZoneRecords() {
    }

    /**
     * Every record set at {@code name}, of every type and routing policy. Route 53 lists a zone sorted by
     * name, so the listing starts at the name and stops at the first record of another name.
     */
    public static List<ResourceRecordSet> at(Route53Client route53, String zoneId, String name) {
        String fqdn = Names.fqdn(name);
        List<ResourceRecordSet> found = new ArrayList<>();
        String startName = fqdn;
        String startType = null;
        String startIdentifier = null;
        while (true) {
            String fromName = startName;
            String fromType = startType;
            String fromIdentifier = startIdentifier;
            ListResourceRecordSetsResponse page = route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                    .startRecordName(fromName).startRecordType(fromType).startRecordIdentifier(fromIdentifier));
            for (ResourceRecordSet record : page.resourceRecordSets()) {
                if (!Names.sameName(record.name(), fqdn)) {
                    return found;
                }
                found.add(record);
            }
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextRecordName() == null
                    || !Names.sameName(page.nextRecordName(), fqdn)) {
                return found;
            }
            startName = page.nextRecordName();
            startType = page.nextRecordTypeAsString();
            startIdentifier = page.nextRecordIdentifier();
        }
    }

    public static boolean isType(ResourceRecordSet record, RRType type) {
        return type.toString().equals(record.typeAsString());
    }

    /** Where a record points, for messages: "alias to X (zone Z)" or its values. */
    static String describe(ResourceRecordSet record) {
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
