package io.activeedge.routing.healthchecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.input.FailoverSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.RegionHealthChecksResult.AlarmCheck;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.InsufficientDataHealthStatus;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/** failover.dataPlane: one CLOUDWATCH_METRIC check per alarm, each a child of the gate (HealthChecks + AlarmChecks). */
class AlarmChecksTest {
    private static final String EAST = "us-east-1";
    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final HealthChecks healthChecks = new HealthChecks(route53);

    /** The example with {@code alarms} in us-east-1, data plane on or off. */
    private static AppSpec input(boolean dataPlane, String... alarms) {
        AppSpec example = ExampleApp.input();
        List<RegionSpec> regions = new ArrayList<>();
        for (RegionSpec r : example.regions()) {
            regions.add(r.region().equals(EAST) ? new RegionSpec(r.region(), r.origin(), List.of(alarms)) : r);
        }
        return new AppSpec(example.app(), example.zone(), null, example.aliases(), example.originDomain(), regions,
                example.healthCheck(), null, example.timing(), example.tags(), false, new FailoverSpec(0, dataPlane));
    }

    private RegionHealthChecksResult ensure(AppSpec input, String runId) {
        return healthChecks.ensure(input, EAST, ExampleApp.run(runId), ExampleApp.target(EAST));
    }

    private HealthCheckConfig gate(RegionHealthChecksResult checks) {
        return route53.config(checks.gateId());
    }

    @Test
    void ensure_dataPlane_oneCloudWatchMetricChildPerAlarm_thresholdAllChildren() {
        RegionHealthChecksResult checks = ensure(input(true, "shop-5xx", "shop-latency"), "run-1");

        assertEquals(List.of("shop-5xx", "shop-latency"), checks.alarmChecks().stream().map(AlarmCheck::alarm).toList());
        for (AlarmCheck alarm : checks.alarmChecks()) {
            HealthCheckConfig config = route53.config(alarm.id());
            assertEquals(HealthCheckType.CLOUDWATCH_METRIC, config.type());
            assertEquals(EAST, config.alarmIdentifier().regionAsString());
            assertEquals(alarm.alarm(), config.alarmIdentifier().name());
            assertEquals(InsufficientDataHealthStatus.LAST_KNOWN_STATUS, config.insufficientDataHealthStatus());
            Map<String, String> tags = route53.tags.get(alarm.id());
            assertTrue(Tags.matches(tags, "shop", EAST, Tags.ROLE_ALARM_CHECK));
            assertEquals(alarm.alarm(), tags.get(Tags.ALARM));
            assertEquals("shop us-east-1 alarm " + alarm.alarm(), tags.get("Name"));
        }
        Set<String> children = Set.copyOf(gate(checks).childHealthChecks());
        assertEquals(Set.of(checks.endpointId(), checks.switchId(), checks.alarmChecks().get(0).id(),
                checks.alarmChecks().get(1).id()), children);
        assertEquals(4, gate(checks).healthThreshold());
    }

    @Test
    void ensure_dataPlaneOff_alarmsMakeNoCheck() {
        RegionHealthChecksResult checks = ensure(input(false, "shop-5xx"), "run-1");

        assertEquals(List.of(), checks.alarmChecks());
        assertEquals(3, route53.checks.size());
        assertEquals(2, gate(checks).healthThreshold());
    }

    @Test
    void ensure_secondRun_createsAndUpdatesNothing() {
        RegionHealthChecksResult first = ensure(input(true, "shop-5xx", "shop-latency"), "run-1");

        RegionHealthChecksResult second = ensure(input(true, "shop-5xx", "shop-latency"), "run-2");

        assertEquals(List.of(), second.created());
        assertEquals(first.alarmChecks(), second.alarmChecks());
        assertEquals(5, route53.checks.size());
        assertTrue(route53.updates.isEmpty());
    }

    @Test
    void ensure_alarmAdded_gateGainsTheChildAfterItExists() {
        RegionHealthChecksResult first = ensure(input(true, "shop-5xx"), "run-1");

        RegionHealthChecksResult second = ensure(input(true, "shop-5xx", "shop-latency"), "run-2");

        assertEquals(List.of(Tags.ROLE_ALARM_CHECK), second.created());
        assertEquals(first.alarmChecks().get(0), second.alarmChecks().get(0));
        assertEquals(4, gate(second).healthThreshold());
        assertTrue(gate(second).childHealthChecks().contains(second.alarmChecks().get(1).id()));
    }

    @Test
    void ensure_alarmRemoved_gateDropsTheChildBeforeTheCheckIsDeleted() {
        RegionHealthChecksResult first = ensure(input(true, "shop-5xx", "shop-latency"), "run-1");
        String latency = first.alarmChecks().get(1).id();
        List<String> order = new ArrayList<>();
        route53.beforeNextUpdate = () -> order.add("gate-updated");

        RegionHealthChecksResult second = ensure(input(true, "shop-5xx"), "run-2");

        order.add(route53.deletedChecks.contains(latency) ? "deleted-after" : "not-deleted");
        assertEquals(List.of("gate-updated", "deleted-after"), order);
        assertEquals(List.of(new AlarmCheck("shop-5xx", first.alarmChecks().get(0).id())), second.alarmChecks());
        assertEquals(3, gate(second).healthThreshold());
        assertFalse(gate(second).childHealthChecks().contains(latency));
        assertFalse(route53.checks.containsKey(latency));
    }

    @Test
    void ensure_dataPlaneTurnedOff_removesEveryAlarmCheck_gateBackToTwoChildren() {
        RegionHealthChecksResult first = ensure(input(true, "shop-5xx", "shop-latency"), "run-1");

        RegionHealthChecksResult second = ensure(input(false, "shop-5xx", "shop-latency"), "run-2");

        assertEquals(List.of(), second.alarmChecks());
        assertEquals(Set.of(first.endpointId(), first.switchId()), Set.copyOf(gate(second).childHealthChecks()));
        assertEquals(2, gate(second).healthThreshold());
        assertEquals(3, route53.checks.size());
    }

    @Test
    void ensure_alarmCheckInvertedByHand_isSetBack() {
        RegionHealthChecksResult first = ensure(input(true, "shop-5xx"), "run-1");
        String id = first.alarmChecks().get(0).id();
        route53.edit(id, c -> c.inverted(true).insufficientDataHealthStatus(InsufficientDataHealthStatus.HEALTHY));

        ensure(input(true, "shop-5xx"), "run-2");

        UpdateHealthCheckRequest update = route53.updates.stream().filter(u -> u.healthCheckId().equals(id))
                .findFirst().orElseThrow();
        assertEquals(route53.version(id) - 1, update.healthCheckVersion());
        assertFalse(route53.config(id).inverted());
        assertEquals(InsufficientDataHealthStatus.LAST_KNOWN_STATUS, route53.config(id).insufficientDataHealthStatus());
    }

    @Test
    void lookup_findsTheAlarmChecksByTags() {
        RegionHealthChecksResult made = ensure(input(true, "shop-latency", "shop-5xx"), "run-1");

        RegionHealthChecksResult found = new HealthCheckLookup(route53).of("shop").get(EAST);

        assertEquals(made.alarmChecks().stream().sorted(java.util.Comparator.comparing(AlarmCheck::alarm)).toList(),
                found.alarmChecks());
    }
}
