package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.RegionHealthChecksResult.AlarmCheck;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.InsufficientDataHealthStatus;
import software.amazon.awssdk.services.route53.model.InvalidInputException;

/**
 * failover.dataPlane on the local cloud: each alarm of a Region is a CLOUDWATCH_METRIC check under the Region's
 * gate, an alarm in ALARM takes the Region out with no function call, and teardown removes the checks.
 */
class DataPlaneIT {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("data-plane-it");

    /** Two Regions, two alarms each ({app}-{region}-5xx and -latency), data plane on. */
    private static ObjectNode input(String app) {
        ObjectNode input = TestApps.input(app, List.of(EAST, WEST));
        input.path("regions").forEach(r -> ((ArrayNode) r.path("alarms"))
                .add(app + "-" + r.path("region").asText() + "-latency"));
        input.putObject("failover").put("dataPlane", true);
        return input;
    }

    @Test
    void provision_dataPlane_gateHasOneAlarmChildPerAlarm_secondRunCreatesNothing_teardownRemovesThem() {
        String app = "dp2";
        ObjectNode input = input(app);
        assertTrue(run(Workflow.PROVISION, input).succeeded());

        Map<String, RegionHealthChecksResult> regions = new HealthCheckLookup(LOCAL.route53()).of(app);
        assertEquals(Set.of(EAST, WEST), regions.keySet());
        for (RegionHealthChecksResult region : regions.values()) {
            String r = region.region();
            assertEquals(List.of(app + "-" + r + "-5xx", app + "-" + r + "-latency"),
                    region.alarmChecks().stream().map(AlarmCheck::alarm).toList());
            for (AlarmCheck alarm : region.alarmChecks()) {
                HealthCheckConfig config = config(alarm.id());
                assertEquals(HealthCheckType.CLOUDWATCH_METRIC, config.type());
                assertEquals(r, config.alarmIdentifier().regionAsString());
                assertEquals(alarm.alarm(), config.alarmIdentifier().name());
                assertEquals(InsufficientDataHealthStatus.LAST_KNOWN_STATUS, config.insufficientDataHealthStatus());
            }
            HealthCheckConfig gate = config(region.gateId());
            Set<String> children = new TreeSet<>(List.of(region.endpointId(), region.switchId()));
            region.alarmChecks().forEach(a -> children.add(a.id()));
            assertEquals(children, new TreeSet<>(gate.childHealthChecks()));
            assertEquals(4, gate.healthThreshold(), "threshold = every child");
        }
        Set<String> before = checkIds();

        assertTrue(run(Workflow.PROVISION, input).succeeded());

        assertEquals(before, checkIds(), "a second run creates and deletes no health check");

        assertTrue(run(Workflow.TEARDOWN, input).succeeded());

        assertThat(leftovers(input)).noneMatch(l -> l.startsWith("health check"));
        regions.values().forEach(r -> r.alarmChecks().forEach(a -> assertFalse(checkIds().contains(a.id()))));
    }

    @Test
    void alarmInAlarm_takesTheRegionOutWithNoFunctionCall_andDroppingTheAlarmRemovesItsCheckFromTheGateFirst() {
        String app = "dpa";
        ObjectNode input = input(app);
        assertTrue(run(Workflow.PROVISION, input).succeeded());
        String alarm = app + "-" + EAST + "-latency";

        setState(EAST, alarm, StateValue.ALARM);
        List<RoutingTable.Row> rows = new RoutingTable(LOCAL.route53()).of(app);
        setState(EAST, alarm, StateValue.OK);

        RoutingTable.Row east = rows.stream().filter(r -> r.region().equals(EAST)).findFirst().orElseThrow();
        assertFalse(east.drained(), "the switch is untouched: Route 53 alone took the Region out");
        assertEquals(1, east.alarmChecksUnhealthy());
        assertFalse(east.gateHealthy());
        assertEquals(List.of(WEST), RoutingTable.receiving(rows));

        String dropped = new HealthCheckLookup(LOCAL.route53()).of(app).get(EAST).alarmChecks().stream()
                .filter(a -> a.alarm().equals(alarm)).findFirst().orElseThrow().id();
        ((ArrayNode) input.path("regions").path(0).path("alarms")).remove(1);
        assertTrue(run(Workflow.PROVISION, input).succeeded());

        RegionHealthChecksResult after = new HealthCheckLookup(LOCAL.route53()).of(app).get(EAST);
        assertEquals(List.of(app + "-" + EAST + "-5xx"), after.alarmChecks().stream().map(AlarmCheck::alarm).toList());
        assertEquals(3, config(after.gateId()).healthThreshold());
        assertFalse(checkIds().contains(dropped));
        assertTrue(run(Workflow.TEARDOWN, input).succeeded());
    }

    @Test
    void provision_dataPlane_metricMathAlarm_isRefusedBeforeAnythingIsCreated() {
        String app = "dpm";
        ObjectNode input = input(app);
        String ratio = app + "-" + WEST + "-latency";
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), WEST)) {
            cloudWatch.putMetricAlarm(r -> r.alarmName(ratio).evaluationPeriods(1).threshold(5.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .metrics(MetricDataQuery.builder().id("ratio").expression("100*m1/m2").returnData(true).build(),
                            q("m1", "5XXError"), q("m2", "Count")));
        }

        WorkflowRun.Result result = run(Workflow.PROVISION, input);

        assertFalse(result.succeeded());
        assertEquals("io.activeedge.errors.InvalidInputException", result.error());
        assertThat(result.cause()).contains("regions[1].alarms[1]").contains("metric math");
        assertThat(leftovers(input)).noneMatch(l -> l.startsWith("health check"));
    }

    @Test
    void localCloud_cloudWatchMetricCheck_refusedWithoutAnAlarmThatExists() {
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> LOCAL.route53()
                .createHealthCheck(r -> r.callerReference("no-alarm-identifier")
                        .healthCheckConfig(c -> c.type(HealthCheckType.CLOUDWATCH_METRIC))));
        assertEquals("InvalidInput", none.awsErrorDetails().errorCode());

        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> LOCAL.route53()
                .createHealthCheck(r -> r.callerReference("missing-alarm")
                        .healthCheckConfig(c -> c.type(HealthCheckType.CLOUDWATCH_METRIC)
                                .alarmIdentifier(a -> a.region(WEST).name("no-such-alarm")))));
        assertThat(missing.getMessage()).contains("no-such-alarm");

        InvalidInputException basic = assertThrows(InvalidInputException.class, () -> LOCAL.route53()
                .createHealthCheck(r -> r.callerReference("basic-with-alarm")
                        .healthCheckConfig(c -> c.type(HealthCheckType.HTTPS).fullyQualifiedDomainName("a.example.net")
                                .alarmIdentifier(a -> a.region(WEST).name("no-such-alarm")))));
        assertThat(basic.getMessage()).contains("Basic health checks must not have an metric region specified");
    }

    // ---- helpers

    private static MetricDataQuery q(String id, String metric) {
        return MetricDataQuery.builder().id(id).returnData(false).metricStat(s -> s.stat("Sum").period(60)
                .metric(m -> m.namespace("AWS/ApiGateway").metricName(metric))).build();
    }

    private static void setState(String region, String alarm, StateValue state) {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), region)) {
            cloudWatch.setAlarmState(r -> r.alarmName(alarm).stateValue(state).stateReason("DataPlaneIT"));
        }
    }

    private static HealthCheckConfig config(String id) {
        return LOCAL.route53().getHealthCheck(r -> r.healthCheckId(id)).healthCheck().healthCheckConfig();
    }

    private static Set<String> checkIds() {
        Set<String> ids = new TreeSet<>();
        LOCAL.route53().listHealthChecksPaginator(r -> { }).healthChecks().stream().map(HealthCheck::id)
                .forEach(ids::add);
        return ids;
    }

    private static WorkflowRun.Result run(Workflow workflow, ObjectNode input) {
        return TestApps.run(LOCAL.session(), workflow, input);
    }

    private static List<String> leftovers(ObjectNode input) {
        return TestApps.leftovers(LOCAL.session(), input);
    }
}
