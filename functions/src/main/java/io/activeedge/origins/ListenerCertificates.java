package io.activeedge.origins;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.ResourceConflictException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyCertificatesException;

/**
 * The Regional certificate on an Application Load Balancer's HTTPS listener, as an extra certificate in the
 * listener's certificate list: the load balancer serves it to clients that ask for the origin name by SNI, and its
 * default certificate, the user's, stays as it is ({@link ListenerCertificateRemover} takes it off again).
 */
public final class ListenerCertificates {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerCertificates.class);

    private final RegionalClients<ElasticLoadBalancingV2Client> elb;

    public ListenerCertificates(RegionalClients<ElasticLoadBalancingV2Client> elb) {
        this.elb = elb;
    }

    /**
     * Puts {@code certificateArn} in the listener's certificate list unless it is there already.
     *
     * @return true when this call added it
     */
    public boolean attach(String region, Listener listener, String certificateArn, String field) {
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListenerCertificates.html:
        // "Describes the default certificate and the certificate list"; "If the default certificate is also in the
        // certificate list, it appears twice in the results (once with IsDefault set to true and once with IsDefault
        // set to false)." Read first, so that a second run sends no write at all.
        Optional<Certificate> present = of(elb.in(region), listener.listenerArn()).stream()
                .filter(c -> certificateArn.equals(c.certificateArn())).findFirst();
        if (present.isPresent()) {
            LOG.info("listener certificate found", LogContext.region(region), entry("listener", listener.listenerArn()),
                    entry("certificateArn", certificateArn), entry("isDefault", present.get().isDefault()),
                    entry("action", "none"));
            return false;
        }
        try {
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddListenerCertificates.html:
            // "Adds the specified SSL server certificate to the certificate list"; "You can specify one certificate
            // per call. Set CertificateArn to the certificate ARN but do not set IsDefault."
            elb.in(region).addListenerCertificates(r -> r.listenerArn(listener.listenerArn())
                    .certificates(c -> c.certificateArn(certificateArn)));
        } catch (TooManyCertificatesException e) {
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html:
            // "Certificates per Application Load Balancer (not counting default certificates): 25".
            throw new ResourceConflictException(field + ": the load balancer's listener " + listener.listenerArn()
                    + " in " + region + " has as many certificates as Elastic Load Balancing allows (TooManyCertificates:"
                    + " 25 per Application Load Balancer besides the default ones, unless the quota was raised), so the"
                    + " Regional certificate cannot be added. Remove a certificate the listener no longer needs, or ask"
                    + " for a higher quota, then run again");
        }
        LOG.info("listener certificate added", LogContext.region(region), entry("listener", listener.listenerArn()),
                entry("certificateArn", certificateArn));
        return true;
    }

    /** Every certificate of the listener, each page: the default one (IsDefault) and the certificate list. */
    static List<Certificate> of(ElasticLoadBalancingV2Client client, String listenerArn) {
        return client.describeListenerCertificatesPaginator(r -> r.listenerArn(listenerArn)).certificates().stream()
                .toList();
    }
}
