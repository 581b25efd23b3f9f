package io.activeedge.certificates;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.LogContext;
import io.activeedge.core.Names;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.Run;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/**
 * Finds the application's certificates by their tags and names, and requests the ones that are missing:
 * one in us-east-1 for every CloudFront alias, one per Region for the origin name.
 */
public final class CertificateRequests {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateRequests.class);
    /** ACM accepts at most 32 word characters as an idempotency token. */
    private static final int IDEMPOTENCY_TOKEN_LENGTH = 32;

    private final RegionalClients<AcmClient> acm;

    public CertificateRequests(RegionalClients<AcmClient> acm) {
        this.acm = acm;
    }

    /** The edge certificate first, then one origin certificate per Region in input order. */
    public CertificatesResult ensure(AppSpec input, Run run) {
        List<Certificate> items = new ArrayList<>();
        items.add(ensure(input, run, Tags.ROLE_EDGE_CERTIFICATE, AwsConstants.CLOUDFRONT_CERTIFICATE_REGION,
                Tags.GLOBAL, input.aliases()));
        for (RegionSpec region : input.regions()) {
            items.add(ensure(input, run, Tags.ROLE_ORIGIN_CERTIFICATE, region.region(), region.region(),
                    List.of(input.originDomain())));
        }
        return new CertificatesResult(items);
    }

    private Certificate ensure(AppSpec input, Run run, String role, String region, String regionTag,
                               List<String> requestedNames) {
        List<String> names = requestedNames.stream().map(Names::bare).distinct().toList();
        AcmClient client = acm.in(region);
        Optional<CertificateSummary> existing = findUsable(client, region, input.app(), regionTag, role, names);
        if (existing.isPresent()) {
            String arn = existing.get().certificateArn();
            LOG.info("certificate found", entry("role", role), LogContext.region(region), entry("arn", arn),
                    entry("names", names), entry("status", existing.get().statusAsString()));
            return new Certificate(role, region, arn, names, false);
        }
        String token = idempotencyToken(run.id(), region, role);
        String arn = client.requestCertificate(RequestCertificateRequest.builder()
                .domainName(names.get(0))
                .subjectAlternativeNames(names)
                .validationMethod(ValidationMethod.DNS)
                .idempotencyToken(token)
                .tags(Tags.toList(Tags.of(input.tags(), input.app(), regionTag, role),
                        (key, value) -> Tag.builder().key(key).value(value).build()))
                .build()).certificateArn();
        LOG.info("certificate requested", entry("role", role), LogContext.region(region), entry("arn", arn),
                entry("names", names), entry("idempotencyToken", token));
        return new Certificate(role, region, arn, names, true);
    }

    /**
     * A certificate is usable when it carries this application's tags for the Region and role and covers
     * exactly the wanted names. When several are usable, an ISSUED one wins over one still being validated,
     * then the oldest, so every run settles on the same certificate. A listed certificate that ACM cannot yet
     * describe (one an earlier attempt requested seconds ago) makes the step fail with
     * ValidationRecordsNotReadyException, which the workflow retries, rather than request a duplicate.
     */
    private Optional<CertificateSummary> findUsable(AcmClient client, String region, String app, String regionTag,
                                                    String role, List<String> names) {
        Set<String> wanted = Set.copyOf(names);
        List<CertificateSummary> usable = new ArrayList<>();
        for (CertificateSummary summary : candidates(client, names.get(0))) {
            Map<String, String> tags = AcmCertificates.tagsOfRecent(client, region, summary.certificateArn());
            if (!Tags.matches(tags, app, regionTag, role)) {
                continue;
            }
            Set<String> covered = AcmCertificates.describeRecent(client, region, summary.certificateArn())
                    .subjectAlternativeNames().stream().map(Names::bare).collect(Collectors.toSet());
            if (covered.equals(wanted)) {
                usable.add(summary);
            } else {
                LOG.info("certificate not reused", entry("role", role), entry("arn", summary.certificateArn()),
                        entry("names", covered.stream().sorted().toList()),
                        entry("wanted", wanted.stream().sorted().toList()),
                        entry("reason", "names-differ"));
            }
        }
        if (usable.size() > 1) {
            LOG.info("certificates usable", entry("role", role), entry("regionTag", regionTag),
                    entry("arns", usable.stream().map(CertificateSummary::certificateArn).toList()));
        }
        return usable.stream().min(Comparator
                .comparing((CertificateSummary c) -> c.status() == CertificateStatus.ISSUED ? 0 : 1)
                .thenComparing(c -> c.createdAt() == null ? Instant.MAX : c.createdAt())
                .thenComparing(CertificateSummary::certificateArn));
    }

    /** CertificatesResult that are, or may still become, ISSUED and whose primary name is {@code primary}. */
    private static List<CertificateSummary> candidates(AcmClient client, String primary) {
        return AcmCertificates.list(client, List.of(CertificateStatus.PENDING_VALIDATION, CertificateStatus.ISSUED),
                        null).stream()
                .filter(c -> c.domainName() != null && Names.bare(c.domainName()).equals(primary))
                .toList();
    }

    /**
     * The same for every retry of this step in one execution, so a request whose answer was lost is not
     * made twice; different for each certificate. ACM allows 32 word characters: a hex digest fits.
     */
    static String idempotencyToken(String runId, String region, String role) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((runId + "/" + region + "/" + role).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, IDEMPOTENCY_TOKEN_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
