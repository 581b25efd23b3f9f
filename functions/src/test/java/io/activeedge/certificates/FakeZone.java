package io.activeedge.certificates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * One Route 53 hosted zone in memory. Like Route 53 it answers names in lower case with a trailing dot
 * and '*' written as \052, and keeps every change batch it accepted.
 */
final class FakeZone implements Route53Client {
    private final String zoneId;
    private final Map<String, ResourceRecordSet> records = new TreeMap<>();
    private final List<ChangeResourceRecordSetsRequest> batches = new ArrayList<>();

    FakeZone(String zoneId) {
        this.zoneId = zoneId;
    }

    void put(String name, RRType type, String value) {
        String answered = answered(name);
        records.put(key(answered, type.toString()), ResourceRecordSet.builder().name(answered).type(type).ttl(300L)
                .resourceRecords(r -> r.value(value)).build());
    }

    /** The CNAME value at {@code name}, or null. */
    String cname(String name) {
        ResourceRecordSet set = records.get(key(answered(name), RRType.CNAME.toString()));
        return set == null ? null : set.resourceRecords().get(0).value();
    }

    List<ChangeResourceRecordSetsRequest> batches() {
        return batches;
    }

    int size() {
        return records.size();
    }

    private static String answered(String name) {
        String n = name.toLowerCase().replace("*", "\\052");
        return n.endsWith(".") ? n : n + ".";
    }

    private static String key(String name, String type) {
        return name + " " + type;
    }

    @Override
    public ListResourceRecordSetsResponse listResourceRecordSets(ListResourceRecordSetsRequest request) {
        checkZone(request.hostedZoneId());
        String start = request.startRecordName() == null ? ""
                : key(answered(request.startRecordName()), request.startRecordTypeAsString() == null
                        ? "" : request.startRecordTypeAsString());
        int max = request.maxItems() == null ? 100 : Integer.parseInt(request.maxItems());
        List<ResourceRecordSet> page = records.entrySet().stream().filter(e -> e.getKey().compareTo(start) >= 0)
                .limit(max).map(Map.Entry::getValue).toList();
        return ListResourceRecordSetsResponse.builder().resourceRecordSets(page).isTruncated(false).build();
    }

    @Override
    public ChangeResourceRecordSetsResponse changeResourceRecordSets(ChangeResourceRecordSetsRequest request) {
        checkZone(request.hostedZoneId());
        batches.add(request);
        for (Change change : request.changeBatch().changes()) {
            if (change.action() != ChangeAction.UPSERT) {
                throw new UnsupportedOperationException(change.actionAsString());
            }
            ResourceRecordSet set = change.resourceRecordSet();
            put(set.name(), set.type(), set.resourceRecords().get(0).value());
        }
        return ChangeResourceRecordSetsResponse.builder()
                .changeInfo(c -> c.id("/change/C" + batches.size()).status(ChangeStatus.PENDING)).build();
    }

    private void checkZone(String id) {
        if (!zoneId.equals(id)) {
            throw NoSuchHostedZoneException.builder().message("No hosted zone found with ID: " + id).build();
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
