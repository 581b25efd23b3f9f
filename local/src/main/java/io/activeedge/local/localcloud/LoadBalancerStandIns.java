package io.activeedge.local.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.AwsRegions;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

/**
 * The input names Application Load Balancers of the user's account, which a fresh emulator lacks. For each one
 * missing, the local cloud creates a stand-in: an internet-facing Application Load Balancer with that name (and, for
 * an ARN, that id: strict_elbv2 honours the {@code _custom_id_} tag) in the emulator's default subnets, with an HTTPS
 * listener on the input's port whose default certificate is a stand-in certificate of its own. An ARN of another
 * Region or account, or not of an Application Load Balancer, gets none: validation reports it as in AWS.
 */
final class LoadBalancerStandIns {
    /** moto's account: an ARN in it can be made here. */
    static final String EMULATOR_ACCOUNT = "123456789012";
    private static final Pattern ARN = Pattern.compile(
            "arn:aws:elasticloadbalancing:([a-z0-9-]+):([0-9]{12}):loadbalancer/app/([A-Za-z0-9-]{1,32})/([0-9a-f]{1,32})");

    private final String endpoint;
    private final PrintStream out;

    LoadBalancerStandIns(String endpoint, PrintStream out) {
        this.endpoint = endpoint;
        this.out = out;
    }

    void ensure(JsonNode input) {
        for (JsonNode region : input.path("regions")) {
            String regionName = region.path("region").asText("");
            JsonNode balancer = region.path("origin").path("loadBalancer");
            if (!AwsRegions.LATENCY_ROUTING.contains(regionName) || balancer.isMissingNode()) {
                continue;
            }
            String name = balancer.path("name").asText("");
            String id = null;
            String arn = balancer.path("arn").asText("");
            if (!arn.isEmpty()) {
                Matcher parts = ARN.matcher(arn);
                if (!parts.matches() || !parts.group(1).equals(regionName) || !parts.group(2).equals(EMULATOR_ACCOUNT)) {
                    continue;
                }
                name = parts.group(3);
                id = parts.group(4);
            }
            if (name.isEmpty() || name.startsWith("internal-")) {
                continue;
            }
            int port = balancer.path("listenerPort").asInt(443);
            try (ElasticLoadBalancingV2Client elb = LocalClients.elbv2(endpoint, regionName)) {
                if (!exists(elb, name)) {
                    create(elb, input.path("app").asText("app"), regionName, name, id, port);
                    out.println("local cloud: created a stand-in Application Load Balancer " + name + " (HTTPS on "
                            + port + ") in " + regionName + "; in AWS it is your own load balancer");
                }
            }
        }
    }

    private static boolean exists(ElasticLoadBalancingV2Client elb, String name) {
        try {
            return !elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().isEmpty();
        } catch (LoadBalancerNotFoundException e) {
            return false;
        }
    }

    private void create(ElasticLoadBalancingV2Client elb, String app, String region, String name, String id, int port) {
        List<String> subnets;
        try (Ec2Client ec2 = LocalClients.ec2(endpoint, region)) {
            subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true"))).subnets()
                    .stream().map(Subnet::subnetId).limit(2).toList();
        }
        LoadBalancer balancer = elb.createLoadBalancer(r -> {
            r.name(name).subnets(subnets).type(LoadBalancerTypeEnum.APPLICATION)
                    .scheme(LoadBalancerSchemeEnum.INTERNET_FACING);
            if (id != null) {
                r.tags(t -> t.key(StandIns.CUSTOM_ID_TAG).value(id));
            }
        }).loadBalancers().get(0);
        String certificate;
        try (AcmClient acm = LocalClients.acm(endpoint, region)) {
            certificate = acm.requestCertificate(r -> r.domainName(name + ".stand-in." + app + ".invalid")
                    .validationMethod("DNS")).certificateArn();
        }
        elb.createListener(r -> r.loadBalancerArn(balancer.loadBalancerArn()).protocol(ProtocolEnum.HTTPS).port(port)
                .certificates(c -> c.certificateArn(certificate))
                .defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                        .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain").messageBody("ok"))));
    }
}
