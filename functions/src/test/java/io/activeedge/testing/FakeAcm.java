package io.activeedge.testing;

import io.activeedge.core.RegionalClients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.DeleteCertificateRequest;
import software.amazon.awssdk.services.acm.model.DeleteCertificateResponse;
import software.amazon.awssdk.services.acm.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.acm.model.DomainStatus;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.FailureReason;
import software.amazon.awssdk.services.acm.model.InvalidParameterException;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListCertificatesResponse;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateRequest;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateResponse;
import software.amazon.awssdk.services.acm.model.RecordType;
import software.amazon.awssdk.services.acm.model.RequestCertificateRequest;
import software.amazon.awssdk.services.acm.model.RequestCertificateResponse;
import software.amazon.awssdk.services.acm.model.ResourceInUseException;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/**
 * ACM in one Region, in memory, with the behaviour the certificate steps depend on: status filters, the
 * default key type filter (RSA only) and one certificate per ListCertificates page, idempotency tokens, one
 * validation CNAME per domain that is the same for the apex and its wildcard and in every Region,
 * certificates that cannot be deleted while another service uses them, and (on request) new certificates that
 * ACM cannot describe yet or describes with some options or CNAMEs missing, which moto cannot show.
 */
public final class FakeAcm implements AcmClient {
    /** What ListCertificates lists when the request names no key types. */
    private static final Set<KeyAlgorithm> DEFAULT_KEY_TYPES = Set.of(KeyAlgorithm.RSA_1024, KeyAlgorithm.RSA_2048);

    private final String region;
    private final Map<String, Cert> certificates = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<RequestCertificateRequest> requests = new ArrayList<>();
    /** When false, a new certificate has validation options without their CNAME, as ACM does at first. */
    public boolean publishRecordsOnRequest = true;
    /**
     * When false, a new certificate is listed but DescribeCertificate and ListTagsForCertificate answer
     * ResourceNotFoundException, as ACM does for several seconds after RequestCertificate.
     */
    public boolean describableOnRequest = true;
    /** When false, a new certificate has a validation option for its first name only, until {@link #settle()}. */
    public boolean allOptionsOnRequest = true;
    /** When true, ListCertificates does not show certificates yet (ACM's list is eventually consistent). */
    public boolean listLags;
    /** When set, every call fails with it (a Region not enabled for the account, an outage). */
    public AwsServiceException failure;

    public FakeAcm(String region) {
        this.region = region;
    }

    /** A fake ACM per Region, made on first use, as RegionalClients makes real ones. */
    public static final class Regions {
        public final Map<String, FakeAcm> regions = new TreeMap<>();
        public final RegionalClients<AcmClient> clients = new RegionalClients<>(this::in);

        public synchronized FakeAcm in(String region) {
            return regions.computeIfAbsent(region, FakeAcm::new);
        }

        /** Certificates in every Region. */
        public int count() {
            return regions.values().stream().mapToInt(FakeAcm::count).sum();
        }
    }

    private static final class Cert {
        final String arn;
        final String domainName;
        final List<String> names;
        final Map<String, String> tags;
        final Instant createdAt;
        CertificateStatus status = CertificateStatus.PENDING_VALIDATION;
        KeyAlgorithm keyAlgorithm = KeyAlgorithm.RSA_2048;
        List<String> inUseBy = List.of();
        FailureReason failureReason;
        boolean recordsPublished;
        boolean describable = true;
        boolean allOptions = true;

        Cert(String arn, String domainName, List<String> names, Map<String, String> tags, Instant createdAt) {
            this.arn = arn;
            this.domainName = domainName;
            this.names = names;
            this.tags = tags;
            this.createdAt = createdAt;
        }
    }

    /** A certificate made before this run: by an earlier execution, or by someone else. */
    public String existing(List<String> names, Map<String, String> tags, CertificateStatus status) {
        return existing(newArn(), names, tags, status);
    }

    /** As {@link #existing(List, Map, CertificateStatus)}, with the ARN a sample event names. */
    public String existing(String arn, List<String> names, Map<String, String> tags, CertificateStatus status) {
        Cert cert = add(arn, names, tags);
        cert.status = status;
        cert.recordsPublished = true;
        return cert.arn;
    }

    public void setStatus(String arn, CertificateStatus status, FailureReason reason) {
        certificates.get(arn).status = status;
        certificates.get(arn).failureReason = reason;
    }

    public void delete(String arn) {
        certificates.remove(arn);
    }

    /** The resources that use the certificate, as DescribeCertificate's InUseBy lists them; none releases it. */
    public void setInUseBy(String arn, List<String> users) {
        certificates.get(arn).inUseBy = List.copyOf(users);
    }

    public void setKeyAlgorithm(String arn, KeyAlgorithm keyAlgorithm) {
        certificates.get(arn).keyAlgorithm = keyAlgorithm;
    }

    public boolean contains(String arn) {
        return certificates.containsKey(arn);
    }

    public void publishRecords() {
        certificates.values().forEach(c -> c.recordsPublished = true);
    }

    /** ACM has caught up: every certificate can be described, with an option and a CNAME for every name. */
    public void settle() {
        certificates.values().forEach(c -> {
            c.describable = true;
            c.allOptions = true;
            c.recordsPublished = true;
        });
    }

    public List<RequestCertificateRequest> requests() {
        return requests;
    }

    public int count() {
        return certificates.size();
    }

    /** The validation CNAME ACM gives a domain: shared by "example.com" and "*.example.com". */
    public static ResourceRecord validationRecord(String domain) {
        String base = domain.startsWith("*.") ? domain.substring(2) : domain;
        String token = UUID.nameUUIDFromBytes(base.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return ResourceRecord.builder().name("_" + token + "." + base + ".").type(RecordType.CNAME)
                .value("_" + new StringBuilder(token).reverse() + ".acm-validations.aws.").build();
    }

    private String newArn() {
        return "arn:aws:acm:" + region + ":123456789012:certificate/" + UUID.randomUUID();
    }

    private Cert add(String arn, List<String> names, Map<String, String> tags) {
        Cert cert = new Cert(arn, names.get(0), List.copyOf(new LinkedHashSet<>(names)), new LinkedHashMap<>(tags),
                Instant.parse("2025-12-01T00:00:00Z").plusSeconds(certificates.size()));
        certificates.put(arn, cert);
        return cert;
    }

    @Override
    public RequestCertificateResponse requestCertificate(RequestCertificateRequest request) {
        failIfSet();
        String token = request.idempotencyToken();
        if (token != null && !token.matches("\\w{1,32}")) {
            throw InvalidParameterException.builder().message("IdempotencyToken must match \\w{1,32}").build();
        }
        requests.add(request);
        if (token != null && tokens.containsKey(token)) {
            return RequestCertificateResponse.builder().certificateArn(tokens.get(token)).build();
        }
        List<String> names = new ArrayList<>();
        names.add(request.domainName());
        names.addAll(request.subjectAlternativeNames());
        Map<String, String> tags = new LinkedHashMap<>();
        request.tags().forEach(t -> tags.put(t.key(), t.value()));
        Cert cert = add(newArn(), names, tags);
        cert.recordsPublished = publishRecordsOnRequest;
        cert.describable = describableOnRequest;
        cert.allOptions = allOptionsOnRequest;
        if (token != null) {
            tokens.put(token, cert.arn);
        }
        return RequestCertificateResponse.builder().certificateArn(cert.arn).build();
    }

    @Override
    public ListCertificatesResponse listCertificates(ListCertificatesRequest request) {
        failIfSet();
        Collection<KeyAlgorithm> keyTypes = request.includes() != null && request.includes().hasKeyTypes()
                ? request.includes().keyTypes() : DEFAULT_KEY_TYPES;
        List<Cert> visible = listLags ? List.of() : certificates.values().stream()
                .filter(c -> !request.hasCertificateStatuses() || request.certificateStatuses().contains(c.status))
                .filter(c -> keyTypes.contains(c.keyAlgorithm))
                .toList();
        int start = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        List<CertificateSummary> page = visible.stream().skip(start).limit(1)
                .map(c -> CertificateSummary.builder().certificateArn(c.arn).domainName(c.domainName)
                        .subjectAlternativeNameSummaries(c.names).hasAdditionalSubjectAlternativeNames(false)
                        .keyAlgorithm(c.keyAlgorithm).inUse(!c.inUseBy.isEmpty())
                        .status(c.status).createdAt(c.createdAt).build())
                .toList();
        String next = start + 1 < visible.size() ? Integer.toString(start + 1) : null;
        return ListCertificatesResponse.builder().certificateSummaryList(page).nextToken(next).build();
    }

    @Override
    public ListTagsForCertificateResponse listTagsForCertificate(ListTagsForCertificateRequest request) {
        failIfSet();
        Cert cert = readable(request.certificateArn());
        return ListTagsForCertificateResponse.builder().tags(cert.tags.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    @Override
    public DescribeCertificateResponse describeCertificate(DescribeCertificateRequest request) {
        failIfSet();
        Cert cert = readable(request.certificateArn());
        DomainStatus domainStatus = switch (cert.status) {
            case ISSUED -> DomainStatus.SUCCESS;
            case FAILED -> DomainStatus.FAILED;
            default -> DomainStatus.PENDING_VALIDATION;
        };
        List<DomainValidation> options = cert.names.stream().limit(cert.allOptions ? cert.names.size() : 1)
                .map(n -> DomainValidation.builder()
                        .domainName(n).validationDomain(n).validationMethod(ValidationMethod.DNS)
                        .validationStatus(domainStatus)
                        .resourceRecord(cert.recordsPublished ? validationRecord(n) : null)
                        .build()).toList();
        return DescribeCertificateResponse.builder().certificate(CertificateDetail.builder()
                .certificateArn(cert.arn).domainName(cert.domainName).subjectAlternativeNames(cert.names)
                .status(cert.status).failureReason(cert.failureReason).createdAt(cert.createdAt)
                .keyAlgorithm(cert.keyAlgorithm).inUseBy(cert.inUseBy)
                .domainValidationOptions(options).build()).build();
    }

    @Override
    public DeleteCertificateResponse deleteCertificate(DeleteCertificateRequest request) {
        failIfSet();
        Cert cert = get(request.certificateArn());
        if (!cert.inUseBy.isEmpty()) {
            throw ResourceInUseException.builder().message("Certificate " + cert.arn + " in account 123456789012"
                    + " is in use.").build();
        }
        certificates.remove(cert.arn);
        return DeleteCertificateResponse.builder().build();
    }

    private void failIfSet() {
        if (failure != null) {
            throw failure;
        }
    }

    /** As {@link #get(String)}, and not found while the certificate cannot be described yet. */
    private Cert readable(String arn) {
        Cert cert = get(arn);
        if (!cert.describable) {
            throw ResourceNotFoundException.builder().message("Could not find certificate " + arn).build();
        }
        return cert;
    }

    private Cert get(String arn) {
        Cert cert = certificates.get(arn);
        if (cert == null) {
            throw ResourceNotFoundException.builder().message("Could not find certificate " + arn).build();
        }
        return cert;
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
