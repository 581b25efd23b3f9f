package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.failover.FailoverTags;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.CommandException;
import io.activeedge.local.target.StackResource;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Alarm-driven failover on the local cloud, driven as {@code ./active-edge failover|recover|status} drive it:
 * an alarm of the Region goes to ALARM or OK, the failover function gets the EventBridge event, and the
 * Region's switch, and only the switch, follows.
 */
class FailoverIT {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    private static final String EU = "eu-west-1";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("failover-it");

    @Test
    void failover_twoRegions_drainsOnlyThatSwitchAndRecoverRestoresIt() throws IOException {
        String app = "fo2";
        provision(exampleFor(app));
        Map<String, RegionHealthChecksResult> checks = new HealthCheckLookup(LOCAL.route53()).of(app);
        Map<String, HealthCheckConfig> before = configs(checks);

        AlarmDrill.Outcome drained = drill(app, EAST, AlarmChange.ALARM);

        assertDecision(drained, FailoverDecision.Action.DRAINED, FailoverDecision.SERVING, FailoverDecision.DRAINED);
        assertTrue(drained.decision().reason().contains(WEST + " still serves"), drained.decision().reason());
        Map<String, HealthCheckConfig> after = configs(checks);
        checks.values().forEach(region -> {
            assertEquals(before.get(region.endpointId()), after.get(region.endpointId()), "endpoint check changed");
            assertEquals(before.get(region.gateId()), after.get(region.gateId()), "gate check changed");
        });
        String eastSwitch = checks.get(EAST).switchId();
        assertEquals(before.get(eastSwitch).toBuilder().inverted(true).build(), after.get(eastSwitch),
                "the switch should differ in Inverted only");
        assertEquals(before.get(checks.get(WEST).switchId()), after.get(checks.get(WEST).switchId()));
        List<RoutingTable.Row> rows = new RoutingTable(LOCAL.route53()).of(app);
        RoutingTable.Row east = row(rows, EAST);
        assertTrue(east.drained());
        assertFalse(east.gateHealthy());
        assertEquals("alarm:" + drained.alarm().name(), east.changedBy());
        assertFalse(row(rows, WEST).drained());
        assertTrue(row(rows, WEST).gateHealthy());
        assertEquals(List.of(WEST), RoutingTable.receiving(rows));

        AlarmDrill.Outcome restored = drill(app, EAST, AlarmChange.OK);

        assertDecision(restored, FailoverDecision.Action.RESTORED, FailoverDecision.DRAINED, FailoverDecision.SERVING);
        assertEquals(before, configs(checks), "after recover every check is as provisioning left it");
        assertEquals(List.of(EAST, WEST), RoutingTable.receiving(new RoutingTable(LOCAL.route53()).of(app)));
    }

    @Test
    void failover_threeRegions_drainsTwoAndRefusesTheLastServing() {
        String app = "fo3";
        provision(input(app, List.of(EAST, WEST, EU)));

        assertDecision(drill(app, EAST, AlarmChange.ALARM), FailoverDecision.Action.DRAINED,
                FailoverDecision.SERVING, FailoverDecision.DRAINED);
        assertDecision(drill(app, WEST, AlarmChange.ALARM), FailoverDecision.Action.DRAINED,
                FailoverDecision.SERVING, FailoverDecision.DRAINED);
        String euSwitch = new HealthCheckLookup(LOCAL.route53()).of(app).get(EU).switchId();
        HealthCheckConfig euBefore = config(euSwitch);

        AlarmDrill.Outcome refused = drill(app, EU, AlarmChange.ALARM);

        assertEquals(FailoverDecision.Action.REFUSED.name(), refused.decision().action());
        assertFalse(refused.applied(), "the CLI exits non-zero on REFUSED");
        assertTrue(refused.decision().reason().contains("draining would leave no Region serving"),
                refused.decision().reason());
        assertTrue(refused.decision().reason().contains(EAST + " is drained")
                && refused.decision().reason().contains(WEST + " is drained"), refused.decision().reason());
        assertEquals(euBefore, config(euSwitch), "the last serving Region's switch must not change");
        assertFalse(Boolean.TRUE.equals(config(euSwitch).inverted()));
        assertNull(switchTags(euSwitch).get(FailoverTags.CHANGED_AT));
        assertEquals(List.of(EU), RoutingTable.receiving(new RoutingTable(LOCAL.route53()).of(app)));
    }

    @Test
    void failover_olderOkAndRepeatedAlarm_leaveTheOneChangeApplied() {
        String app = "fo-order";
        provision(input(app, List.of(EAST, WEST)));
        AlarmDrill.Outcome drained = drill(app, WEST, AlarmChange.ALARM);
        assertDecision(drained, FailoverDecision.Action.DRAINED, FailoverDecision.SERVING, FailoverDecision.DRAINED);
        String westSwitch = drained.decision().switchId();
        Map<String, String> applied = switchTags(westSwitch);
        Instant alarmAt = Instant.from(AlarmDrill.STATE_TIME.parse(drained.event().at("/detail/state/timestamp")
                .asText()));

        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), WEST)) {
            AlarmDrill drill = new AlarmDrill(cloudWatch, FailoverIT::invokeFailover, Clock.systemUTC());
            JsonNode olderOk = drill.event(drained.alarm(), AlarmChange.OK, "late delivery", alarmAt.minusSeconds(60));

            FailoverDecision late = drill.send(olderOk);
            FailoverDecision again = drill.send(drained.event());

            assertEquals(FailoverDecision.Action.UNCHANGED.name(), late.action(), late.toString());
            assertEquals(FailoverDecision.DRAINED, late.after(), "CloudWatch's newer ALARM wins over a late OK");
            assertEquals(FailoverDecision.Action.UNCHANGED.name(), again.action(), again.toString());
        }
        assertTrue(config(westSwitch).inverted(), "the Region stays drained");
        assertEquals(applied, switchTags(westSwitch), "one change: the switch's tags still name the drain");
    }

    @Test
    void provision_afterDrain_leavesTheRegionDrained() {
        String app = "fo-keep";
        ObjectNode input = input(app, List.of(EAST, WEST));
        provision(input);
        AlarmDrill.Outcome drained = drill(app, WEST, AlarmChange.ALARM);
        assertDecision(drained, FailoverDecision.Action.DRAINED, FailoverDecision.SERVING, FailoverDecision.DRAINED);

        provision(input);

        Map<String, RegionHealthChecksResult> checks = new HealthCheckLookup(LOCAL.route53()).of(app);
        assertEquals(drained.decision().switchId(), checks.get(WEST).switchId(), "provisioning kept the switch");
        assertTrue(config(checks.get(WEST).switchId()).inverted(), "provisioning undid a drain");
        List<RoutingTable.Row> rows = new RoutingTable(LOCAL.route53()).of(app);
        assertTrue(row(rows, WEST).drained());
        assertEquals(List.of(EAST), RoutingTable.receiving(rows));
    }

    @Test
    void failover_appWithoutAlarmInRegion_tellsToListAlarmsAndProvision() {
        String app = "fo-none";
        ObjectNode input = input(app, List.of(EAST, WEST));
        ((ObjectNode) input.at("/regions/1")).remove("alarms");
        provision(input);

        CommandException e = assertThrows(CommandException.class, () -> drill(app, WEST, AlarmChange.ALARM));

        assertTrue(e.getMessage().contains("regions[].alarms") && e.getMessage().contains("provision again"),
                e.getMessage());
        assertThrows(CommandException.class, () -> new RoutingTable(LOCAL.route53()).of("no-such-app"));
    }

    // ---- helpers

    private static void provision(ObjectNode input) {
        TestApps.provision(LOCAL.session(), input);
    }

    private static ObjectNode input(String app, List<String> regions) {
        return TestApps.input(app, regions);
    }

    private static AlarmDrill.Outcome drill(String app, String region, String state) {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), region)) {
            return new AlarmDrill(cloudWatch, FailoverIT::invokeFailover, Clock.systemUTC()).run(app, state);
        }
    }

    private static Cloud.Invocation invokeFailover(byte[] event) {
        return LOCAL.session().invoke(LOCAL.session().arn(StackResource.FAILOVER_FUNCTION), event);
    }

    private static void assertDecision(AlarmDrill.Outcome outcome, FailoverDecision.Action action, String before,
            String after) {
        FailoverDecision decision = outcome.decision();
        assertEquals(action.name(), decision.action(), decision.toString());
        assertEquals(before, decision.before(), decision.toString());
        assertEquals(after, decision.after(), decision.toString());
        assertTrue(outcome.applied(), decision.toString());
    }

    /** events/provision.json for another app in another zone: its own API, alarms and names. */
    private static ObjectNode exampleFor(String app) throws IOException {
        String example = Files.readString(TestCloud.ROOT.resolve("events/provision.json"));
        return (ObjectNode) JSON.readTree(example.replace("shop", app).replace("example.com", app + ".example.net")
                .replace("a1b2c3d4e5", (app + "0000000000").substring(0, 10)));
    }

    private static Map<String, HealthCheckConfig> configs(Map<String, RegionHealthChecksResult> checks) {
        Map<String, HealthCheckConfig> configs = new HashMap<>();
        checks.values().forEach(region -> List.of(region.endpointId(), region.switchId(), region.gateId())
                .forEach(id -> configs.put(id, config(id))));
        return configs;
    }

    private static HealthCheckConfig config(String id) {
        return LOCAL.route53().getHealthCheck(r -> r.healthCheckId(id)).healthCheck().healthCheckConfig();
    }

    private static Map<String, String> switchTags(String id) {
        Map<String, String> tags = new HashMap<>();
        LOCAL.route53().listTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(id))
                .resourceTagSet().tags().forEach(t -> tags.put(t.key(), t.value()));
        return tags;
    }

    private static RoutingTable.Row row(List<RoutingTable.Row> rows, String region) {
        return rows.stream().filter(r -> r.region().equals(region)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + region + " in " + rows));
    }
}
