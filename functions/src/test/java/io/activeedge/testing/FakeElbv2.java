package io.activeedge.testing;

import io.activeedge.core.RegionalClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddListenerCertificatesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AddListenerCertificatesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenerCertificatesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenerCertificatesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeListenersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ListenerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveListenerCertificatesRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RemoveListenerCertificatesResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyCertificatesException;

/**
 * Load balancers of one Region in memory, with their listeners and each listener's default certificate and
 * certificate list, one item per page. It answers as the ELB API reference says: an unknown load balancer is
 * LoadBalancerNotFound, a certificate already in the list is not added again, the default certificate cannot be
 * removed, and a listener takes at most {@link #CERTIFICATE_LIMIT} certificates besides its default one. It keeps
 * the order of the changes it accepted.
 */
public final class FakeElbv2 implements ElasticLoadBalancingV2Client {
    public static final String ACCOUNT = "123456789012";
    /** https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html. */
    public static final int CERTIFICATE_LIMIT = 25;
    /** Application Load Balancers' hosted zone in us-east-1 (Elastic Load Balancing endpoints and quotas). */
    public static final String ZONE_ID = "Z35SXDOTRQ7X7K";

    private final String region;
    public final Map<String, LoadBalancer> balancers = new LinkedHashMap<>();
    private final Map<String, List<Listener>> listeners = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, List<String>> lists = new LinkedHashMap<>();
    /** Every change accepted, in order: "add-listener-certificate LISTENER CERT", ... */
    public final List<String> changes = new ArrayList<>();

    public FakeElbv2(String region) {
        this.region = region;
    }

    /** One fake per Region, made on first use, as RegionalClients makes real clients. */
    public static final class Regions {
        private final Map<String, FakeElbv2> regions = new LinkedHashMap<>();
        public final RegionalClients<ElasticLoadBalancingV2Client> clients = new RegionalClients<>(this::in);

        public FakeElbv2 in(String region) {
            return regions.computeIfAbsent(region, FakeElbv2::new);
        }
    }

    /** An internet-facing Application Load Balancer; its ARN. */
    public String loadBalancer(String name) {
        return loadBalancer(name, LoadBalancerTypeEnum.APPLICATION, LoadBalancerSchemeEnum.INTERNET_FACING);
    }

    public String loadBalancer(String name, LoadBalancerTypeEnum type, LoadBalancerSchemeEnum scheme) {
        String kind = type == LoadBalancerTypeEnum.APPLICATION ? "app" : "net";
        String id = String.format("%016x", (long) (balancers.size() + 1) * 0x9e3779b97f4a7c15L >>> 1);
        String arn = "arn:aws:elasticloadbalancing:" + region + ":" + ACCOUNT + ":loadbalancer/" + kind + "/" + name
                + "/" + id;
        balancers.put(arn, LoadBalancer.builder().loadBalancerArn(arn).loadBalancerName(name).type(type).scheme(scheme)
                .dnsName(name + "-" + id.substring(0, 8) + "." + region + ".elb.amazonaws.com")
                .canonicalHostedZoneId(ZONE_ID).build());
        listeners.put(arn, new ArrayList<>());
        return arn;
    }

    /** A listener of the load balancer; its ARN. {@code defaultCertificate} is null for HTTP. */
    public String listener(String loadBalancerArn, ProtocolEnum protocol, int port, String defaultCertificate) {
        String arn = loadBalancerArn.replace(":loadbalancer/", ":listener/") + "/" + String.format("%016x", port);
        listeners.get(loadBalancerArn).add(Listener.builder().listenerArn(arn).loadBalancerArn(loadBalancerArn)
                .protocol(protocol).port(port).build());
        if (defaultCertificate != null) {
            defaults.put(arn, defaultCertificate);
        }
        lists.put(arn, new ArrayList<>());
        return arn;
    }

    /** The load balancer's listener ARNs, in the order they were made. */
    public List<String> listenerArns(String loadBalancerArn) {
        return listeners.get(loadBalancerArn).stream().map(Listener::listenerArn).toList();
    }

    /** The listener's certificate list (not its default certificate), as it is now. */
    public List<String> certificateList(String listenerArn) {
        return List.copyOf(lists.get(listenerArn));
    }

    public String defaultCertificate(String listenerArn) {
        return defaults.get(listenerArn);
    }

    /** Puts a certificate in the list without recording a change: one the user added. */
    public void userCertificate(String listenerArn, String certificateArn) {
        lists.get(listenerArn).add(certificateArn);
    }

    private static int page(String marker) {
        return marker == null ? 0 : Integer.parseInt(marker);
    }

    private static String next(int index, int size) {
        return index + 1 < size ? Integer.toString(index + 1) : null;
    }

    private List<String> listOf(String listenerArn) {
        List<String> list = lists.get(listenerArn);
        if (list == null) {
            throw ListenerNotFoundException.builder().message("One or more listeners not found").build();
        }
        return list;
    }

    @Override
    public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
        List<LoadBalancer> all = new ArrayList<>();
        if (request.hasLoadBalancerArns() && !request.loadBalancerArns().isEmpty()) {
            for (String arn : request.loadBalancerArns()) {
                LoadBalancer balancer = balancers.get(arn);
                if (balancer == null) {
                    throw LoadBalancerNotFoundException.builder().message("One or more load balancers not found").build();
                }
                all.add(balancer);
            }
        } else if (request.hasNames() && !request.names().isEmpty()) {
            for (String name : request.names()) {
                all.add(balancers.values().stream().filter(b -> b.loadBalancerName().equals(name)).findFirst()
                        .orElseThrow(() -> LoadBalancerNotFoundException.builder()
                                .message("One or more load balancers not found").build()));
            }
        } else {
            all.addAll(balancers.values());
        }
        int at = page(request.marker());
        return DescribeLoadBalancersResponse.builder().loadBalancers(all.stream().skip(at).limit(1).toList())
                .nextMarker(next(at, all.size())).build();
    }

    @Override
    public DescribeListenersResponse describeListeners(DescribeListenersRequest request) {
        List<Listener> all = listeners.get(request.loadBalancerArn());
        if (all == null) {
            throw LoadBalancerNotFoundException.builder().message("One or more load balancers not found").build();
        }
        int at = page(request.marker());
        return DescribeListenersResponse.builder().listeners(all.stream().skip(at).limit(1).toList())
                .nextMarker(next(at, all.size())).build();
    }

    @Override
    public DescribeListenerCertificatesResponse describeListenerCertificates(DescribeListenerCertificatesRequest request) {
        List<Certificate> all = new ArrayList<>();
        String defaultCertificate = defaults.get(request.listenerArn());
        List<String> list = listOf(request.listenerArn());
        if (defaultCertificate != null) {
            all.add(Certificate.builder().certificateArn(defaultCertificate).isDefault(true).build());
        }
        list.forEach(arn -> all.add(Certificate.builder().certificateArn(arn).isDefault(false).build()));
        int at = page(request.marker());
        return DescribeListenerCertificatesResponse.builder().certificates(all.stream().skip(at).limit(1).toList())
                .nextMarker(next(at, all.size())).build();
    }

    @Override
    public AddListenerCertificatesResponse addListenerCertificates(AddListenerCertificatesRequest request) {
        List<String> list = listOf(request.listenerArn());
        for (Certificate certificate : request.certificates()) {
            // API_AddListenerCertificates.html: "If the certificate in already in the certificate list, the call is
            // successful but the certificate is not added again."
            if (list.contains(certificate.certificateArn())) {
                continue;
            }
            if (list.size() >= CERTIFICATE_LIMIT) {
                throw TooManyCertificatesException.builder()
                        .message("You've reached the limit on the number of certificates per load balancer").build();
            }
            list.add(certificate.certificateArn());
            changes.add("add-listener-certificate " + request.listenerArn() + " " + certificate.certificateArn());
        }
        return AddListenerCertificatesResponse.builder().certificates(list.stream()
                .map(arn -> Certificate.builder().certificateArn(arn).build()).toList()).build();
    }

    @Override
    public RemoveListenerCertificatesResponse removeListenerCertificates(RemoveListenerCertificatesRequest request) {
        List<String> list = listOf(request.listenerArn());
        for (Certificate certificate : request.certificates()) {
            // API_RemoveListenerCertificates.html: "You can't remove the default certificate for a listener."
            if (certificate.certificateArn().equals(defaults.get(request.listenerArn()))) {
                throw OperationNotPermittedException.builder().message("The default certificate cannot be removed")
                        .build();
            }
            if (list.remove(certificate.certificateArn())) {
                changes.add("remove-listener-certificate " + request.listenerArn() + " " + certificate.certificateArn());
            }
        }
        return RemoveListenerCertificatesResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
