package io.activeedge.origins;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.teardown.RemovalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.acm.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;

/**
 * Teardown: takes the application's Regional certificates off the HTTPS listeners of its load balancer origins,
 * before the certificates are deleted (ACM does not delete a certificate in use). Only ACM certificates tagged for
 * the application, the Region and the origin-certificate role are taken off, and never a listener's default
 * certificate; the load balancer and the listener are the user's and stay.
 * <p>
 * It looks on the listeners that the input's {@code regions[].origin.loadBalancer} name, the ones provisioning
 * attached to, rather than through every load balancer of every Region. A teardown input without them (only app
 * and zone) leaves such a certificate attached; the certificates step then finds it in use and names it.
 */
public final class ListenerCertificateRemover {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerCertificateRemover.class);

    private final RegionalClients<ElasticLoadBalancingV2Client> elb;
    private final RegionalClients<AcmClient> acm;
    private final LoadBalancerOrigins balancers;

    public ListenerCertificateRemover(RegionalClients<ElasticLoadBalancingV2Client> elb, RegionalClients<AcmClient> acm) {
        this.elb = elb;
        this.acm = acm;
        this.balancers = new LoadBalancerOrigins(elb);
    }

    /** Removes the application's certificates from the listeners the input's load balancer origins name. */
    public RemovalResult remove(AppSpec input, List<String> regions) {
        List<String> deleted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (RegionSpec spec : input.regions() == null ? List.<RegionSpec>of() : input.regions()) {
            OriginSpec origin = spec.origin();
            if (spec.region() == null || origin == null || origin.loadBalancer() == null
                    || !regions.contains(spec.region())) {
                continue;
            }
            detach(input.app(), spec.region(), origin.loadBalancer(), deleted, kept);
        }
        LOG.info("listener certificates removed", entry("regions", regions), entry("deleted", deleted.size()),
                entry("kept", kept.size()));
        return new RemovalResult(List.copyOf(deleted), List.copyOf(kept));
    }

    private void detach(String app, String region, OriginSpec.LoadBalancerOrigin origin, List<String> deleted,
                        List<String> kept) {
        Optional<Listener> listener;
        try {
            listener = balancers.find(region, origin).flatMap(balancer -> balancers.httpsListener(region, balancer, origin.port()));
        } catch (ElasticLoadBalancingV2Exception e) {
            if (e.statusCode() >= 500) {
                throw e;
            }
            String code = e.awsErrorDetails() == null ? "" + e.statusCode() : e.awsErrorDetails().errorCode();
            kept.add(region + " load balancer " + origin.id() + " (could not be read: " + code + ")");
            return;
        }
        if (listener.isEmpty()) {
            LOG.info("listener certificates none", LogContext.region(region), entry("loadBalancer", origin.id()),
                    entry("reason", "no-such-load-balancer-or-listener"));
            return;
        }
        String listenerArn = listener.get().listenerArn();
        List<Certificate> certificates = ListenerCertificates.of(elb.in(region), listenerArn);
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListenerCertificates.html:
        // "If the default certificate is also in the certificate list, it appears twice in the results (once with
        // IsDefault set to true and once with IsDefault set to false)."
        Set<String> defaults = certificates.stream().filter(c -> Boolean.TRUE.equals(c.isDefault()))
                .map(Certificate::certificateArn).collect(Collectors.toSet());
        for (Certificate certificate : certificates) {
            String arn = certificate.certificateArn();
            if (!ours(app, region, arn)) {
                continue;
            }
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RemoveListenerCertificates.html:
            // "You can't remove the default certificate for a listener. To replace the default certificate, call
            // ModifyListener." The default certificate is the user's choice: it stays.
            if (defaults.contains(arn)) {
                if (!Boolean.TRUE.equals(certificate.isDefault())) {
                    continue;
                }
                kept.add(region + " " + arn + " on " + listenerArn + " (the listener's default certificate: replace it"
                        + " with ModifyListener before the certificate can be deleted)");
                continue;
            }
            try {
                elb.in(region).removeListenerCertificates(r -> r.listenerArn(listenerArn)
                        .certificates(c -> c.certificateArn(arn)));
            } catch (ListenerNotFoundException e) {
                continue;
            }
            LOG.info("listener certificate removed", LogContext.region(region), entry("listener", listenerArn),
                    entry("certificateArn", arn));
            deleted.add(region + " " + arn + " from listener " + listenerArn);
        }
        kept.add(region + " load balancer " + origin.id() + " and listener " + listenerArn + " (the user's)");
    }

    /** An ACM certificate tagged as this application's origin certificate in this Region (IAM ones never are). */
    private boolean ours(String app, String region, String arn) {
        if (arn == null || !arn.contains(":acm:" + region + ":")) {
            return false;
        }
        try {
            Map<String, String> tags = Tags.toMap(acm.in(region).listTagsForCertificate(r -> r.certificateArn(arn)).tags(),
                    Tag::key, Tag::value);
            return Tags.matches(tags, app, region, Tags.ROLE_ORIGIN_CERTIFICATE);
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }
}
