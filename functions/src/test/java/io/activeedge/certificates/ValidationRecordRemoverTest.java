package io.activeedge.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.AwsRegions;
import io.activeedge.core.Tags;
import io.activeedge.teardown.CertificateRemovalResult.ValidationRecord;
import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeRoute53;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class ValidationRecordRemoverTest {
    private static final String EDGE = "arn:aws:acm:us-east-1:123456789012:certificate/0d2f4a6e-edge";
    private static final String EAST = "arn:aws:acm:us-east-1:123456789012:certificate/7e8f9a0b-east";
    private static final String WEST = "arn:aws:acm:us-west-2:123456789012:certificate/3c4d5e6f-west";
    /** What DeleteCertificates returned: every certificate deleted, the records they used. */
    private static final CertificateRemovalResult DELETED = new CertificateRemovalResult(
            List.of("us-east-1 " + EAST + " (api.example.com)", "us-west-2 " + WEST + " (api.example.com)",
                    "us-east-1 " + EDGE + " (example.com, www.example.com)"),
            List.of(), List.of(),
            List.of(record("api.example.com"), record("example.com"), record("www.example.com")), true);

    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final FakeRoute53 zone = new FakeRoute53(ExampleApp.ZONE_ID);
    private final ValidationRecordRemover remover = new ValidationRecordRemover(acm.clients, zone, Runnable::run);

    private static ValidationRecord record(String domain) {
        var record = FakeAcm.validationRecord(domain);
        return new ValidationRecord(record.name(), record.value());
    }

    private static String name(String domain) {
        return record(domain).name();
    }

    private static ResourceRecordSet cname(String name, String value) {
        return ResourceRecordSet.builder().name(name).type(RRType.CNAME).ttl(300L)
                .resourceRecords(r -> r.value(value)).build();
    }

    @BeforeEach
    void published() {
        for (ValidationRecord record : DELETED.validationRecords()) {
            zone.put(cname(record.name(), record.value()));
        }
        zone.put(cname("shop.example.com.", "shop.example.org."));
    }

    private RemovalResult remove() {
        return remover.remove(ExampleApp.zone(), ExampleApp.REGIONS, DELETED);
    }

    private static AwsServiceException acmError(int status, String code) {
        return AcmException.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void remove_noOtherCertificate_deletesEveryRecordInOneChangeBatch() {
        RemovalResult result = remove();

        assertThat(result.deleted()).containsExactlyInAnyOrder(name("example.com") + " CNAME",
                name("www.example.com") + " CNAME", name("api.example.com") + " CNAME");
        assertThat(result.kept()).isEmpty();
        assertThat(zone.batches).hasSize(1);
        assertThat(zone.records).extracting(ResourceRecordSet::name).containsExactly("shop.example.com.");
    }

    /** The SDK's retry of a DELETE whose answer was lost finds the records gone (see LatencyRecordRemoverTest). */
    @Test
    void remove_batchAppliedButItsAnswerLost_reportsTheRecordsDeleted() {
        zone.failNextAfterApplying("ChangeResourceRecordSets", FakeRoute53.invalid(
                "Tried to delete resource record set [example.com., CNAME] but it was not found"));

        RemovalResult result = remove();

        assertThat(result.deleted()).containsExactlyInAnyOrder(name("example.com") + " CNAME",
                name("www.example.com") + " CNAME", name("api.example.com") + " CNAME");
        assertThat(zone.records).extracting(ResourceRecordSet::name).containsExactly("shop.example.com.");
    }

    @Test
    void remove_anotherAppsCertificateSharesARecord_keepsThatRecordWhileTheOthersGo() {
        String blogs = acm.in("eu-west-1").existing(List.of("api.example.com", "blog.example.com"),
                Tags.of(Map.of(), "blog", "eu-west-1", Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);
        acm.in("eu-west-1").setKeyAlgorithm(blogs, KeyAlgorithm.EC_PRIME256_V1);

        RemovalResult result = remove();

        assertThat(result.kept()).containsExactly(
                name("api.example.com") + " CNAME (still needed by " + blogs + ")");
        assertThat(result.deleted()).containsExactlyInAnyOrder(
                name("example.com") + " CNAME", name("www.example.com") + " CNAME");
        assertThat(zone.at(name("api.example.com"))).hasSize(1);
        assertThat(zone.at(name("example.com"))).isEmpty();
    }

    @Test
    void remove_usersWildcardCertificateStillPending_keepsTheApexRecordItWillUse() {
        acm.in("us-west-2").publishRecordsOnRequest = false;
        acm.in("us-west-2").requestCertificate(RequestCertificateRequest.builder().domainName("*.example.com")
                .subjectAlternativeNames("*.example.com").build());

        RemovalResult result = remove();

        assertThat(result.kept()).singleElement().asString()
                .startsWith(name("example.com") + " CNAME (still needed by");
        assertThat(result.deleted()).hasSize(2);
    }

    @Test
    void remove_certificateJustDeletedStillListed_doesNotKeepItsRecord() {
        acm.in("us-west-2").existing(WEST, List.of("api.example.com"),
                Tags.of(Map.of(), "shop", "us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);

        RemovalResult result = remove();

        assertThat(result.kept()).isEmpty();
        assertThat(result.deleted()).hasSize(3);
    }

    @Test
    void remove_regionNotEnabledForTheAccount_skipped() {
        acm.in("af-south-1").failure = acmError(403, "UnrecognizedClientException");

        RemovalResult result = remove();

        assertThat(result.deleted()).hasSize(3);
    }

    @Test
    void remove_usEast1AnswersAsIfNotEnabled_failsWithoutDeleting() {
        acm.in("us-east-1").failure = acmError(403, "UnrecognizedClientException");

        assertThatThrownBy(this::remove).isInstanceOf(AcmException.class);
        assertThat(zone.batches).isEmpty();
        assertThat(zone.records).hasSize(4);
    }

    @Test
    void remove_unexpectedAcmFailureInTheSearch_failsWithoutDeleting() {
        acm.in("eu-central-1").failure = acmError(400, "ValidationException");

        assertThatThrownBy(this::remove).isInstanceOf(AcmException.class).hasMessageContaining("ValidationException");
        assertThat(zone.batches).isEmpty();
        assertThat(zone.records).hasSize(4);
    }

    // A service control policy that denies Regions makes ACM answer AccessDeniedException there. moto cannot deny
    // a call, so FakeAcm answers it.
    @Test
    void remove_scpDeniesSomeRegions_keepsEveryRecordNamingThoseRegionsAndDoesNotFail() {
        acm.in("eu-central-1").failure = acmError(400, "AccessDeniedException");
        acm.in("ap-east-1").failure = acmError(400, "AccessDeniedException");

        RemovalResult result = remove();

        assertThat(result.deleted()).isEmpty();
        assertThat(result.kept()).containsExactlyInAnyOrder(
                name("api.example.com") + " CNAME (unknown whether still needed: ACM could not be read in ap-east-1,"
                        + " eu-central-1 (AccessDeniedException), where a certificate may use it)",
                name("example.com") + " CNAME (unknown whether still needed: ACM could not be read in ap-east-1,"
                        + " eu-central-1 (AccessDeniedException), where a certificate may use it)",
                name("www.example.com") + " CNAME (unknown whether still needed: ACM could not be read in ap-east-1,"
                        + " eu-central-1 (AccessDeniedException), where a certificate may use it)");
        assertThat(zone.batches).isEmpty();
        assertThat(zone.records).hasSize(4);
    }

    @Test
    void remove_regionDeniedAndAnotherRegionsCertificateNeedsARecord_thatRecordKeptAsStillNeeded() {
        acm.in("eu-central-1").failure = acmError(400, "AccessDeniedException");
        String users = acm.in("eu-west-1").existing(List.of("www.example.com"), Map.of(), CertificateStatus.ISSUED);

        RemovalResult result = remove();

        assertThat(result.kept()).contains(name("www.example.com") + " CNAME (still needed by " + users + ")");
        assertThat(result.kept()).hasSize(3);
        assertThat(result.deleted()).isEmpty();
    }

    @Test
    void remove_zoneCnameHasAnotherValue_keptAsNotOurs() {
        zone.records.removeIf(r -> r.name().equals(name("www.example.com")));
        zone.put(cname(name("www.example.com"), "_other.acm-validations.aws."));

        RemovalResult result = remove();

        assertThat(result.kept()).containsExactly(name("www.example.com") + " CNAME (not ours: the zone's CNAME points"
                + " at _other.acm-validations.aws., not at " + record("www.example.com").value() + ")");
        assertThat(zone.at(name("www.example.com"))).hasSize(1);
        assertThat(result.deleted()).hasSize(2);
    }

    @Test
    void remove_recordsAlreadyGone_nothingToDelete() {
        remove();

        RemovalResult again = remove();

        assertThat(again).isEqualTo(new RemovalResult(List.of(), List.of()));
        assertThat(zone.batches).hasSize(1);
    }

    @Test
    void remove_noZone_nothingToDo() {
        RemovalResult result = remover.remove(null, ExampleApp.REGIONS, DELETED);

        assertThat(result).isEqualTo(new RemovalResult(List.of(), List.of()));
        assertThat(zone.records).hasSize(4);
    }

    @Test
    void remove_noCertificatesFound_nothingToDo() {
        RemovalResult result = remover.remove(ExampleApp.zone(), ExampleApp.REGIONS,
                new CertificateRemovalResult(List.of(), List.of(), List.of(), List.of(), true));

        assertThat(result).isEqualTo(new RemovalResult(List.of(), List.of()));
    }

    @Test
    void remove_regionsSearchedInParallel_sameResult() {
        AwsRegions.LATENCY_ROUTING.forEach(acm::in);
        String users = acm.in("ap-southeast-2").existing(List.of("www.example.com"), Map.of(),
                CertificateStatus.ISSUED);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            RemovalResult result = new ValidationRecordRemover(acm.clients, zone, pool)
                    .remove(ExampleApp.zone(), ExampleApp.REGIONS, DELETED);

            assertThat(result.kept()).containsExactly(name("www.example.com") + " CNAME (still needed by " + users + ")");
            assertThat(result.deleted()).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
