package io.activeedge.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.errors.ValidationRecordsNotReadyException;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.ValidationRecordsResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeRoute53;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.RRType;

class ValidationRecordPublisherTest {
    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final ValidationRecordPublisher publisher = new ValidationRecordPublisher(acm.clients, route53);

    private CertificatesResult certificates(List<String> aliases, String... regions) {
        return new CertificateRequests(acm.clients).ensure(ExampleApp.input(aliases, regions), ExampleApp.run("run-1"));
    }

    private static String name(String domain) {
        return FakeAcm.validationRecord(domain).name();
    }

    @Test
    void publish_apexWildcardAndSameNameInSeveralRegions_oneBatchWithEachNameOnce() {
        CertificatesResult certs = certificates(List.of("example.com", "*.example.com", "www.example.com"),
                "us-east-1", "us-west-2", "eu-west-1");

        ValidationRecordsResult result = publisher.publish(certs, ExampleApp.zone());

        List<String> expected = List.of(name("api.example.com"), name("example.com"), name("www.example.com"))
                .stream().sorted().toList();
        assertEquals(expected, result.names());
        assertEquals(1, route53.batches.size());
        assertEquals(3, route53.batches.get(0).changeBatch().changes().size());
        assertEquals(3, route53.records.size());
        ResourceRecord apex = FakeAcm.validationRecord("example.com");
        assertEquals(apex.value(), route53.cname(apex.name()));
        assertEquals(300L, route53.batches.get(0).changeBatch().changes().get(0).resourceRecordSet().ttl());
        assertEquals(ExampleApp.ZONE_ID, result.zoneId());
        assertNotNull(result.changeId());
    }

    @Test
    void publish_allRecordsAlreadyInZone_sendsNothing() {
        CertificatesResult certs = certificates(List.of("example.com", "www.example.com"), "us-east-1", "us-west-2");
        ValidationRecordsResult first = publisher.publish(certs, ExampleApp.zone());

        ValidationRecordsResult second = publisher.publish(certs, ExampleApp.zone());

        assertNull(second.changeId());
        assertEquals(first.names(), second.names());
        assertEquals(1, route53.batches.size());
    }

    @Test
    void publish_oneRecordMissing_batchHoldsOnlyThatRecord() {
        CertificatesResult certs = certificates(List.of("example.com", "www.example.com"), "us-west-2");
        ResourceRecord apex = FakeAcm.validationRecord("example.com");
        ResourceRecord origin = FakeAcm.validationRecord("api.example.com");
        route53.put(apex.name(), RRType.CNAME, apex.value());
        route53.put(origin.name().toUpperCase(), RRType.CNAME, origin.value());

        ValidationRecordsResult result = publisher.publish(certs, ExampleApp.zone());

        assertEquals(3, result.names().size());
        assertEquals(1, route53.batches.size());
        assertEquals(List.of(name("www.example.com")), route53.batches.get(0).changeBatch().changes().stream()
                .map(c -> c.resourceRecordSet().name()).toList());
    }

    @Test
    void publish_recordInZoneWithDifferentValue_upsertedToAcmValue() {
        CertificatesResult certs = certificates(List.of("example.com"), "us-west-2");
        ResourceRecord apex = FakeAcm.validationRecord("example.com");
        route53.put(apex.name(), RRType.CNAME, "_stale.acm-validations.aws.");

        ValidationRecordsResult result = publisher.publish(certs, ExampleApp.zone());

        assertNotNull(result.changeId());
        assertEquals(apex.value(), route53.cname(apex.name()));
    }

    @Test
    void publish_resourceRecordNotYetPublished_validationRecordsNotReady() {
        acm.in("us-west-2").publishRecordsOnRequest = false;
        CertificatesResult certs = certificates(List.of("example.com"), "us-west-2");

        ValidationRecordsNotReadyException e = assertThrows(ValidationRecordsNotReadyException.class,
                () -> publisher.publish(certs, ExampleApp.zone()));

        assertTrue(e.getMessage().contains(certs.origin("us-west-2").arn()), e.getMessage());
        assertEquals(0, route53.records.size());
    }

    @Test
    void publish_recordsPublishedOnRetry_allInOneBatch() {
        acm.in("us-west-2").publishRecordsOnRequest = false;
        CertificatesResult certs = certificates(List.of("example.com"), "us-west-2");
        assertThrows(ValidationRecordsNotReadyException.class, () -> publisher.publish(certs, ExampleApp.zone()));
        acm.in("us-west-2").publishRecords();

        ValidationRecordsResult result = publisher.publish(certs, ExampleApp.zone());

        assertEquals(2, result.names().size());
        assertEquals(1, route53.batches.size());
    }

    // ACM's delay after RequestCertificate (not found, then options for some names only) is something moto does not
    // show; FakeAcm reproduces it.
    @Test
    void publish_certificateNotDescribableYet_validationRecordsNotReadyAndNothingPublished() {
        acm.in("us-west-2").describableOnRequest = false;
        CertificatesResult certs = certificates(List.of("example.com"), "us-west-2");

        ValidationRecordsNotReadyException e = assertThrows(ValidationRecordsNotReadyException.class,
                () -> publisher.publish(certs, ExampleApp.zone()));

        assertTrue(e.getMessage().contains(certs.origin("us-west-2").arn()), e.getMessage());
        assertEquals(0, route53.records.size());
    }

    @Test
    void publish_validationOptionsForSomeNamesOnly_validationRecordsNotReadyAndNothingPublished() {
        acm.in("us-east-1").allOptionsOnRequest = false;
        CertificatesResult certs = certificates(List.of("example.com", "www.example.com"), "us-west-2");

        ValidationRecordsNotReadyException e = assertThrows(ValidationRecordsNotReadyException.class,
                () -> publisher.publish(certs, ExampleApp.zone()));

        assertTrue(e.getMessage().contains(certs.edge().arn() + " www.example.com"), e.getMessage());
        assertEquals(0, route53.records.size());
    }

    @Test
    void publish_retryAfterAcmCaughtUp_everyRecordInOneBatch() {
        acm.in("us-east-1").allOptionsOnRequest = false;
        acm.in("us-west-2").describableOnRequest = false;
        CertificatesResult certs = certificates(List.of("example.com", "www.example.com"), "us-west-2");
        assertThrows(ValidationRecordsNotReadyException.class, () -> publisher.publish(certs, ExampleApp.zone()));
        acm.in("us-east-1").settle();
        acm.in("us-west-2").settle();

        ValidationRecordsResult result = publisher.publish(certs, ExampleApp.zone());

        assertEquals(List.of(name("api.example.com"), name("example.com"), name("www.example.com")).stream()
                .sorted().toList(), result.names());
        assertEquals(1, route53.batches.size());
        assertEquals(3, route53.records.size());
    }
}
