package io.activeedge.certificates;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Tags;
import io.activeedge.errors.ValidationRecordsNotReadyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DescribeCertificateRequest;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.Filters;
import software.amazon.awssdk.services.acm.model.KeyAlgorithm;
import software.amazon.awssdk.services.acm.model.ListCertificatesRequest;
import software.amazon.awssdk.services.acm.model.ListTagsForCertificateRequest;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.acm.model.ValidationMethod;

/** How every step reads ACM: listing, tags, and which validation options are DNS CNAMEs. */
public final class AcmCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(AcmCertificates.class);
    /** The error code ACM answers when a policy denies the call. */
    public static final String ACCESS_DENIED = "AccessDeniedException";

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
        return Tags.toMap(client.listTagsForCertificate(ListTagsForCertificateRequest.builder().certificateArn(arn)
                .build()).tags(), Tag::key, Tag::value);
    }

    /**
     * DescribeCertificate of a certificate that may have been requested a few seconds ago, by this step or by an
     * earlier attempt of the workflow. ACM answers ResourceNotFoundException for such a certificate until it can
     * describe it, so that answer means "not ready yet": the workflow retries the step with backoff.
     */
    // https://docs.aws.amazon.com/acm/latest/APIReference/API_DescribeCertificate.html: "If you have just created a
    // certificate using the RequestCertificate action, there is a delay of several seconds before you can retrieve
    // information about it."
    public static CertificateDetail describeRecent(AcmClient client, String region, String arn) {
        try {
            return client.describeCertificate(DescribeCertificateRequest.builder().certificateArn(arn).build())
                    .certificate();
        } catch (ResourceNotFoundException e) {
            throw notReadable(region, arn, "DescribeCertificate");
        }
    }

    /** {@link #tags(AcmClient, String)} of a certificate that may have been requested a few seconds ago. */
    public static Map<String, String> tagsOfRecent(AcmClient client, String region, String arn) {
        try {
            return tags(client, arn);
        } catch (ResourceNotFoundException e) {
            throw notReadable(region, arn, "ListTagsForCertificate");
        }
    }

    private static ValidationRecordsNotReadyException notReadable(String region, String arn, String operation) {
        LOG.info("certificate not readable yet", LogContext.region(region), entry("arn", arn),
                entry("operation", operation), entry("error", "ResourceNotFoundException"), entry("action", "retry"));
        return new ValidationRecordsNotReadyException("ACM cannot find the certificate " + arn + " in " + region
                + " yet (" + operation + " answered ResourceNotFoundException): ACM takes several seconds after"
                + " RequestCertificate before it describes a new certificate. If this persists, the certificate was"
                + " deleted: start a new execution, which requests a new one.");
    }

    /**
     * True when ACM refused the call for lack of permission: an IAM policy, or a service control policy that
     * denies the Region (a common guardrail in AWS Organizations), so what is there cannot be known.
     */
    // https://docs.aws.amazon.com/acm/latest/APIReference/CommonErrors.html: "AccessDeniedException: You do not
    // have sufficient access to perform this action."; https://docs.aws.amazon.com/organizations/latest/userguide/
    // orgs_manage_policies_scps_examples_general.html: "This SCP denies access to any operations outside of the
    // specified Regions."
    public static boolean accessDenied(AwsServiceException e) {
        return e.awsErrorDetails() != null && ACCESS_DENIED.equals(e.awsErrorDetails().errorCode());
    }

    /** True when ACM validates this name with a DNS CNAME (not by email or HTTP). */
    public static boolean usesDns(DomainValidation option) {
        ValidationMethod method = option.validationMethod();
        return method != ValidationMethod.EMAIL && method != ValidationMethod.HTTP;
    }
}
