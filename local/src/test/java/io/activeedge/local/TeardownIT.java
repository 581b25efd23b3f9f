package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Tags;
import io.activeedge.failover.FailoverTags;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.report.TeardownOutput;
import io.activeedge.local.report.TeardownSummary;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The teardown state machine on the local cloud, checked against the emulator's own state: what the acceptance
 * list of the teardown promises, for one application, two in one zone, one never provisioned and one half gone.
 */
class TeardownIT {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("teardown-it");

    @Test
    void teardown_twoAppsInOneZone_removesOnlyTheOneAndTheOtherStillProvisionsWithNothingNew() {
        String zone = "twins.example.org";
        ObjectNode shop = TestApps.input("shop", zone, List.of(EAST, WEST));
        ObjectNode blog = TestApps.input("blog", zone, List.of("eu-west-1", "ap-southeast-2"));
        // The same origin name in other Regions: its certificates share shop's validation record for api.<zone>.
        blog.putArray("aliases").add("blog." + zone);
        TestApps.provision(LOCAL.session(), shop);
        TestApps.provision(LOCAL.session(), blog);
        String zoneId = zoneId(zone);
        LOCAL.route53().changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(c -> c
                .action("CREATE").resourceRecordSet(s -> s.name("mail." + zone).type(RRType.TXT).ttl(300L)
                        .resourceRecords(v -> v.value("\"the user's own\""))))));
        String usersCheck = LOCAL.route53().createHealthCheck(r -> r.callerReference("users-own-check")
                .healthCheckConfig(c -> c.type(HealthCheckType.HTTPS).fullyQualifiedDomainName("status." + zone)
                        .resourcePath("/"))).healthCheck().id();
        List<String> blogBefore = leftovers(blog);
        Set<String> validationBefore = validationRecords(zoneId);

        WorkflowRun.Result result = teardown(shop);

        assertThat(result.succeeded()).as(result.error() + ": " + result.cause()).isTrue();
        assertThat(leftovers(shop)).as("nothing tagged for shop").isEmpty();
        assertThat(leftovers(blog)).as("blog's certificates, checks, distribution, records").isEqualTo(blogBefore);
        assertThat(blogBefore).anyMatch(line -> line.startsWith("distribution "))
                .anyMatch(line -> line.startsWith("latency record api." + zone + ". A active-edge:blog:eu-west-1"));
        String sharedRecord = validationBefore.stream().filter(name -> name.endsWith(".api." + zone + "."))
                .findFirst().orElseThrow();
        Set<String> validationAfter = validationRecords(zoneId);
        assertThat(validationAfter).as("blog's certificates still need the api record and their own")
                .contains(sharedRecord).anyMatch(name -> name.endsWith(".blog." + zone + "."))
                .noneMatch(name -> name.endsWith(".www." + zone + "."));
        assertThat(result.output().at("/validationRecords/kept").toString()).contains(sharedRecord, "still needed by");
        assertThat(records(zoneId)).anyMatch(r -> r.type() == RRType.TXT && r.name().startsWith("mail."));
        assertThat(LOCAL.route53().getHealthCheck(r -> r.healthCheckId(usersCheck)).healthCheck().id())
                .isEqualTo(usersCheck);
        assertThat(result.output().at("/hostedZone/kept").toString()).contains("active-edge tags removed");

        WorkflowRun.Result again = provision(blog);

        assertThat(again.succeeded()).as(again.error() + ": " + again.cause()).isTrue();
        JsonNode out = again.output();
        out.at("/certificates/items").forEach(c -> assertThat(c.path("created").asBoolean()).as(c.toString()).isFalse());
        out.path("regions").forEach(r -> assertThat(r.at("/healthChecks/created")).as(r.toString()).isEmpty());
        out.path("regions").forEach(r -> assertThat(r.at("/record/action").asText()).isEqualTo("UNCHANGED"));
        assertThat(out.at("/distribution/action").asText()).isEqualTo("UNCHANGED");
        assertThat(out.at("/validation/changeId").isNull()).as("no validation record had to be published again").isTrue();
    }

    @Test
    void teardown_neverProvisioned_succeedsAndReportsNothingFound() {
        ObjectNode ghost = TestApps.input("ghost", List.of(EAST, WEST));

        WorkflowRun.Result result = teardown(ghost);

        assertThat(result.succeeded()).as(result.error() + ": " + result.cause()).isTrue();
        JsonNode out = result.output();
        assertThat(out.path("zone").isNull()).as("no zone named ghost.example.net: nothing in DNS").isTrue();
        for (String kind : List.of("alarms", "aliasRecords", "distribution", "latencyRecords", "healthChecks",
                "originDomains", "certificates", "validationRecords", "hostedZone")) {
            assertThat(out.at("/" + kind + "/deleted")).as(kind).isEmpty();
            assertThat(out.at("/" + kind + "/kept")).as(kind).isEmpty();
        }
        assertThat(TeardownSummary.format(result.output(TeardownOutput.class), result.calls())).contains("nothing tagged for app ghost is left");
    }

    @Test
    void teardown_halfTornDown_removesTheRestReportsWhatItFoundAndASecondRunFindsNothing() {
        ObjectNode half = TestApps.input("half", List.of(EAST, WEST));
        TestApps.provision(LOCAL.session(), half);
        // A teardown that stopped half way: the health checks and us-west-2's certificate are gone already.
        new HealthCheckLookup(LOCAL.route53()).of("half").values().forEach(checks -> List.of(checks.gateId(),
                checks.switchId(), checks.endpointId()).forEach(id -> LOCAL.route53().deleteHealthCheck(r -> r.healthCheckId(id))));
        try (AcmClient acm = LocalClients.acm(LOCAL.cloud().endpoint(), WEST)) {
            for (CertificateSummary c : acm.listCertificates().certificateSummaryList()) {
                if (c.domainName().endsWith("half.example.net")) {
                    acm.deleteCertificate(r -> r.certificateArn(c.certificateArn()));
                }
            }
        }

        WorkflowRun.Result result = teardown(half);

        assertThat(result.succeeded()).as(result.error() + ": " + result.cause()).isTrue();
        JsonNode out = result.output();
        assertThat(out.at("/healthChecks/deleted")).isEmpty();
        assertThat(out.at("/certificates/deleted")).hasSize(2).allMatch(line -> line.asText().startsWith(EAST + " "));
        assertThat(out.at("/distribution/deleted")).hasSize(1);
        assertThat(out.at("/latencyRecords/deleted")).hasSize(2);
        assertThat(leftovers(half)).isEmpty();

        WorkflowRun.Result second = teardown(half);

        assertThat(second.succeeded()).isTrue();
        assertThat(TeardownSummary.format(second.output(TeardownOutput.class), second.calls()))
                .contains("nothing tagged for app half is left")
                .contains("health checks       nothing found", "certificates        nothing found");
    }

    /**
     * Only the Resource Groups Tagging API can find this alarm (the input no longer names it), so this also shows
     * that the local cloud's GetResources returns CloudWatch alarms, as AWS's does for every resource type.
     */
    @Test
    void teardown_alarmTheInputNoLongerLists_isReleasedThroughItsTagAndKept() {
        ObjectNode stray = TestApps.input("stray", List.of(EAST, WEST));
        stray.withArray("regions").forEach(r -> ((ObjectNode) r).remove("alarms"));
        try (CloudWatchClient east = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), EAST)) {
            alarm(east, "stray-us-east-1-latency", Map.of(Tags.APP, "stray", Tags.REGION, EAST,
                    FailoverTags.SWITCH, "stray-switch", "team", "payments"));
            alarm(east, "other-us-east-1-5xx", Map.of(Tags.APP, "other", Tags.REGION, EAST,
                    FailoverTags.SWITCH, "other-switch"));

            WorkflowRun.Result result = teardown(stray);

            assertThat(result.succeeded()).as(result.error() + ": " + result.cause()).isTrue();
            assertThat(result.output().at("/alarms/kept").toString())
                    .contains("us-east-1 alarm stray-us-east-1-latency").doesNotContain("other-us-east-1-5xx");
            assertThat(tags(east, "stray-us-east-1-latency")).containsOnly(Map.entry("team", "payments"));
            assertThat(tags(east, "other-us-east-1-5xx")).containsEntry(Tags.APP, "other")
                    .containsEntry(FailoverTags.SWITCH, "other-switch");
        }
    }

    // ---- helpers

    private static void alarm(CloudWatchClient cloudWatch, String name, Map<String, String> tags) {
        cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApiGateway").metricName("Latency")
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(1000.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
    }

    private static Map<String, String> tags(CloudWatchClient cloudWatch, String name) {
        String arn = cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().getFirst().alarmArn();
        return cloudWatch.listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static WorkflowRun.Result teardown(ObjectNode input) {
        return run(Workflow.TEARDOWN, input);
    }

    private static WorkflowRun.Result provision(ObjectNode input) {
        return run(Workflow.PROVISION, input);
    }

    private static WorkflowRun.Result run(Workflow workflow, ObjectNode input) {
        return TestApps.run(LOCAL.session(), workflow, input);
    }

    private static List<String> leftovers(ObjectNode input) {
        return TestApps.leftovers(LOCAL.session(), input);
    }

    private static String zoneId(String zone) {
        return LOCAL.route53().listHostedZones().hostedZones().stream()
                .filter(z -> z.name().equals(zone + ".")).map(HostedZone::id).findFirst().orElseThrow();
    }

    private static List<ResourceRecordSet> records(String zoneId) {
        return LOCAL.route53().listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets()
                .stream().toList();
    }

    /** The names of the zone's ACM validation CNAMEs. */
    private static Set<String> validationRecords(String zoneId) {
        return records(zoneId).stream()
                .filter(r -> r.type() == RRType.CNAME && r.resourceRecords().getFirst().value().contains("acm-validations"))
                .map(ResourceRecordSet::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
