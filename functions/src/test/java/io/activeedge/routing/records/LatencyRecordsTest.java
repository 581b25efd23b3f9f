package io.activeedge.routing.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class LatencyRecordsTest {
    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final LatencyRecords records = new LatencyRecords(route53);

    /** The step in {@code region} of the example, its origin attached and its gate {@code gateId}. */
    private RecordChange upsert(String region, String gateId, boolean takeOver) {
        return records.upsert(ExampleApp.input(takeOver), region, ExampleApp.target(region), ExampleApp.ZONE_ID, gateId);
    }

    private static ResourceRecordSet plainA(String name, String ip) {
        return ResourceRecordSet.builder().name(name).type(RRType.A).ttl(300L).resourceRecords(r -> r.value(ip)).build();
    }

    @Test
    void upsert_emptyZone_createsLatencyAliasCarryingGateAndSetIdentifier() {
        RecordChange change = upsert("us-east-1", "gate-east", false);

        assertEquals(new RecordChange("api.example.com", "A", Tags.setIdentifier("shop", "us-east-1"),
                "d-us-east-1.execute-api.us-east-1.amazonaws.com", RecordChange.CREATED), change);
        ResourceRecordSet record = route53.at("api.example.com").get(0);
        assertEquals("us-east-1", record.regionAsString());
        assertEquals(Tags.setIdentifier("shop", "us-east-1"), record.setIdentifier());
        assertEquals("gate-east", record.healthCheckId());
        assertEquals("Z1UJRXOUMOOFQ8", record.aliasTarget().hostedZoneId());
        assertTrue(Names.sameName("d-us-east-1.execute-api.us-east-1.amazonaws.com", record.aliasTarget().dnsName()));
        assertFalse(record.aliasTarget().evaluateTargetHealth());
    }

    @Test
    void upsert_identicalRecord_makesNoChange() {
        upsert("us-east-1", "gate-east", false);

        RecordChange again = upsert("us-east-1", "gate-east", false);

        assertEquals(RecordChange.UNCHANGED, again.action());
        assertEquals(1, route53.batches.size());
    }

    @Test
    void upsert_gateChanged_updatesRecordInPlace() {
        upsert("us-east-1", "gate-old", false);

        RecordChange change = upsert("us-east-1", "gate-new", false);

        assertEquals(RecordChange.UPDATED, change.action());
        List<ResourceRecordSet> atName = route53.at("api.example.com");
        assertEquals(1, atName.size());
        assertEquals("gate-new", atName.get(0).healthCheckId());
    }

    @Test
    void upsert_otherRegionsRecord_keepsBoth() {
        upsert("us-east-1", "gate-east", false);

        upsert("us-west-2", "gate-west", false);

        assertEquals(List.of(Tags.setIdentifier("shop", "us-east-1"), Tags.setIdentifier("shop", "us-west-2")),
                route53.at("api.example.com").stream().map(ResourceRecordSet::setIdentifier).toList());
    }

    @Test
    void upsert_usersPlainARecordAtName_throwsResourceConflictAndChangesNothing() {
        route53.put(plainA("api.example.com", "192.0.2.10"));

        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> upsert("us-east-1", "gate-east", false));

        assertTrue(e.getMessage().contains("api.example.com.") && e.getMessage().contains("192.0.2.10"), e.getMessage());
        assertTrue(route53.batches.isEmpty());
    }

    @Test
    void upsert_usersCnameWithTakeOverRecords_replacesItInOneBatch() {
        route53.put(ResourceRecordSet.builder().name("api.example.com").type(RRType.CNAME).ttl(300L)
                .resourceRecords(r -> r.value("legacy.example.net")).build());

        RecordChange change = upsert("us-east-1", "gate-east", true);

        assertEquals(RecordChange.CREATED, change.action());
        assertEquals(1, route53.batches.size());
        List<ResourceRecordSet> atName = route53.at("api.example.com");
        assertEquals(1, atName.size());
        assertEquals(Tags.setIdentifier("shop", "us-east-1"), atName.get(0).setIdentifier());
    }

    @Test
    void upsert_usersLatencyRecordForTheSameRegion_throwsResourceConflict() {
        route53.put(ResourceRecordSet.builder().name("api.example.com").type(RRType.A).setIdentifier("east")
                .region("us-east-1").ttl(60L).resourceRecords(r -> r.value("192.0.2.20")).build());

        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> upsert("us-east-1", "gate-east", false));

        assertTrue(e.getMessage().contains("SetIdentifier east"), e.getMessage());
        assertTrue(route53.batches.isEmpty());
    }

    @Test
    void upsert_recordsAtOtherNames_areIgnored() {
        route53.put(plainA("example.com", "192.0.2.1"));
        route53.put(plainA("zz.api.example.com", "192.0.2.2"));
        route53.put(plainA("www.example.com", "192.0.2.3"));

        RecordChange change = upsert("us-east-1", "gate-east", false);

        assertEquals(RecordChange.CREATED, change.action());
        assertEquals(4, route53.records.size());
    }

    /** The SDK's retry of a batch whose answer was lost finds its record made (see AliasRecordsTest). */
    @Test
    void upsert_batchAppliedButItsAnswerLost_reportsCreated() {
        route53.failNextAfterApplying("ChangeResourceRecordSets", FakeRoute53.invalid(
                "Tried to create resource record set [api.example.com., A, shop] but it already exists"));

        RecordChange change = upsert("us-east-1", "gate-east", false);

        assertEquals(RecordChange.CREATED, change.action());
        assertEquals(1, route53.at("api.example.com").size());
    }
}
