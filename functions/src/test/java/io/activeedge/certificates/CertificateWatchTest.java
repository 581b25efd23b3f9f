package io.activeedge.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Tags;
import io.activeedge.errors.CertificateDeadlineExceededException;
import io.activeedge.errors.CertificateFailedException;
import io.activeedge.errors.ValidationRecordsNotReadyException;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificateStatus;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.FailureReason;

class CertificateWatchTest {
    private static final String EDGE_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/edge";
    private static final String WEST_ARN = "arn:aws:acm:us-west-2:123456789012:certificate/west";
    private static final CertificatesResult CERTIFICATES = new CertificatesResult(List.of(
            new Certificate(Tags.ROLE_EDGE_CERTIFICATE, "us-east-1", EDGE_ARN,
                    List.of("example.com", "www.example.com"), true),
            new Certificate(Tags.ROLE_ORIGIN_CERTIFICATE, "us-west-2", WEST_ARN, List.of("api.example.com"), true)));

    private final FakeAcm.Regions acm = new FakeAcm.Regions();

    @BeforeEach
    void bothIssued() {
        acm.in("us-east-1").existing(EDGE_ARN, List.of("example.com", "www.example.com"), Map.of(),
                software.amazon.awssdk.services.acm.model.CertificateStatus.ISSUED);
        acm.in("us-west-2").existing(WEST_ARN, List.of("api.example.com"), Map.of(),
                software.amazon.awssdk.services.acm.model.CertificateStatus.ISSUED);
    }

    private void status(String arn, software.amazon.awssdk.services.acm.model.CertificateStatus status,
                        FailureReason reason) {
        acm.in(arn.split(":")[3]).setStatus(arn, status, reason);
    }

    private CertificateStatus checkAfter(Duration sinceStart) {
        Clock clock = Clock.fixed(ExampleApp.STARTED_AT.plus(sinceStart), ZoneOffset.UTC);
        CertificateWatch watch = new CertificateWatch(acm.clients, clock);
        return watch.check(CERTIFICATES, ExampleApp.run("run-1"), ExampleApp.input().timing(), ExampleApp.zone());
    }

    @Test
    void check_allIssued_issuedWithNothingPending() {
        CertificateStatus result = checkAfter(Duration.ofMinutes(5));

        assertTrue(result.issued());
        assertEquals(List.of(), result.pending());
    }

    @Test
    void check_notYetIssuedBeforeDeadline_notIssuedListsPending() {
        status(WEST_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.PENDING_VALIDATION, null);

        CertificateStatus result = checkAfter(Duration.ofMinutes(59));

        assertFalse(result.issued());
        assertEquals(List.of("us-west-2 " + WEST_ARN + " PENDING_VALIDATION"), result.pending());
    }

    @Test
    void check_failedWithCaaError_certificateFailedNamingReasonAndFix() {
        status(WEST_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.FAILED, FailureReason.CAA_ERROR);

        CertificateFailedException e = assertThrows(CertificateFailedException.class,
                () -> checkAfter(Duration.ofMinutes(5)));

        assertTrue(e.getMessage().contains("CAA_ERROR"), e.getMessage());
        assertTrue(e.getMessage().contains(WEST_ARN), e.getMessage());
        assertTrue(e.getMessage().contains("us-west-2"), e.getMessage());
        assertTrue(e.getMessage().contains("amazon.com"), e.getMessage());
    }

    @Test
    void check_validationTimedOut_certificateFailedPointingAtDelegation() {
        status(EDGE_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.VALIDATION_TIMED_OUT, null);

        CertificateFailedException e = assertThrows(CertificateFailedException.class,
                () -> checkAfter(Duration.ofMinutes(5)));

        assertTrue(e.getMessage().contains("VALIDATION_TIMED_OUT"), e.getMessage());
        assertTrue(e.getMessage().contains(EDGE_ARN), e.getMessage());
        assertTrue(e.getMessage().contains("ns-1.awsdns-01.org"), e.getMessage());
    }

    @Test
    void check_revoked_certificateFailed() {
        status(EDGE_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.REVOKED, null);

        CertificateFailedException e = assertThrows(CertificateFailedException.class,
                () -> checkAfter(Duration.ofMinutes(5)));

        assertTrue(e.getMessage().contains("REVOKED"), e.getMessage());
    }

    @Test
    void check_failedAfterDeadline_failureReportedRatherThanDeadline() {
        status(EDGE_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.FAILED,
                FailureReason.INVALID_PUBLIC_DOMAIN);
        status(WEST_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.PENDING_VALIDATION, null);

        CertificateFailedException e = assertThrows(CertificateFailedException.class,
                () -> checkAfter(Duration.ofHours(3)));

        assertTrue(e.getMessage().contains("INVALID_PUBLIC_DOMAIN"), e.getMessage());
    }

    @Test
    void check_foundCertificateDeleted_certificateFailed() {
        acm.in("us-west-2").delete(WEST_ARN);
        CertificatesResult found = new CertificatesResult(CERTIFICATES.items().stream()
                .map(c -> new Certificate(c.role(), c.region(), c.arn(), c.names(), false)).toList());
        CertificateWatch watch = new CertificateWatch(acm.clients,
                Clock.fixed(ExampleApp.STARTED_AT.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));

        CertificateFailedException e = assertThrows(CertificateFailedException.class, () -> watch.check(found,
                ExampleApp.run("run-1"), ExampleApp.input().timing(), ExampleApp.zone()));

        assertTrue(e.getMessage().contains(WEST_ARN), e.getMessage());
    }

    // ACM answers ResourceNotFoundException for several seconds after RequestCertificate; moto does not show
    // that, so the fake's certificate is removed to stand for one ACM cannot describe yet.
    @Test
    void check_certificateRequestedThisRunNotFound_validationRecordsNotReadyNotAFailure() {
        acm.in("us-west-2").delete(WEST_ARN);

        ValidationRecordsNotReadyException e = assertThrows(ValidationRecordsNotReadyException.class,
                () -> checkAfter(Duration.ofMinutes(1)));

        assertTrue(e.getMessage().contains(WEST_ARN), e.getMessage());
    }

    @Test
    void check_deadlinePassed_deadlineExceededNamingPendingAndDeadline() {
        status(WEST_ARN, software.amazon.awssdk.services.acm.model.CertificateStatus.PENDING_VALIDATION, null);

        CertificateDeadlineExceededException e = assertThrows(CertificateDeadlineExceededException.class,
                () -> checkAfter(Duration.ofMinutes(61)));

        assertTrue(e.getMessage().contains("us-west-2 " + WEST_ARN + " PENDING_VALIDATION"), e.getMessage());
        assertTrue(e.getMessage().contains("2026-01-01T01:00:00Z"), e.getMessage());
    }

    @Test
    void check_allIssuedAfterDeadline_issued() {
        assertTrue(checkAfter(Duration.ofHours(5)).issued());
    }
}
