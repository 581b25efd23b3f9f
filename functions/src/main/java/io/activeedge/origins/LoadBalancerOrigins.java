package io.activeedge.origins;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.errors.OriginNotFoundException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * Reads what an Application Load Balancer origin is, before anything is created: that the load balancer exists in
 * the entry's Region, is an internet-facing Application Load Balancer, and has an HTTPS listener on the input's
 * port. Reads only; a problem is an error that names the input field.
 */
public final class LoadBalancerOrigins {
    private static final Logger LOG = LoggerFactory.getLogger(LoadBalancerOrigins.class);

    private final RegionalClients<ElasticLoadBalancingV2Client> elb;

    public LoadBalancerOrigins(RegionalClients<ElasticLoadBalancingV2Client> elb) {
        this.elb = elb;
    }

    /** The load balancer and the HTTPS listener CloudFront's requests arrive at. */
    public record Found(LoadBalancer loadBalancer, Listener listener) {
    }

    /** Checks every load balancer origin of a validated input. */
    public void check(AppSpec input) {
        List<RegionSpec> regions = input.regions();
        for (int i = 0; i < regions.size(); i++) {
            OriginSpec origin = regions.get(i).origin();
            if (origin != null && origin.loadBalancer() != null) {
                inspect(regions.get(i).region(), origin.loadBalancer(), "regions[" + i + "].origin.loadBalancer");
            }
        }
    }

    /**
     * The load balancer and its HTTPS listener, once they are known to be usable as the Region's origin.
     *
     * @param field where the origin sits in the input, e.g. "regions[1].origin.loadBalancer"
     */
    public Found inspect(String region, OriginSpec.LoadBalancerOrigin origin, String field) {
        String idField = field + "." + origin.key();
        LoadBalancer balancer = find(region, origin).orElseThrow(() -> new OriginNotFoundException(idField
                + ": load balancer " + origin.id() + " not found in " + region));
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancer.html: Type is
        // application, network or gateway. Only an Application Load Balancer terminates HTTPS with a certificate
        // list chosen by SNI (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/https-listener-certificates.html).
        if (balancer.type() != LoadBalancerTypeEnum.APPLICATION) {
            throw new InvalidInputException(idField, "load balancer " + origin.id() + " in " + region + " is not an"
                    + " application load balancer (its type is " + balancer.typeAsString() + "); give an Application"
                    + " Load Balancer with an HTTPS listener");
        }
        // API_LoadBalancer.html, Scheme: "internal load balancers can route requests only from clients with access
        // to the VPC for the load balancer": neither CloudFront nor Route 53's health checkers could reach it.
        if (balancer.scheme() == LoadBalancerSchemeEnum.INTERNAL) {
            throw new InvalidInputException(idField, "load balancer " + origin.id() + " in " + region + " is internal"
                    + " (not internet-facing): CloudFront and Route 53's health checkers cannot reach it. Give an"
                    + " internet-facing Application Load Balancer");
        }
        // API_LoadBalancer.html, IpAddressType: "dualstack-without-public-ipv4 (public IPv6 addresses and private IPv4
        // and IPv6 addresses)"; the latency record is an A alias and Route 53 health checks a name over IPv4 only
        // (https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html, IPAddress: "If you
        // don't specify a value for IPAddress, Route 53 uses only IPv4").
        if (balancer.ipAddressType() == IpAddressType.DUALSTACK_WITHOUT_PUBLIC_IPV4) {
            throw new InvalidInputException(idField, "load balancer " + origin.id() + " in " + region + " has no"
                    + " public IPv4 address (IpAddressType dualstack-without-public-ipv4): the latency record (A) and"
                    + " Route 53's health checkers reach origins over IPv4. Give it ipv4 or dualstack addressing");
        }
        Listener https = httpsListener(region, balancer, origin.port())
                .orElseThrow(() -> new InvalidInputException(field + ".listenerPort", "load balancer " + origin.id()
                        + " in " + region + " has no HTTPS listener on port " + origin.port() + " (its listeners: "
                        + describe(listeners(region, balancer)) + "); CloudFront connects to the origin over HTTPS only"));
        LOG.info("origin load balancer found", LogContext.region(region), entry("loadBalancer", balancer.loadBalancerArn()),
                entry("listener", https.listenerArn()), entry("dnsName", balancer.dnsName()));
        return new Found(balancer, https);
    }

    /** The load balancer named by the origin in {@code region}; empty when there is none. */
    public Optional<LoadBalancer> find(String region, OriginSpec.LoadBalancerOrigin origin) {
        try {
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancers.html:
            // LoadBalancerArns or Names; LoadBalancerNotFound "The specified load balancer does not exist."
            return elb.in(region).describeLoadBalancersPaginator(r -> {
                if (origin.arn() != null) {
                    r.loadBalancerArns(origin.arn());
                } else {
                    r.names(origin.name());
                }
            }).loadBalancers().stream().findFirst();
        } catch (LoadBalancerNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The load balancer's HTTPS listener on {@code port}; empty when it has none. */
    public Optional<Listener> httpsListener(String region, LoadBalancer balancer, int port) {
        return listeners(region, balancer).stream()
                .filter(l -> l.port() != null && l.port() == port && l.protocol() == ProtocolEnum.HTTPS)
                .findFirst();
    }

    private List<Listener> listeners(String region, LoadBalancer balancer) {
        // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListeners.html: "the
        // listeners for the specified Application Load Balancer"; paged with Marker.
        return elb.in(region).describeListenersPaginator(r -> r.loadBalancerArn(balancer.loadBalancerArn()))
                .listeners().stream().toList();
    }

    private static String describe(List<Listener> listeners) {
        if (listeners.isEmpty()) {
            return "none";
        }
        return String.join(", ", listeners.stream().map(l -> l.protocolAsString() + ":" + l.port()).toList());
    }
}
