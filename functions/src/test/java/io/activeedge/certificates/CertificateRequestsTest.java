package io.activeedge.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.Tags;
import io.activeedge.errors.ValidationRecordsNotReadyException;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

class CertificateRequestsTest {
    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final CertificateRequests requests = new CertificateRequests(acm.clients);

    private static Map<String, String> tags(String region, String role) {
        return Tags.of(Map.of(), "shop", region, role);
    }

    @Test
    void ensure_firstRun_edgeInUsEast1ThenOneOriginPerRegionInInputOrder() {
        CertificatesResult result = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1"));

        assertEquals(List.of(Tags.ROLE_EDGE_CERTIFICATE, Tags.ROLE_ORIGIN_CERTIFICATE, Tags.ROLE_ORIGIN_CERTIFICATE),
                result.items().stream().map(Certificate::role).toList());
        assertEquals(List.of(AwsConstants.CLOUDFRONT_CERTIFICATE_REGION, "us-east-1", "us-west-2"),
                result.items().stream().map(Certificate::region).toList());
        assertEquals(List.of("api.example.com"), result.origin("us-west-2").names());
        assertTrue(result.items().stream().allMatch(Certificate::created));
        assertEquals(3, acm.count());
    }

    @Test
    void ensure_edgeCertificate_primaryIsFirstAliasAndSansCoverEveryAlias() {
        requests.ensure(ExampleApp.input(List.of("example.com", "www.example.com", "*.example.com"), "us-west-2"),
                ExampleApp.run("run-1"));

        RequestCertificateRequest edge = acm.in("us-east-1").requests().get(0);
        assertEquals("example.com", edge.domainName());
        assertEquals(Set.of("example.com", "www.example.com", "*.example.com"),
                new HashSet<>(edge.subjectAlternativeNames()));
        assertEquals(ValidationMethod.DNS, edge.validationMethod());
        Map<String, String> tags = edge.tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertTrue(Tags.matches(tags, "shop", Tags.GLOBAL, Tags.ROLE_EDGE_CERTIFICATE));
        assertEquals("payments", tags.get("team"));
    }

    @Test
    void ensure_originCertificate_taggedWithItsRegion() {
        requests.ensure(ExampleApp.input(), ExampleApp.run("run-1"));

        Map<String, String> tags = acm.in("us-west-2").requests().get(0).tags().stream()
                .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
        assertTrue(Tags.matches(tags, "shop", "us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE));
    }

    @Test
    void ensure_rerun_findsTaggedCertificatesAndRequestsNothing() {
        CertificatesResult first = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1"));

        CertificatesResult second = requests.ensure(ExampleApp.input(), ExampleApp.run("run-2"));

        assertEquals(first.items().stream().map(Certificate::arn).toList(),
                second.items().stream().map(Certificate::arn).toList());
        assertTrue(second.items().stream().noneMatch(Certificate::created));
        assertEquals(3, acm.count());
    }

    @Test
    void ensure_taggedCertificateWithDifferentNames_notReused() {
        String onlyApex = acm.in("us-east-1").existing(List.of("example.com"),
                tags(Tags.GLOBAL, Tags.ROLE_EDGE_CERTIFICATE), CertificateStatus.ISSUED);

        Certificate edge = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1")).edge();

        assertNotEquals(onlyApex, edge.arn());
        assertTrue(edge.created());
        assertEquals(List.of("example.com", "www.example.com"), edge.names());
    }

    @Test
    void ensure_certificateWithSameNamesButNotTaggedForThisApp_notReused() {
        String untagged = acm.in("us-east-1").existing(List.of("example.com", "www.example.com"), Map.of(),
                CertificateStatus.ISSUED);
        String otherApp = acm.in("us-east-1").existing(List.of("example.com", "www.example.com"),
                Tags.of(Map.of(), "blog", Tags.GLOBAL, Tags.ROLE_EDGE_CERTIFICATE), CertificateStatus.ISSUED);

        Certificate edge = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1")).edge();

        assertTrue(edge.created());
        assertFalse(List.of(untagged, otherApp).contains(edge.arn()));
    }

    @Test
    void ensure_taggedCertificateNamesDifferOnlyInCase_reused() {
        String existing = acm.in("us-east-1").existing(List.of("Example.com", "WWW.example.com"),
                tags(Tags.GLOBAL, Tags.ROLE_EDGE_CERTIFICATE), CertificateStatus.PENDING_VALIDATION);

        Certificate edge = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1")).edge();

        assertEquals(existing, edge.arn());
        assertFalse(edge.created());
    }

    @Test
    void ensure_taggedCertificateFailed_requestsNewOne() {
        String failed = acm.in("us-west-2").existing(List.of("api.example.com"),
                tags("us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.FAILED);

        Certificate origin = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1")).origin("us-west-2");

        assertNotEquals(failed, origin.arn());
        assertTrue(origin.created());
    }

    @Test
    void ensure_severalUsable_issuedOneWins() {
        FakeAcm west = acm.in("us-west-2");
        west.existing(List.of("api.example.com"), tags("us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE),
                CertificateStatus.PENDING_VALIDATION);
        String issued = west.existing(List.of("api.example.com"), tags("us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE),
                CertificateStatus.ISSUED);

        Certificate origin = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1")).origin("us-west-2");

        assertEquals(issued, origin.arn());
    }

    @Test
    void ensure_retriedBeforeAcmListsTheNewCertificates_sameCertificatesNoDuplicates() {
        CertificatesResult first = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1"));
        acm.regions.values().forEach(r -> r.listLags = true);

        CertificatesResult retry = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1"));

        assertEquals(first.items().stream().map(Certificate::arn).toList(),
                retry.items().stream().map(Certificate::arn).toList());
        assertEquals(3, acm.count());
    }

    // ACM lists a new certificate before it can describe it (several seconds after RequestCertificate); moto does
    // not show that, FakeAcm does.
    @Test
    void ensure_listedCertificatesNotDescribableYet_validationRecordsNotReadyAndNoDuplicate() {
        acm.in("us-east-1").describableOnRequest = false;
        acm.in("us-west-2").describableOnRequest = false;
        CertificatesResult first = requests.ensure(ExampleApp.input(), ExampleApp.run("run-1"));

        ValidationRecordsNotReadyException e = assertThrows(ValidationRecordsNotReadyException.class,
                () -> requests.ensure(ExampleApp.input(), ExampleApp.run("run-2")));

        assertTrue(e.getMessage().contains(first.edge().arn()), e.getMessage());
        assertEquals(3, acm.count());
        acm.regions.values().forEach(FakeAcm::settle);
        CertificatesResult retry = requests.ensure(ExampleApp.input(), ExampleApp.run("run-2"));
        assertEquals(first.items().stream().map(Certificate::arn).toList(),
                retry.items().stream().map(Certificate::arn).toList());
        assertEquals(3, acm.count());
    }

    @Test
    void idempotencyToken_longRunId_32WordCharactersDifferentPerRegionAndRole() {
        String runId = "provision-shop-" + "x".repeat(80) + ":with/odd-chars";
        String edge = CertificateRequests.idempotencyToken(runId, "us-east-1", Tags.ROLE_EDGE_CERTIFICATE);
        String origin = CertificateRequests.idempotencyToken(runId, "us-east-1", Tags.ROLE_ORIGIN_CERTIFICATE);
        String west = CertificateRequests.idempotencyToken(runId, "us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE);

        assertTrue(edge.matches("\\w{32}"), edge);
        assertEquals(3, Set.of(edge, origin, west).size());
        assertEquals(edge, CertificateRequests.idempotencyToken(runId, "us-east-1", Tags.ROLE_EDGE_CERTIFICATE));
    }
}
