package io.activeedge.certificates;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.AwsRegions;
import io.activeedge.core.LogContext;
import io.activeedge.core.Names;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.CertificateInUseException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.Run;
import io.activeedge.teardown.CertificateRemovalResult.ValidationRecord;
import io.activeedge.teardown.CertificateRemovalResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.ConflictException;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;

/**
 * Deletes the application's certificates: in us-east-1 and every Region to search, each certificate
 * tagged for the application with the edge or origin certificate role, in any status. A certificate still
 * in use (CloudFront and API Gateway release it a few minutes after deleting their own resource) is left
 * for the next round; the state machine waits and calls again until nothing is in use or the deadline passes.
 * The DNS validation CNAMEs of every certificate are remembered before it is deleted, so a later step can
 * remove those no remaining certificate needs. A Region where ACM refuses to answer (AccessDeniedException, e.g. a
 * service control policy that denies the Region) or that is not enabled is not searched: the result names it
 * among the kept, and the teardown goes on.
 */
public final class CertificateRemover {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRemover.class);
    private static final Set<String> ROLES = Set.of(Tags.ROLE_EDGE_CERTIFICATE, Tags.ROLE_ORIGIN_CERTIFICATE);
    private static final Comparator<ValidationRecord> BY_NAME =
            Comparator.comparing(ValidationRecord::name).thenComparing(ValidationRecord::value);

    private final RegionalClients<AcmClient> acm;
    private final Clock clock;

    public CertificateRemover(RegionalClients<AcmClient> acm, Clock clock) {
        this.acm = acm;
        this.clock = clock;
    }

    /**
     * One round. {@code previous} is the last round's result (null on the first): what it deleted and the
     * validation records it remembered are carried forward, as the state machine keeps only the latest round.
     */
    public CertificateRemovalResult remove(AppSpec input, Run run, List<String> regionsToSearch,
                                           CertificateRemovalResult previous) {
        Round round = new Round(input.app(), previous);
        SortedSet<String> regions = new TreeSet<>(regionsToSearch);
        regions.add(AwsConstants.CLOUDFRONT_CERTIFICATE_REGION);
        List<String> unreadable = new ArrayList<>();
        for (String region : regions) {
            AcmClient client = acm.in(region);
            try {
                for (CertificateSummary summary : AcmCertificates.listAll(client)) {
                    if (inZone(summary, input.zone())) {
                        round.consider(region, client, summary.certificateArn());
                    }
                }
            } catch (AwsServiceException e) {
                if (!AcmCertificates.accessDenied(e) && !AwsRegions.notEnabled(region, e)) {
                    throw e;
                }
                String code = e.awsErrorDetails().errorCode();
                LOG.info("certificates search incomplete", LogContext.region(region), entry("error", code),
                        entry("action", "keep"));
                unreadable.add(region);
                round.kept.add(region + " (ACM could not be read there: " + code + "; any certificate of app "
                        + input.app() + " in " + region + " is left in place)");
            }
        }
        if (!round.inUse.isEmpty()) {
            requireBeforeDeadline(input, run, round.inUse);
        }
        LOG.info("certificates removed", entry("regions", List.copyOf(regions)),
                entry("deletedThisRound", round.deletedNow), entry("deletedInAll", round.deleted.size()),
                entry("kept", round.kept.size()), entry("inUse", round.inUse.size()),
                entry("validationRecords", round.records.size()), entry("unreadableRegions", unreadable));
        return new CertificateRemovalResult(List.copyOf(round.deleted), List.copyOf(round.kept), List.copyOf(round.inUse),
                List.copyOf(round.records), round.inUse.isEmpty());
    }

    /**
     * Certificates for names outside the zone cannot be the application's (its names are all records of the
     * zone), so their tags are not read. Without a zone in the input, every certificate is a candidate.
     */
    private static boolean inZone(CertificateSummary summary, String zone) {
        if (zone == null) {
            return true;
        }
        if (summary.domainName() == null) {
            return false;
        }
        String name = Names.bare(summary.domainName());
        String apex = Names.bare(zone);
        return name.equals(apex) || name.endsWith("." + apex);
    }

    /** The DNS validation CNAMEs a certificate uses, names lower case with the trailing dot. */
    static List<ValidationRecord> validationRecords(CertificateDetail detail) {
        List<ValidationRecord> records = new ArrayList<>();
        for (DomainValidation option : detail.domainValidationOptions()) {
            if (AcmCertificates.usesDns(option) && option.resourceRecord() != null) {
                records.add(new ValidationRecord(Names.fqdn(option.resourceRecord().name()),
                        option.resourceRecord().value()));
            }
        }
        return records;
    }

    private void requireBeforeDeadline(AppSpec input, Run run, List<String> inUse) {
        Integer minutes = input.timing() == null ? null : input.timing().certificateTimeoutMinutes();
        if (minutes == null) {
            throw new IllegalArgumentException("input.timing.certificateTimeoutMinutes is missing:"
                    + " ValidateTeardownInput fills it in");
        }
        Instant deadline = run.startedAt().plusSeconds(60L * minutes);
        Instant now = clock.instant();
        if (!now.isAfter(deadline)) {
            LOG.info("certificates in use", entry("deadline", deadline.toString()), entry("action", "wait"),
                    entry("inUse", inUse));
            return;
        }
        LOG.info("certificates in use", entry("deadline", deadline.toString()), entry("action", "fail"),
                entry("inUse", inUse));
        throw new CertificateInUseException("Certificates of app " + input.app() + " are still in use "
                + minutes + " minutes after the teardown started at " + run.startedAt() + " (deadline " + deadline
                + "): " + String.join("; ", inUse) + ". CloudFront and API Gateway release a certificate a few"
                + " minutes after they delete the distribution or custom domain that used it. If a resource of"
                + " yours (not made by active-edge) uses it, detach the certificate from that resource or delete"
                + " the resource. Then run teardown again with the same input: it resumes where this run stopped.");
    }

    /** What one round found, with the previous rounds' deletions and records carried forward. */
    private static final class Round {
        final String app;
        final List<String> deleted = new ArrayList<>();
        final List<String> kept = new ArrayList<>();
        final List<String> inUse = new ArrayList<>();
        final SortedSet<ValidationRecord> records = new TreeSet<>(BY_NAME);
        int deletedNow;

        Round(String app, CertificateRemovalResult previous) {
            this.app = app;
            if (previous != null) {
                deleted.addAll(previous.deleted() == null ? List.of() : previous.deleted());
                records.addAll(previous.validationRecords() == null ? List.of() : previous.validationRecords());
            }
        }

        void consider(String region, AcmClient client, String arn) {
            Map<String, String> tags;
            CertificateDetail detail;
            try {
                tags = AcmCertificates.tags(client, arn);
                if (!app.equals(tags.get(Tags.APP))) {
                    return;
                }
                detail = client.describeCertificate(r -> r.certificateArn(arn)).certificate();
            } catch (ResourceNotFoundException e) {
                LOG.info("certificate already gone", LogContext.region(region), entry("arn", arn));
                return;
            }
            String label = region + " " + arn + " (" + String.join(", ", detail.subjectAlternativeNames()) + ")";
            String role = tags.get(Tags.ROLE);
            if (!ROLES.contains(role)) {
                LOG.info("certificate kept", LogContext.region(region), entry("arn", arn), entry("role", role),
                        entry("reason", "not-a-certificate-role"));
                kept.add(label + " (tagged for app " + app + " with role " + role + ", not a certificate active-edge"
                        + " made)");
                return;
            }
            records.addAll(validationRecords(detail));
            if (detail.hasInUseBy() && !detail.inUseBy().isEmpty()) {
                LOG.info("certificate in use", LogContext.region(region), entry("arn", arn), entry("role", role),
                        entry("inUseBy", detail.inUseBy()), entry("action", "wait"));
                inUse.add(label + " used by " + String.join(", ", detail.inUseBy()));
                return;
            }
            try {
                client.deleteCertificate(r -> r.certificateArn(arn));
                LOG.info("certificate deleted", LogContext.region(region), entry("arn", arn), entry("role", role),
                        entry("status", detail.statusAsString()), entry("names", detail.subjectAlternativeNames()));
                deleted.add(label);
                deletedNow++;
            } catch (ResourceInUseException e) {
                LOG.info("certificate in use", LogContext.region(region), entry("arn", arn), entry("role", role),
                        entry("error", "ResourceInUseException"), entry("action", "wait"));
                inUse.add(label + " used by another AWS service (ACM refused to delete it: " + e.getMessage() + ")");
            } catch (ConflictException e) {
                LOG.info("certificate busy", LogContext.region(region), entry("arn", arn), entry("role", role),
                        entry("error", "ConflictException"), entry("action", "wait"));
                inUse.add(label + " being changed by ACM (" + e.getMessage() + ")");
            } catch (ResourceNotFoundException e) {
                LOG.info("certificate already gone", LogContext.region(region), entry("arn", arn),
                        entry("role", role));
            }
        }
    }
}
