package io.activeedge.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Tags;
import io.activeedge.errors.CertificateInUseException;
import io.activeedge.teardown.CertificateRemovalResult.ValidationRecord;
import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.acm.model.AcmException;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.ResourceRecord;

class CertificateRemoverTest {
    private static final String DISTRIBUTION = "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE12345";
    private static final String USERS_LOAD_BALANCER =
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shop-legacy/50dc6c495c0c9188";

    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private String edge;
    private String east;
    private String west;

    @BeforeEach
    void provisioned() {
        edge = acm.in("us-east-1").existing(List.of("example.com", "www.example.com"),
                Tags.of(Map.of(), "shop", Tags.GLOBAL, Tags.ROLE_EDGE_CERTIFICATE), CertificateStatus.ISSUED);
        east = acm.in("us-east-1").existing(List.of("api.example.com"),
                Tags.of(Map.of(), "shop", "us-east-1", Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);
        west = acm.in("us-west-2").existing(List.of("api.example.com"),
                Tags.of(Map.of(), "shop", "us-west-2", Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);
    }

    private CertificateRemovalResult removeAfter(Duration sinceStart, CertificateRemovalResult previous) {
        Clock clock = Clock.fixed(ExampleApp.run("teardown-1").startedAt().plus(sinceStart), ZoneOffset.UTC);
        return new CertificateRemover(acm.clients, clock)
                .remove(ExampleApp.input(false), ExampleApp.run("teardown-1"), ExampleApp.REGIONS, previous);
    }

    private static ValidationRecord record(String domain) {
        ResourceRecord record = FakeAcm.validationRecord(domain);
        return new ValidationRecord(record.name(), record.value());
    }

    @Test
    void remove_nothingInUse_deletesEveryCertificateAndRemembersTheirRecordsOnce() {
        CertificateRemovalResult result = removeAfter(Duration.ofMinutes(20), null);

        assertThat(result.done()).isTrue();
        assertThat(result.deleted()).containsExactly(
                "us-east-1 " + edge + " (example.com, www.example.com)",
                "us-east-1 " + east + " (api.example.com)",
                "us-west-2 " + west + " (api.example.com)");
        assertThat(result.inUse()).isEmpty();
        assertThat(result.kept()).isEmpty();
        assertThat(result.validationRecords()).containsExactlyInAnyOrder(
                record("example.com"), record("www.example.com"), record("api.example.com"));
        assertThat(acm.count()).isZero();
    }

    @Test
    void remove_certificateInUse_reportedThenDeletedOnALaterRoundWithDeletedAccumulated() {
        acm.in("us-east-1").setInUseBy(edge, List.of(DISTRIBUTION));

        CertificateRemovalResult first = removeAfter(Duration.ofMinutes(20), null);

        assertThat(first.done()).isFalse();
        assertThat(first.inUse()).containsExactly(
                "us-east-1 " + edge + " (example.com, www.example.com) used by " + DISTRIBUTION);
        assertThat(first.deleted()).hasSize(2);
        assertThat(acm.in("us-east-1").contains(edge)).isTrue();
        assertThat(first.validationRecords()).hasSize(3);

        acm.in("us-east-1").setInUseBy(edge, List.of());
        CertificateRemovalResult second = removeAfter(Duration.ofMinutes(25), first);

        assertThat(second.done()).isTrue();
        assertThat(second.inUse()).isEmpty();
        assertThat(second.deleted()).containsExactly(
                "us-east-1 " + east + " (api.example.com)",
                "us-west-2 " + west + " (api.example.com)",
                "us-east-1 " + edge + " (example.com, www.example.com)");
        assertThat(second.validationRecords()).containsExactlyInAnyOrderElementsOf(first.validationRecords());
        assertThat(acm.count()).isZero();
    }

    @Test
    void remove_stillInUseAfterTheDeadline_certificateInUseNamingWhatUsesItAndWhatToDo() {
        acm.in("us-east-1").setInUseBy(east, List.of(USERS_LOAD_BALANCER));

        assertThatThrownBy(() -> removeAfter(Duration.ofMinutes(61), null))
                .isInstanceOf(CertificateInUseException.class)
                .hasMessageContaining(east)
                .hasMessageContaining(USERS_LOAD_BALANCER)
                .hasMessageContaining("detach the certificate")
                .hasMessageContaining("run teardown again with the same input");
        assertThat(acm.in("us-east-1").contains(east)).isTrue();
    }

    @Test
    void remove_otherAppsAndUsersCertificatesForTheSameNames_leftAlone() {
        String blogs = acm.in("us-east-1").existing(List.of("api.example.com"),
                Tags.of(Map.of(), "blog", "us-east-1", Tags.ROLE_ORIGIN_CERTIFICATE), CertificateStatus.ISSUED);
        String users = acm.in("us-west-2").existing(List.of("example.com", "*.example.com"), Map.of(),
                CertificateStatus.ISSUED);

        CertificateRemovalResult result = removeAfter(Duration.ofMinutes(20), null);

        assertThat(result.deleted()).hasSize(3).noneMatch(line -> line.contains(blogs) || line.contains(users));
        assertThat(acm.in("us-east-1").contains(blogs)).isTrue();
        assertThat(acm.in("us-west-2").contains(users)).isTrue();
    }

    // A service control policy that denies a Region makes ACM answer AccessDeniedException there. moto cannot deny
    // a call, so FakeAcm answers it.
    @Test
    void remove_scpDeniesARegionOfTheApp_othersDeletedThatRegionNamedAsKeptAndDone() {
        acm.in("us-west-2").failure = AcmException.builder().statusCode(400).message("AccessDeniedException")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                        .errorMessage("with an explicit deny in a service control policy").build()).build();

        CertificateRemovalResult result = removeAfter(Duration.ofMinutes(20), null);

        assertThat(result.done()).isTrue();
        assertThat(result.deleted()).containsExactly(
                "us-east-1 " + edge + " (example.com, www.example.com)",
                "us-east-1 " + east + " (api.example.com)");
        assertThat(result.kept()).containsExactly("us-west-2 (ACM could not be read there: AccessDeniedException;"
                + " any certificate of app shop in us-west-2 is left in place)");
        acm.in("us-west-2").failure = null;
        assertThat(acm.in("us-west-2").contains(west)).isTrue();
    }

    @Test
    void remove_nothingLeft_doneWithEmptyResults() {
        removeAfter(Duration.ofMinutes(20), null);

        CertificateRemovalResult again = removeAfter(Duration.ofMinutes(90), null);

        assertThat(again).isEqualTo(new CertificateRemovalResult(List.of(), List.of(), List.of(), List.of(), true));
    }
}
