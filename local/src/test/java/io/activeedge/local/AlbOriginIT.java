package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Tags;
import io.activeedge.failover.AlarmChange;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.StandIns;
import io.activeedge.local.target.StackResource;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CertificateNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.OperationNotPermittedException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * An Application Load Balancer origin on the local cloud, beside an API Gateway one: provisioned, provisioned again
 * with nothing new, drained, torn down, and the user's load balancer and listener left as they were; and each bad
 * load balancer input refused, naming the field, before anything is created.
 */
class AlbOriginIT {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("alb-origin-it");

    @Test
    void albAndApiGatewayRegions_provisionReprovisionDrainTeardown_leaveTheLoadBalancerAsItWas() {
        String app = "albshop";
        String listener = usersAlb(WEST, "albshop-west", LoadBalancerTypeEnum.APPLICATION,
                LoadBalancerSchemeEnum.INTERNET_FACING, ProtocolEnum.HTTPS);
        String usersExtra = certificate(WEST, "extra.albshop.example.org");
        try (ElasticLoadBalancingV2Client elb = elb(WEST)) {
            elb.addListenerCertificates(r -> r.listenerArn(listener).certificates(c -> c.certificateArn(usersExtra)));
        }
        ObjectNode input = input(app, b -> b.put("name", "albshop-west"));
        String before = describe(WEST, listener);

        WorkflowRun.Result first = run(Workflow.PROVISION, input);

        assertThat(first.succeeded()).as(first.error() + ": " + first.cause()).isTrue();
        String originCertificate = originCertificate(first.output(), WEST);
        LoadBalancer balancer = balancer(WEST, "albshop-west");
        assertThat(certificates(WEST, listener)).as("the user's default and extra certificate, and ours beside them")
                .containsExactly("default " + defaultCertificate(WEST, listener), "list " + usersExtra,
                        "list " + originCertificate);
        ResourceRecordSet latency = latencyRecord(app, "api." + zone(app), WEST);
        assertThat(latency.aliasTarget().dnsName().replaceAll("\\.$", "")).isEqualToIgnoringCase(balancer.dnsName());
        assertThat(latency.aliasTarget().hostedZoneId()).isEqualTo(balancer.canonicalHostedZoneId());
        String endpoint = new HealthCheckLookup(LOCAL.route53()).of(app).get(WEST).endpointId();
        assertThat(LOCAL.route53().getHealthCheck(r -> r.healthCheckId(endpoint)).healthCheck().healthCheckConfig()
                .fullyQualifiedDomainName()).as("the endpoint check probes the load balancer itself")
                .isEqualToIgnoringCase(balancer.dnsName());

        String afterFirst = describe(WEST, listener);
        WorkflowRun.Result second = run(Workflow.PROVISION, input);

        assertThat(second.succeeded()).as(second.error() + ": " + second.cause()).isTrue();
        assertThat(describe(WEST, listener)).isEqualTo(afterFirst);
        second.output().path("certificates").path("items")
                .forEach(c -> assertThat(c.path("created").asBoolean()).as(c.toString()).isFalse());
        second.output().path("regions").forEach(r -> {
            assertThat(r.at("/healthChecks/created")).as(r.toString()).isEmpty();
            assertThat(r.at("/record/action").asText()).as(r.toString()).isEqualTo("UNCHANGED");
        });

        String westSwitch = new HealthCheckLookup(LOCAL.route53()).of(app).get(WEST).switchId();
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), WEST)) {
            new AlarmDrill(cloudWatch, event -> LOCAL.session().invoke(
                    LOCAL.session().arn(StackResource.FAILOVER_FUNCTION), event), Clock.systemUTC())
                    .run(app, AlarmChange.ALARM);
        }
        assertThat(LOCAL.route53().getHealthCheck(r -> r.healthCheckId(westSwitch)).healthCheck().healthCheckConfig()
                .inverted()).as("the load balancer Region's switch is inverted (drained)").isTrue();

        WorkflowRun.Result teardown = run(Workflow.TEARDOWN, input);

        assertThat(teardown.succeeded()).as(teardown.error() + ": " + teardown.cause()).isTrue();
        assertThat(describe(WEST, listener)).as("the load balancer, its listener and its certificates as they were")
                .isEqualTo(before);
        try (AcmClient acm = LocalClients.acm(LOCAL.cloud().endpoint(), WEST)) {
            assertThat(acm.listCertificates().certificateSummaryList()).noneMatch(c -> c.certificateArn()
                    .equals(originCertificate));
        }
    }

    /**
     * The local cloud as AWS documents it: a stand-in for a load balancer the input names and the emulator lacks, a
     * listener certificate added once and only if it exists, and never the default one removed.
     */
    @Test
    void localCloud_standInAndListenerCertificateRules() {
        ObjectNode input = input("standin", b -> b.put("name", "standin-west").put("listenerPort", 8443));

        new StandIns(LOCAL.cloud().endpoint(), System.out).ensure(input);

        LoadBalancer standIn = balancer(WEST, "standin-west");
        assertThat(standIn.type()).isEqualTo(LoadBalancerTypeEnum.APPLICATION);
        assertThat(standIn.scheme()).isEqualTo(LoadBalancerSchemeEnum.INTERNET_FACING);
        try (ElasticLoadBalancingV2Client elb = elb(WEST)) {
            var listener = elb.describeListeners(r -> r.loadBalancerArn(standIn.loadBalancerArn())).listeners().get(0);
            assertThat(listener.protocol()).isEqualTo(ProtocolEnum.HTTPS);
            assertThat(listener.port()).isEqualTo(8443);
            String arn = listener.listenerArn();
            String extra = certificate(WEST, "extra.standin.example.org");
            String missing = extra.substring(0, extra.lastIndexOf('/') + 1) + "00000000-0000-0000-0000-000000000000";

            elb.addListenerCertificates(r -> r.listenerArn(arn).certificates(c -> c.certificateArn(extra)));
            elb.addListenerCertificates(r -> r.listenerArn(arn).certificates(c -> c.certificateArn(extra)));

            assertThat(certificates(WEST, arn)).as("added once").containsExactly(
                    "default " + defaultCertificate(WEST, arn), "list " + extra);
            assertThatThrownBy(() -> elb.addListenerCertificates(r -> r.listenerArn(arn)
                    .certificates(c -> c.certificateArn(missing))))
                    .isInstanceOf(CertificateNotFoundException.class);
            assertThatThrownBy(() -> elb.removeListenerCertificates(r -> r.listenerArn(arn)
                    .certificates(c -> c.certificateArn(defaultCertificate(WEST, arn)))))
                    .isInstanceOf(OperationNotPermittedException.class);
        }
        new StandIns(LOCAL.cloud().endpoint(), System.out).ensure(input);
        assertThat(balancerNames(WEST).stream().filter("standin-west"::equals)).as("one stand-in only").hasSize(1);
    }

    static Stream<Arguments> badLoadBalancers() {
        String otherAccount = "arn:aws:elasticloadbalancing:us-west-2:210987654321:loadbalancer/app/theirs/0123456789abcdef";
        return Stream.of(
                Arguments.of("no such load balancer", "regions[1].origin.loadBalancer.arn",
                        (Consumer<ObjectNode>) b -> b.put("arn", otherAccount)),
                Arguments.of("ARN from another Region", "regions[1].origin.loadBalancer.arn",
                        (Consumer<ObjectNode>) b -> b.put("arn", otherAccount.replace(WEST, "eu-west-1"))),
                Arguments.of("not an application load balancer", "regions[1].origin.loadBalancer.name",
                        (Consumer<ObjectNode>) b -> b.put("name", "bad-network")),
                Arguments.of("internal scheme", "regions[1].origin.loadBalancer.name",
                        (Consumer<ObjectNode>) b -> b.put("name", "bad-internal")),
                Arguments.of("no HTTPS listener on that port", "regions[1].origin.loadBalancer.listenerPort",
                        (Consumer<ObjectNode>) b -> b.put("name", "bad-plain")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLoadBalancers")
    void provision_badLoadBalancer_refusedNamingTheFieldAndNothingCreated(String why, String field,
            Consumer<ObjectNode> balancer) {
        ensureBadBalancers();
        ObjectNode input = input("bad-alb", balancer);
        Set<String> before = inventory();

        WorkflowRun.Result result = run(Workflow.PROVISION, input);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).startsWith("io.activeedge.errors.");
        assertThat(result.cause()).as(why).startsWith(field + ": ");
        assertThat(inventory()).as("nothing created").isEqualTo(before);
    }

    // ---- the user's load balancers

    private static synchronized void ensureBadBalancers() {
        if (!balancerNames(WEST).contains("bad-network")) {
            usersAlb(WEST, "bad-network", LoadBalancerTypeEnum.NETWORK, LoadBalancerSchemeEnum.INTERNET_FACING,
                    ProtocolEnum.TLS);
            usersAlb(WEST, "bad-internal", LoadBalancerTypeEnum.APPLICATION, LoadBalancerSchemeEnum.INTERNAL,
                    ProtocolEnum.HTTPS);
            usersAlb(WEST, "bad-plain", LoadBalancerTypeEnum.APPLICATION, LoadBalancerSchemeEnum.INTERNET_FACING,
                    ProtocolEnum.HTTP);
        }
    }

    /** A load balancer of the user's, with one listener on 443; its listener's ARN. */
    private static String usersAlb(String region, String name, LoadBalancerTypeEnum type, LoadBalancerSchemeEnum scheme,
                                   ProtocolEnum protocol) {
        List<String> subnets;
        try (Ec2Client ec2 = LocalClients.ec2(LOCAL.cloud().endpoint(), region)) {
            subnets = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true"))).subnets()
                    .stream().map(Subnet::subnetId).limit(2).toList();
        }
        try (ElasticLoadBalancingV2Client elb = elb(region)) {
            String arn = elb.createLoadBalancer(r -> r.name(name).subnets(subnets).type(type).scheme(scheme))
                    .loadBalancers().get(0).loadBalancerArn();
            boolean secure = protocol != ProtocolEnum.HTTP;
            String certificate = secure ? certificate(region, name + ".users.example.org") : null;
            return elb.createListener(r -> {
                r.loadBalancerArn(arn).protocol(protocol).port(443);
                if (secure) {
                    r.certificates(c -> c.certificateArn(certificate));
                }
                if (type == LoadBalancerTypeEnum.APPLICATION) {
                    r.defaultActions(a -> a.type(ActionTypeEnum.FIXED_RESPONSE)
                            .fixedResponseConfig(f -> f.statusCode("200").contentType("text/plain")));
                } else {
                    r.defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targetGroup(elb, name)));
                }
            }).listeners().get(0).listenerArn();
        }
    }

    private static String targetGroup(ElasticLoadBalancingV2Client elb, String name) {
        String vpc;
        try (Ec2Client ec2 = LocalClients.ec2(LOCAL.cloud().endpoint(), WEST)) {
            vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
        }
        return elb.createTargetGroup(r -> r.name(name + "-tg").protocol(ProtocolEnum.TCP).port(443).vpcId(vpc))
                .targetGroups().get(0).targetGroupArn();
    }

    private static String certificate(String region, String domain) {
        try (AcmClient acm = LocalClients.acm(LOCAL.cloud().endpoint(), region)) {
            return acm.requestCertificate(r -> r.domainName(domain).validationMethod("DNS")).certificateArn();
        }
    }

    private static ElasticLoadBalancingV2Client elb(String region) {
        return LocalClients.elbv2(LOCAL.cloud().endpoint(), region);
    }

    private static LoadBalancer balancer(String region, String name) {
        try (ElasticLoadBalancingV2Client elb = elb(region)) {
            return elb.describeLoadBalancers(r -> r.names(name)).loadBalancers().get(0);
        }
    }

    private static Set<String> balancerNames(String region) {
        try (ElasticLoadBalancingV2Client elb = elb(region)) {
            Set<String> names = new TreeSet<>();
            elb.describeLoadBalancers().loadBalancers().forEach(b -> names.add(b.loadBalancerName()));
            return names;
        }
    }

    /** The listener's certificates as "default ARN" and "list ARN" lines, in the order ELB gives them. */
    private static List<String> certificates(String region, String listener) {
        try (ElasticLoadBalancingV2Client elb = elb(region)) {
            List<String> lines = new ArrayList<>();
            elb.describeListenerCertificates(r -> r.listenerArn(listener)).certificates().forEach(c -> lines.add(
                    (Boolean.TRUE.equals(c.isDefault()) ? "default " : "list ") + c.certificateArn()));
            return lines;
        }
    }

    private static String defaultCertificate(String region, String listener) {
        return certificates(region, listener).get(0).substring("default ".length());
    }

    /** Everything the user would compare: the load balancer, its listeners and the listener's certificates. */
    private static String describe(String region, String listener) {
        try (ElasticLoadBalancingV2Client elb = elb(region)) {
            String arn = elb.describeListeners(r -> r.listenerArns(listener)).listeners().get(0).loadBalancerArn();
            return elb.describeLoadBalancers(r -> r.loadBalancerArns(arn)).loadBalancers() + "\n"
                    + elb.describeListeners(r -> r.loadBalancerArn(arn)).listeners() + "\n"
                    + certificates(region, listener);
        }
    }

    // ---- inputs, workflows and what the emulator holds

    private static String zone(String app) {
        return app + ".example.org";
    }

    /** Two Regions: us-east-1 behind API Gateway, us-west-2 the load balancer {@code balancer} fills in. */
    private static ObjectNode input(String app, Consumer<ObjectNode> balancer) {
        ObjectNode input = TestApps.input(app, zone(app), List.of(EAST, WEST));
        ObjectNode origin = ((ObjectNode) input.at("/regions/1")).putObject("origin");
        balancer.accept(origin.putObject("loadBalancer"));
        return input;
    }

    private static String originCertificate(JsonNode output, String region) {
        for (JsonNode certificate : output.at("/certificates/items")) {
            if (Tags.ROLE_ORIGIN_CERTIFICATE.equals(certificate.path("role").asText())
                    && region.equals(certificate.path("region").asText())) {
                return certificate.path("arn").asText();
            }
        }
        throw new AssertionError("no origin certificate for " + region + " in " + output);
    }

    private static ResourceRecordSet latencyRecord(String app, String name, String region) {
        String zoneId = LOCAL.route53().listHostedZonesByName(r -> r.dnsName(zone(app) + ".")).hostedZones().get(0).id()
                .replace("/hostedzone/", "");
        return LOCAL.route53().listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
                .filter(r -> r.name().equals(name + ".") && Tags.setIdentifier(app, region).equals(r.setIdentifier()))
                .findFirst().orElseThrow();
    }

    private static Set<String> inventory() {
        Set<String> all = new TreeSet<>();
        LOCAL.route53().listHostedZones().hostedZones().forEach(z -> all.add("zone " + z.id()));
        LOCAL.route53().listHealthChecks().healthChecks().forEach(h -> all.add("check " + h.id()));
        for (String region : List.of(EAST, WEST)) {
            try (AcmClient acm = LocalClients.acm(LOCAL.cloud().endpoint(), region)) {
                acm.listCertificates().certificateSummaryList().forEach(c -> all.add("certificate " + c.certificateArn()));
            }
            try (ElasticLoadBalancingV2Client elb = elb(region)) {
                elb.describeLoadBalancers().loadBalancers().forEach(b -> all.add("load balancer " + b.loadBalancerArn()));
            }
        }
        return all;
    }

    private static WorkflowRun.Result run(Workflow workflow, ObjectNode input) {
        return TestApps.run(LOCAL.session(), workflow, input);
    }
}
