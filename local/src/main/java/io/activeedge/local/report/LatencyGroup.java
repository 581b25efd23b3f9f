package io.activeedge.local.report;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.local.target.CommandException;
import io.activeedge.routing.zone.HostedZones;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * An application's latency records: the A records at its origin name whose SetIdentifier is
 * {@code active-edge:APP:REGION}, and what each one answers with.
 *
 * @param values by Region, sorted: the alias target's DNS name (lower case, no final dot), or the record's values
 */
public record LatencyGroup(String zoneId, String name, Map<String, List<String>> values) {

    /** The Regions of the records, sorted. */
    public List<String> regions() {
        return List.copyOf(values.keySet());
    }

    /**
     * The records of {@code app} in the zone {@code zoneId}, or, when it is null, in the public hosted zone that holds
     * them (every public zone is searched).
     *
     * @throws CommandException when no zone, or more than one, holds them
     */
    public static LatencyGroup of(Route53Client route53, String app, String zoneId) {
        List<String> zones = new ArrayList<>();
        if (zoneId != null) {
            zones.add(zoneId);
        } else {
            for (HostedZone zone : route53.listHostedZonesPaginator(r -> { }).hostedZones()) {
                if (zone.config() == null || !Boolean.TRUE.equals(zone.config().privateZone())) {
                    zones.add(Names.zoneId(zone.id()));
                }
            }
        }
        List<LatencyGroup> found = new ArrayList<>();
        for (String zone : zones) {
            LatencyGroup group = in(route53, app, zone);
            if (group != null) {
                found.add(group);
            }
        }
        if (found.isEmpty()) {
            throw new CommandException("app " + app + " has no latency records (SetIdentifier "
                    + Tags.setIdentifierPrefix(app) + "REGION) in " + (zoneId == null ? "any public hosted zone"
                    : "the hosted zone " + zoneId) + ": provision it first");
        }
        if (found.size() > 1) {
            throw new CommandException("app " + app + " has latency records in " + found.size() + " hosted zones ("
                    + String.join(", ", found.stream().map(LatencyGroup::zoneId).toList())
                    + "): name the input FILE so that its zone is used");
        }
        return found.getFirst();
    }

    /**
     * The id of the public hosted zone {@code zone} (or {@code hostedZoneId}), found as provisioning finds it.
     *
     * @throws CommandException when there is none
     */
    public static String zoneId(Route53Client route53, String app, String zone, String hostedZoneId) {
        io.activeedge.provisioning.HostedZone found = new HostedZones(route53).find(new AppSpec(app, zone, hostedZoneId,
                null, null, null, null, null, null, null, null, null));
        if (found == null) {
            throw new CommandException("there is no public hosted zone " + zone + ": provision " + app + " first");
        }
        return found.id();
    }

    private static LatencyGroup in(Route53Client route53, String app, String zoneId) {
        String prefix = Tags.setIdentifierPrefix(app);
        String name = null;
        Map<String, List<String>> values = new TreeMap<>();
        for (ResourceRecordSet record : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                .resourceRecordSets()) {
            if (record.type() != RRType.A || record.setIdentifier() == null || record.regionAsString() == null
                    || !record.setIdentifier().startsWith(prefix)) {
                continue;
            }
            name = record.name();
            values.put(record.regionAsString(), record.aliasTarget() != null
                    ? List.of(bare(record.aliasTarget().dnsName()))
                    : record.resourceRecords().stream().map(v -> bare(v.value())).toList());
        }
        return name == null ? null : new LatencyGroup(zoneId, name, values);
    }

    /** A DNS name or value as Route 53 answers compare: lower case, without the final dot. */
    static String bare(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        return v.endsWith(".") ? v.substring(0, v.length() - 1) : v;
    }
}
