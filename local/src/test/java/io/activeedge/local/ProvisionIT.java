package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.AwsConstants;
import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.LocalCloud;
import io.activeedge.local.target.LocalSession;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateStatus;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The provision state machine on the local cloud, checked against the emulator's own state: what
 * the acceptance list of the provisioning workflow promises, for the example and for other inputs.
 */
class ProvisionIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final List<String> ALL_REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");

    private static LocalCloud cloud;
    private static LocalSession session;
    private static Route53Client route53;
    private static CloudFrontClient cloudFront;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(ROOT, 0, Path.of("target", "provision-it"), System.out);
        session = LocalSession.on(cloud);
        route53 = LocalClients.route53(cloud.endpoint());
        cloudFront = LocalClients.cloudFront(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        if (route53 != null) {
            route53.close();
            cloudFront.close();
        }
        if (session != null) {
            session.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void provision_exampleInput_buildsWhatTheSummarySays() throws IOException {
        ObjectNode input = example();

        WorkflowRun.Result result = provision(input);

        assertTrue(result.succeeded(), result.error() + ": " + result.cause());
        assertProvisioned(input, result.output());
    }

    @Test
    void provision_twiceOnOneCloud_secondRunCreatesNothing() throws IOException {
        ObjectNode input = otherInput("twice", "twice.example.net", List.of("us-east-1", "eu-west-1"));
        WorkflowRun.Result first = provision(input);
        assertTrue(first.succeeded(), first.error() + ": " + first.cause());
        Inventory before = Inventory.take();

        WorkflowRun.Result second = provision(input);

        assertTrue(second.succeeded(), second.error() + ": " + second.cause());
        assertEquals(before, Inventory.take(), "the second run changed the emulator's resources");
        JsonNode out = second.output();
        out.path("certificates").path("items").forEach(c -> assertFalse(c.path("created").asBoolean(), c.toString()));
        out.path("regions").forEach(r -> {
            assertEquals(0, r.at("/healthChecks/created").size(), r.toString());
            assertEquals("UNCHANGED", r.at("/record/action").asText(), r.toString());
        });
        assertEquals("UNCHANGED", out.at("/distribution/action").asText());
        out.at("/aliases/records").forEach(r -> assertEquals("UNCHANGED", r.path("action").asText(), r.toString()));
        assertEquals(first.output().at("/distribution/id"), out.at("/distribution/id"));
        assertProvisioned(input, out);
    }

    /** Other zones, three or more Regions, an alias at the zone apex, an origin name deeper in the zone. */
    @Test
    void provision_otherZoneFourRegionsApexAliasDeepOrigin_buildsAll() throws IOException {
        ObjectNode input = otherInput("wide", "wide.example.org", ALL_REGIONS);
        input.put("originDomain", "edge.origin.eu.wide.example.org");

        WorkflowRun.Result result = provision(input);

        assertTrue(result.succeeded(), result.error() + ": " + result.cause());
        assertProvisioned(input, result.output());
    }

    static List<Object[]> invalidInputs() {
        List<Object[]> cases = new ArrayList<>();
        cases.add(bad("missing app", "app", i -> i.remove("app")));
        cases.add(bad("zone not a domain", "zone", i -> i.put("zone", "not a domain")));
        cases.add(bad("alias outside the zone", "aliases[1]",
                i -> ((ArrayNode) i.get("aliases")).set(1, "www.example.net")));
        cases.add(bad("originDomain outside the zone", "originDomain", i -> i.put("originDomain", "api.other.com")));
        cases.add(bad("unknown Region", "regions[1].region",
                i -> ((ObjectNode) i.at("/regions/1")).put("region", "mars-north-1")));
        cases.add(bad("repeated Region", "regions[1].region",
                i -> ((ObjectNode) i.at("/regions/1")).put("region", "us-east-1")));
        cases.add(bad("empty regions", "regions", i -> i.putArray("regions")));
        cases.add(bad("bad health-check path", "healthCheck.path",
                i -> ((ObjectNode) i.get("healthCheck")).put("path", "health check")));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void provision_invalidInput_failsInValidationNamingTheFieldAndCreatesNothing(String why, String field,
            Consumer<ObjectNode> change) throws IOException {
        ObjectNode input = example();
        input.put("app", "bad-input");
        change.accept(input);
        Inventory before = Inventory.take();

        WorkflowRun.Result result = provision(input);

        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("io.activeedge.errors.InvalidInputException", result.error());
        assertTrue(result.cause().startsWith(field + ": "), "cause should name " + field + ": " + result.cause());
        assertEquals(before, Inventory.take(), "an invalid input created something");
    }

    // ---- what the emulator holds

    private static void assertProvisioned(JsonNode input, JsonNode output) {
        String app = input.get("app").asText();
        String zoneName = input.get("zone").asText() + ".";
        List<String> aliases = strings(input.get("aliases"));
        String origin = input.get("originDomain").asText();
        List<String> regions = new ArrayList<>();
        input.get("regions").forEach(r -> regions.add(r.get("region").asText()));

        HostedZone zone = route53.listHostedZonesByName(r -> r.dnsName(zoneName)).hostedZones().stream()
                .filter(z -> z.name().equals(zoneName)).findFirst().orElseThrow();
        String zoneId = zone.id().replace("/hostedzone/", "");
        assertEquals(zoneId, output.at("/zone/id").asText());
        List<ResourceRecordSet> records = route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId))
                .resourceRecordSets().stream().toList();

        // Certificates: one in us-east-1 for every alias, one per Region for the origin name, all validated in the zone.
        Map<String, String> certificates = new java.util.HashMap<>();
        output.at("/certificates/items").forEach(c -> certificates.put(
                c.get("role").asText() + "@" + c.get("region").asText(), c.get("arn").asText()));
        assertEquals(1 + regions.size(), certificates.size(), output.at("/certificates").toString());
        CertificateDetail edge = describe("us-east-1", certificates.get(Tags.ROLE_EDGE_CERTIFICATE + "@us-east-1"));
        assertEquals(new TreeSet<>(aliases), new TreeSet<>(edge.subjectAlternativeNames()));
        assertEquals(CertificateStatus.ISSUED, edge.status());
        assertValidationRecordsPublished(edge, records);
        for (String region : regions) {
            CertificateDetail regional = describe(region, certificates.get(Tags.ROLE_ORIGIN_CERTIFICATE + "@" + region));
            assertTrue(regional.certificateArn().contains(":" + region + ":"), regional.certificateArn());
            assertEquals(List.of(origin), regional.subjectAlternativeNames());
            assertValidationRecordsPublished(regional, records);
        }

        // Health checks and latency records, per Region.
        JsonNode health = input.path("healthCheck");
        for (String region : regions) {
            JsonNode result = find(output.get("regions"), "region", region);
            HealthCheck endpoint = healthCheck(result.at("/healthChecks/endpointId").asText());
            HealthCheck switchCheck = healthCheck(result.at("/healthChecks/switchId").asText());
            HealthCheck gate = healthCheck(result.at("/healthChecks/gateId").asText());
            assertEquals(HealthCheckType.HTTPS, endpoint.healthCheckConfig().type());
            assertEquals(443, endpoint.healthCheckConfig().port());
            assertTrue(endpoint.healthCheckConfig().resourcePath().endsWith(health.path("path").asText("/health")),
                    endpoint.healthCheckConfig().resourcePath());
            assertTrue(endpoint.healthCheckConfig().enableSNI());
            assertFalse(endpoint.healthCheckConfig().fullyQualifiedDomainName().equals(origin),
                    "the endpoint check must probe the Region's own name, not the latency-routed one");
            assertFalse(Boolean.TRUE.equals(endpoint.healthCheckConfig().disabled()), "the endpoint check probes");
            assertNotEquals(HealthCheckType.CALCULATED, switchCheck.healthCheckConfig().type());
            assertTrue(switchCheck.healthCheckConfig().disabled(), "the switch never probes");
            assertEquals(HealthCheckType.CALCULATED, gate.healthCheckConfig().type());
            List<String> children = gate.healthCheckConfig().childHealthChecks();
            assertEquals(Set.of(endpoint.id(), switchCheck.id()), new HashSet<>(children));
            assertEquals(children.size(), gate.healthCheckConfig().healthThreshold());
            for (String child : children) {
                assertNotEquals(HealthCheckType.CALCULATED, healthCheck(child).healthCheckConfig().type(),
                        "no calculated check monitors a calculated check");
            }

            List<ResourceRecordSet> latency = records.stream()
                    .filter(r -> r.name().equals(origin + ".") && Tags.setIdentifier(app, region).equals(r.setIdentifier()))
                    .toList();
            assertEquals(1, latency.size(), "one latency record for " + region + ": " + latency);
            assertEquals(region, latency.get(0).regionAsString());
            assertEquals(gate.id(), latency.get(0).healthCheckId());
            assertNotNull(latency.get(0).aliasTarget(), latency.get(0).toString());
        }
        assertEquals(regions.size(), records.stream().filter(r -> r.name().equals(origin + ".")).count(),
                "exactly one record per Region at " + origin);

        // The distribution.
        String distributionId = output.at("/distribution/id").asText();
        DistributionConfig config = cloudFront.getDistributionConfig(r -> r.id(distributionId)).distributionConfig();
        assertEquals(new TreeSet<>(aliases), new TreeSet<>(config.aliases().items()));
        assertEquals(certificates.get(Tags.ROLE_EDGE_CERTIFICATE + "@us-east-1"), config.viewerCertificate().acmCertificateArn());
        assertEquals("sni-only", config.viewerCertificate().sslSupportMethodAsString());
        assertEquals("TLSv1.2_2021", config.viewerCertificate().minimumProtocolVersionAsString());
        assertEquals(1, config.origins().items().size());
        assertEquals(origin, config.origins().items().get(0).domainName());
        assertEquals("https-only", config.origins().items().get(0).customOriginConfig().originProtocolPolicyAsString());
        assertEquals("redirect-to-https", config.defaultCacheBehavior().viewerProtocolPolicyAsString());
        assertEquals(AwsConstants.ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST,
                config.defaultCacheBehavior().originRequestPolicyId(), "no Host header to the origin");
        String domain = cloudFront.getDistribution(r -> r.id(distributionId)).distribution().domainName();
        assertEquals(domain, output.at("/distribution/domainName").asText());

        // Alias A and AAAA per alias, to the distribution.
        for (String alias : aliases) {
            for (RRType type : List.of(RRType.A, RRType.AAAA)) {
                ResourceRecordSet record = records.stream()
                        .filter(r -> r.name().equals(alias + ".") && r.type() == type).findFirst()
                        .orElseThrow(() -> new AssertionError("no " + type + " record at " + alias));
                assertEquals(AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID, record.aliasTarget().hostedZoneId());
                assertEquals(domain, record.aliasTarget().dnsName().replaceAll("\\.$", ""));
            }
        }
    }

    private static void assertValidationRecordsPublished(CertificateDetail certificate, List<ResourceRecordSet> records) {
        certificate.domainValidationOptions().forEach(option -> {
            String name = option.resourceRecord().name();
            assertTrue(records.stream().anyMatch(r -> r.type() == RRType.CNAME && r.name().equals(name)
                            && r.resourceRecords().get(0).value().equals(option.resourceRecord().value())),
                    "validation CNAME " + name + " is not in the zone");
        });
    }

    /** Everything provisioning can create, by id: equal inventories mean nothing was created or changed. */
    private record Inventory(Set<String> zones, Set<String> healthChecks, Set<String> certificates,
                             Set<String> distributions, Set<String> records) {
        static Inventory take() {
            Set<String> zones = route53.listHostedZones().hostedZones().stream().map(HostedZone::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> records = new TreeSet<>();
            for (String zone : zones) {
                route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone)).resourceRecordSets()
                        .forEach(r -> records.add(zone + " " + r.toString()));
            }
            Set<String> checks = route53.listHealthChecks().healthChecks().stream()
                    .map(h -> h.id() + " " + h.healthCheckConfig()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> certificates = new TreeSet<>();
            for (String region : ALL_REGIONS) {
                try (AcmClient acm = acm(region)) {
                    acm.listCertificates().certificateSummaryList().forEach(c -> certificates.add(c.certificateArn()));
                }
            }
            List<DistributionSummary> items = cloudFront.listDistributions().distributionList().items();
            Set<String> distributions = items == null ? Set.of() : items.stream().map(DistributionSummary::id)
                    .collect(Collectors.toCollection(TreeSet::new));
            return new Inventory(zones, checks, certificates, distributions, records);
        }
    }

    // ---- inputs and helpers

    private static WorkflowRun.Result provision(ObjectNode input) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            WorkflowRun.Result result = new WorkflowRun(session, out)
                    .run(Workflow.PROVISION, input, "test input", Duration.ofMinutes(3));
            System.out.print(progress.toString(StandardCharsets.UTF_8));
            return result;
        }
    }

    private static ObjectNode example() throws IOException {
        return (ObjectNode) JSON.readTree(ROOT.resolve("events/provision.json").toFile());
    }

    /** An input for another app in another zone, Regions alternating API Gateway and ready alias targets. */
    private static ObjectNode otherInput(String app, String zone, List<String> regions) {
        return TestApps.input(app, zone, regions);
    }

    private static Object[] bad(String why, String field, Consumer<ObjectNode> change) {
        return new Object[] {why, field, change};
    }

    private static CertificateDetail describe(String region, String arn) {
        assertNotNull(arn, "no certificate for " + region);
        try (AcmClient acm = acm(region)) {
            return acm.describeCertificate(r -> r.certificateArn(arn)).certificate();
        }
    }

    private static HealthCheck healthCheck(String id) {
        return route53.getHealthCheck(r -> r.healthCheckId(id)).healthCheck();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static AcmClient acm(String region) {
        return LocalClients.acm(cloud.endpoint(), region);
    }
}
