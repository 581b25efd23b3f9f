package io.activeedge.certificates;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.CertificateDeadlineExceededException;
import io.activeedge.errors.CertificateFailedException;
import io.activeedge.errors.ValidationRecordsNotReadyException;
import io.activeedge.input.TimingSpec;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.Run;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.FailureReason;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;

/**
 * Looks once at every certificate: all ISSUED, still pending, or beyond hope. Never waits itself;
 * the state machine waits between looks.
 */
public final class CertificateWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateWatch.class);
    private static final String START_AGAIN =
            " Then start a new execution: it requests a new certificate in place of this one.";

    /** States from which ACM never goes on to ISSUED. */
    private static final Set<CertificateStatus> GIVEN_UP = Set.of(CertificateStatus.FAILED,
            CertificateStatus.VALIDATION_TIMED_OUT, CertificateStatus.REVOKED, CertificateStatus.EXPIRED,
            CertificateStatus.INACTIVE);

    private final RegionalClients<AcmClient> acm;
    private final Clock clock;

    public CertificateWatch(RegionalClients<AcmClient> acm, Clock clock) {
        this.acm = acm;
        this.clock = clock;
    }

    public io.activeedge.provisioning.CertificateStatus check(CertificatesResult certificates, Run run, TimingSpec timing,
                                                          HostedZone zone) {
        List<String> pending = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> notReadable = new ArrayList<>();
        for (Certificate certificate : certificates.items()) {
            CertificateDetail detail = describe(certificate);
            if (detail == null && certificate.created()) {
                notReadable.add(certificate.region() + " " + certificate.arn());
                continue;
            }
            if (detail == null) {
                failures.add(describe(certificate, "DELETED") + ": it no longer exists in ACM." + START_AGAIN);
                continue;
            }
            CertificateStatus status = detail.status();
            LOG.info("certificate status", entry("role", certificate.role()), LogContext.region(certificate.region()),
                    entry("arn", certificate.arn()), entry("status", detail.statusAsString()),
                    entry("failureReason", detail.failureReasonAsString()));
            if (status == CertificateStatus.ISSUED) {
                continue;
            }
            if (GIVEN_UP.contains(status)) {
                failures.add(failure(certificate, detail, zone));
            } else {
                pending.add(certificate.region() + " " + certificate.arn() + " " + detail.statusAsString());
            }
        }
        if (!failures.isEmpty()) {
            throw new CertificateFailedException(String.join(" ", failures));
        }
        if (!notReadable.isEmpty()) {
            // https://docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html: "If you have just
            // created a certificate using the RequestCertificate action, there is a delay of several seconds before
            // you can retrieve information about it."
            LOG.info("certificates not readable yet", entry("count", notReadable.size()),
                    entry("certificates", notReadable), entry("action", "retry"));
            throw new ValidationRecordsNotReadyException("ACM cannot find the certificates " + notReadable
                    + " that this execution requested (ResourceNotFoundException): ACM takes several seconds after"
                    + " RequestCertificate before it describes a new certificate. If this persists, they were"
                    + " deleted: start a new execution, which requests new ones.");
        }
        if (pending.isEmpty()) {
            return new io.activeedge.provisioning.CertificateStatus(true, List.of());
        }
        Instant deadline = run.startedAt().plusSeconds(60L * timing.certificateTimeoutMinutes());
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
            throw new CertificateDeadlineExceededException("CertificatesResult not issued by the deadline " + deadline
                    + " (" + timing.certificateTimeoutMinutes() + " minutes after the execution started at "
                    + run.startedAt() + "): " + String.join(", ", pending) + ". ACM issues once it can resolve the"
                    + " validation CNAMEs: check that the registrar of " + zoneName(zone)
                    + " delegates to the hosted zone's name servers " + nameServers(zone)
                    + ", then start a new execution (it reuses these certificates), or raise"
                    + " timing.certificateTimeoutMinutes.");
        }
        LOG.info("certificates pending", entry("count", pending.size()), entry("deadline", deadline.toString()),
                entry("pending", pending));
        return new io.activeedge.provisioning.CertificateStatus(false, List.copyOf(pending));
    }

    /** The certificate's details, or null when ACM does not find it (deleted, or requested seconds ago). */
    private CertificateDetail describe(Certificate certificate) {
        try {
            return acm.in(certificate.region()).describeCertificate(DescribeCertificateRequest.builder()
                    .certificateArn(certificate.arn()).build()).certificate();
        } catch (ResourceNotFoundException e) {
            LOG.info("certificate missing", entry("role", certificate.role()), LogContext.region(certificate.region()),
                    entry("arn", certificate.arn()), entry("requestedByThisRun", certificate.created()));
            return null;
        }
    }

    private static String failure(Certificate certificate, CertificateDetail detail, HostedZone zone) {
        String reason = detail.failureReasonAsString();
        String head = describe(certificate, detail.statusAsString())
                + (reason == null ? "" : " (" + reason + ")") + ": ";
        return head + switch (detail.status()) {
            case VALIDATION_TIMED_OUT -> "ACM did not see the DNS validation CNAMEs within 72 hours. Check that"
                    + " the registrar of " + zoneName(zone) + " delegates to the hosted zone's name servers "
                    + nameServers(zone) + " and that the CNAMEs are in that hosted zone." + START_AGAIN;
            case REVOKED -> "the certificate was revoked. Delete it in ACM." + START_AGAIN;
            case EXPIRED, INACTIVE -> "it can no longer be used." + START_AGAIN;
            default -> advice(detail.failureReason()) + START_AGAIN;
        };
    }

    /** What a person does about each reason ACM gives for FAILED. */
    private static String advice(FailureReason reason) {
        if (reason == null) {
            return "ACM gave no reason; see the certificate in the ACM console.";
        }
        return switch (reason) {
            case CAA_ERROR -> "a CAA record on one of the names or on a parent domain does not allow Amazon to"
                    + " issue. Add a CAA record with the value 0 issue \"amazon.com\" next to the existing ones,"
                    + " or remove them.";
            case DOMAIN_NOT_ALLOWED -> "ACM does not issue certificates for one of these names (for example a name"
                    + " owned by Amazon or on a block list). Use other names in aliases or originDomain.";
            case INVALID_PUBLIC_DOMAIN -> "one of the names is not a valid public domain name. Fix aliases or"
                    + " originDomain in the input.";
            case ADDITIONAL_VERIFICATION_REQUIRED, DOMAIN_VALIDATION_DENIED -> "Amazon needs to verify these names"
                    + " before it issues a certificate for them. Contact AWS Support.";
            case NO_AVAILABLE_CONTACTS -> "ACM found no contact address for the domain. Use DNS validation (the"
                    + " default) and check that the hosted zone is the one the registrar delegates to.";
            default -> "see the certificate in the ACM console for details and fix the cause.";
        };
    }

    private static String describe(Certificate certificate, String status) {
        String what = Tags.ROLE_EDGE_CERTIFICATE.equals(certificate.role()) ? "edge certificate" : "origin certificate";
        return "The " + what + " " + certificate.names() + " in " + certificate.region() + " (" + certificate.arn()
                + ") is " + status;
    }

    private static String zoneName(HostedZone zone) {
        return zone == null ? "the domain" : zone.name() + " (hosted zone " + zone.id() + ")";
    }

    private static String nameServers(HostedZone zone) {
        return zone == null || zone.nameServers() == null ? "" : zone.nameServers().toString();
    }
}
