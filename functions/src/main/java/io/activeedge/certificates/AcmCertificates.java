package io.activeedge.certificates;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.Filters;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateRequest;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/** How every step reads ACM: listing, tags, and which validation options are DNS CNAMEs. */
public final class AcmCertificates {

    /**
     * ListCertificates returns only RSA_1024 and RSA_2048 certificates unless the request names key types;
     * a search that must see every certificate (EC keys included) passes this filter.
     */
    public static final Filters EVERY_KEY_TYPE = Filters.builder()
            .keyTypes(KeyAlgorithm.knownValues()).build();

    private AcmCertificates() {
    }

    /** Every certificate in one status of {@code statuses}, following the pages; {@code includes} may be null. */
    public static List<CertificateSummary> list(AcmClient client, Collection<CertificateStatus> statuses,
                                                Filters includes) {
        return client.listCertificatesPaginator(ListCertificatesRequest.builder()
                        .certificateStatuses(statuses).includes(includes).build())
                .certificateSummaryList().stream().toList();
    }

    /** Every certificate of any status and key type. */
    public static List<CertificateSummary> listAll(AcmClient client) {
        return list(client, CertificateStatus.knownValues(), EVERY_KEY_TYPE);
    }

    public static Map<String, String> tags(AcmClient client, String arn) {
        Map<String, String> tags = new LinkedHashMap<>();
        client.listTagsForCertificate(ListTagsForCertificateRequest.builder().certificateArn(arn).build())
                .tags().forEach(t -> tags.put(t.key(), t.value() == null ? "" : t.value()));
        return tags;
    }

    /** True when ACM validates this name with a DNS CNAME (not by email or HTTP). */
    public static boolean usesDns(DomainValidation option) {
        ValidationMethod method = option.validationMethod();
        return method != ValidationMethod.EMAIL && method != ValidationMethod.HTTP;
    }
}
