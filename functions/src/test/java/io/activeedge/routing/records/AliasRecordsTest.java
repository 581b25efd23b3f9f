package io.activeedge.routing.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.Names;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.provisioning.AliasRecordsResult;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class AliasRecordsTest {
    private static final String DISTRIBUTION = ExampleApp.DISTRIBUTION_DOMAIN;

    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final AliasRecords aliases = new AliasRecords(route53);

    /** The step for the example, its distribution at {@link #DISTRIBUTION}. */
    private AliasRecordsResult upsert(boolean takeOver) {
        return aliases.upsert(ExampleApp.input(takeOver), ExampleApp.ZONE_ID, DISTRIBUTION);
    }

    private static ResourceRecordSet alias(String name, RRType type, String zoneId, String dnsName) {
        return ResourceRecordSet.builder().name(name).type(type)
                .aliasTarget(a -> a.hostedZoneId(zoneId).dnsName(dnsName).evaluateTargetHealth(false)).build();
    }

    private static List<String> actions(AliasRecordsResult result) {
        return result.records().stream().map(RecordChange::action).toList();
    }

    @Test
    void upsert_emptyZone_createsAAndAaaaForEveryAliasInOneBatch() {
        AliasRecordsResult result = upsert(false);

        assertEquals(List.of(
                new RecordChange("example.com", "A", null, DISTRIBUTION, RecordChange.CREATED),
                new RecordChange("example.com", "AAAA", null, DISTRIBUTION, RecordChange.CREATED),
                new RecordChange("www.example.com", "A", null, DISTRIBUTION, RecordChange.CREATED),
                new RecordChange("www.example.com", "AAAA", null, DISTRIBUTION, RecordChange.CREATED)), result.records());
        assertEquals(1, route53.batches.size());
        assertEquals(4, route53.records.size());
        for (ResourceRecordSet record : route53.records) {
            assertEquals(AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID, record.aliasTarget().hostedZoneId());
            assertTrue(Names.sameName(DISTRIBUTION, record.aliasTarget().dnsName()));
            assertEquals(false, record.aliasTarget().evaluateTargetHealth());
        }
    }

    @Test
    void upsert_recordsAlreadyPointAtDistribution_makesNoChange() {
        upsert(false);

        AliasRecordsResult again = upsert(false);

        assertEquals(List.of(RecordChange.UNCHANGED, RecordChange.UNCHANGED, RecordChange.UNCHANGED,
                RecordChange.UNCHANGED), actions(again));
        assertEquals(1, route53.batches.size());
    }

    @Test
    void upsert_ourAliasSpelledDifferently_isOurs() {
        route53.put(alias("WWW.Example.com", RRType.A, AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID, "D111111ABCDEF8.cloudfront.net."));

        AliasRecordsResult result = upsert(false);

        assertEquals(List.of(RecordChange.CREATED, RecordChange.CREATED, RecordChange.UNCHANGED, RecordChange.CREATED),
                actions(result));
    }

    @Test
    void upsert_usersARecordAtAlias_throwsResourceConflictNamingItAndChangesNothing() {
        route53.put(ResourceRecordSet.builder().name("www.example.com").type(RRType.A).ttl(300L)
                .resourceRecords(r -> r.value("192.0.2.10")).build());

        ResourceConflictException e = assertThrows(ResourceConflictException.class, () -> upsert(false));

        assertTrue(e.getMessage().contains("www.example.com. A") && e.getMessage().contains("192.0.2.10"), e.getMessage());
        assertTrue(route53.batches.isEmpty());
    }

    @Test
    void upsert_usersARecordWithTakeOverRecords_replacesItInOneBatch() {
        route53.put(ResourceRecordSet.builder().name("www.example.com").type(RRType.A).ttl(300L)
                .resourceRecords(r -> r.value("192.0.2.10")).build());

        AliasRecordsResult result = upsert(true);

        assertEquals(List.of(RecordChange.CREATED, RecordChange.CREATED, RecordChange.UPDATED, RecordChange.CREATED),
                actions(result));
        assertEquals(1, route53.batches.size());
        ResourceRecordSet www = route53.at("www.example.com").get(0);
        assertTrue(Names.sameName(DISTRIBUTION, www.aliasTarget().dnsName()));
        assertEquals(4, route53.records.size());
    }

    @Test
    void upsert_aliasToAnotherDistribution_throwsResourceConflict() {
        route53.put(alias("example.com", RRType.AAAA, AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID, "d999999other.cloudfront.net"));

        ResourceConflictException e = assertThrows(ResourceConflictException.class, () -> upsert(false));

        assertTrue(e.getMessage().contains("d999999other.cloudfront.net"), e.getMessage());
    }

    @Test
    void upsert_cnameAtAliasWithTakeOverRecords_deletesItAndCreatesBothTypes() {
        route53.put(ResourceRecordSet.builder().name("www.example.com").type(RRType.CNAME).ttl(300L)
                .resourceRecords(r -> r.value("shop.example.net")).build());

        upsert(true);

        assertEquals(List.of("A", "AAAA"),
                route53.at("www.example.com").stream().map(ResourceRecordSet::typeAsString).toList());
        assertEquals(1, route53.batches.size());
    }

    /**
     * The SDK sends a call again when its answer is lost (a timeout, HTTP 500 after the change was made); the retried
     * CREATE then gets InvalidChangeBatch for the records its first attempt made. The fake applies the batch and then
     * answers that way (moto cannot lose an answer; the faulty local cloud does it in FaultsIT).
     */
    @Test
    void upsert_batchAppliedButItsAnswerLost_reportsCreatedAndWritesEachRecordOnce() {
        route53.failNextAfterApplying("ChangeResourceRecordSets", FakeRoute53.invalid(
                "Tried to create resource record set [example.com., A] but it already exists"));

        AliasRecordsResult result = upsert(false);

        assertEquals(List.of(RecordChange.CREATED, RecordChange.CREATED, RecordChange.CREATED, RecordChange.CREATED),
                actions(result));
        assertEquals(4, route53.records.size());
    }

    @Test
    void upsert_batchRefusedAndNotApplied_failsWithRoute53sError() {
        route53.failNext("ChangeResourceRecordSets", FakeRoute53.invalid(
                "Tried to create resource record set [www.example.com., A] but it already exists"));

        assertThrows(InvalidChangeBatchException.class, () -> upsert(false));
        assertTrue(route53.records.isEmpty());
    }
}
