package io.activeedge.routing.healthchecks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Tags;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

class HealthChecksTest {
    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final HealthChecks healthChecks = new HealthChecks(route53);

    private static final AppSpec INPUT = ExampleApp.input(false);

    /** The step of run {@code runId} in {@code region}, its origin attached. */
    private RegionHealthChecksResult ensure(String region, String runId) {
        return healthChecks.ensure(INPUT, region, ExampleApp.run(runId), ExampleApp.target(region));
    }

    @Test
    void ensure_firstRun_createsEndpointSwitchAndGate() {
        RegionHealthChecksResult checks = ensure("us-east-1", "run-1");

        assertEquals(List.of(Tags.ROLE_ENDPOINT_CHECK, Tags.ROLE_SWITCH_CHECK, Tags.ROLE_GATE_CHECK), checks.created());
        assertEquals(3, route53.checks.size());
        HealthCheckConfig endpoint = route53.config(checks.endpointId());
        assertEquals(HealthCheckType.HTTPS, endpoint.type());
        assertEquals("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", endpoint.fullyQualifiedDomainName());
        assertEquals("/prod/health", endpoint.resourcePath());
        assertEquals(443, endpoint.port());
        assertEquals(10, endpoint.requestInterval());
        assertEquals(3, endpoint.failureThreshold());
        assertTrue(endpoint.enableSNI());
        HealthCheckConfig switchCheck = route53.config(checks.switchId());
        assertEquals(HealthCheckType.TCP, switchCheck.type());
        assertTrue(switchCheck.disabled(), "the switch never probes");
        assertEquals("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", switchCheck.fullyQualifiedDomainName());
        assertEquals(443, switchCheck.port());
        assertEquals(30, switchCheck.requestInterval());
        assertFalse(Boolean.TRUE.equals(switchCheck.inverted()));
    }

    @Test
    void ensure_firstRun_noCalculatedCheckMonitorsACalculatedCheck() {
        RegionHealthChecksResult checks = ensure("us-east-1", "run-1");

        for (String child : route53.config(checks.gateId()).childHealthChecks()) {
            assertNotEquals(HealthCheckType.CALCULATED, route53.config(child).type(), child);
        }
    }

    @Test
    void ensure_firstRun_gateChildrenAreEndpointAndSwitchWithThresholdTwo() {
        RegionHealthChecksResult checks = ensure("us-east-1", "run-1");

        HealthCheckConfig gate = route53.config(checks.gateId());
        assertEquals(HealthCheckType.CALCULATED, gate.type());
        assertEquals(Set.of(checks.endpointId(), checks.switchId()), Set.copyOf(gate.childHealthChecks()));
        assertEquals(2, gate.healthThreshold());
    }

    @Test
    void ensure_firstRun_tagsEveryCheckWithAppRegionRoleAndName() {
        RegionHealthChecksResult checks = ensure("us-east-1", "run-1");

        Map<String, String> endpointTags = route53.tags.get(checks.endpointId());
        assertTrue(Tags.matches(endpointTags, "shop", "us-east-1", Tags.ROLE_ENDPOINT_CHECK));
        assertEquals("shop us-east-1 endpoint", endpointTags.get("Name"));
        assertEquals("payments", endpointTags.get("team"));
        assertTrue(Tags.matches(route53.tags.get(checks.switchId()), "shop", "us-east-1", Tags.ROLE_SWITCH_CHECK));
        assertEquals("shop us-east-1 switch", route53.tags.get(checks.switchId()).get("Name"));
        assertTrue(Tags.matches(route53.tags.get(checks.gateId()), "shop", "us-east-1", Tags.ROLE_GATE_CHECK));
        assertEquals("shop us-east-1 gate", route53.tags.get(checks.gateId()).get("Name"));
    }

    @Test
    void ensure_secondRun_findsChecksByTagsAndCreatesNothing() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");

        RegionHealthChecksResult second = ensure("us-east-1", "run-2");

        assertEquals(List.of(), second.created());
        assertEquals(first.endpointId(), second.endpointId());
        assertEquals(first.switchId(), second.switchId());
        assertEquals(first.gateId(), second.gateId());
        assertEquals(3, route53.checks.size());
        assertTrue(route53.updates.isEmpty());
    }

    @Test
    void ensure_drainedSwitch_staysInvertedAndIsNotUpdated() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");
        route53.edit(first.switchId(), c -> c.inverted(true));

        RegionHealthChecksResult second = ensure("us-east-1", "run-2");

        assertEquals(first.switchId(), second.switchId());
        assertTrue(route53.config(first.switchId()).inverted());
        assertTrue(route53.updates.stream().noneMatch(u -> u.healthCheckId().equals(first.switchId())));
    }

    @Test
    void ensure_endpointPathDrifted_updatesPathWithCurrentVersion() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");
        route53.edit(first.endpointId(), c -> c.resourcePath("/old").failureThreshold(5));
        long version = route53.checks.get(first.endpointId()).healthCheckVersion();

        RegionHealthChecksResult second = ensure("us-east-1", "run-2");

        assertEquals(first.endpointId(), second.endpointId());
        assertEquals("/prod/health", route53.config(first.endpointId()).resourcePath());
        assertEquals(3, route53.config(first.endpointId()).failureThreshold());
        UpdateHealthCheckRequest update = route53.updates.get(0);
        assertEquals(version, update.healthCheckVersion());
        assertEquals(List.of(), second.created());
    }

    @Test
    void ensure_gateChildrenDrifted_restoresEndpointAndSwitchAsChildren() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");
        route53.edit(first.gateId(), c -> c.childHealthChecks(first.endpointId()).healthThreshold(1));

        ensure("us-east-1", "run-2");

        HealthCheckConfig gate = route53.config(first.gateId());
        assertEquals(Set.of(first.endpointId(), first.switchId()), Set.copyOf(gate.childHealthChecks()));
        assertEquals(2, gate.healthThreshold());
    }

    @Test
    void ensure_requestIntervalChanged_keepsTheCheckAndItsInterval() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");
        route53.edit(first.endpointId(), c -> c.requestInterval(30));

        RegionHealthChecksResult second = ensure("us-east-1", "run-2");

        assertEquals(first.endpointId(), second.endpointId());
        assertEquals(30, route53.config(first.endpointId()).requestInterval());
        assertTrue(route53.updates.isEmpty());
    }

    @Test
    void ensure_retryAfterCreateBeforeTagging_adoptsTheCheckItMade() {
        String made = route53.createHealthCheck(CreateHealthCheckRequest.builder()
                .callerReference(HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_ENDPOINT_CHECK, "run-1"))
                .healthCheckConfig(HealthChecks.endpointConfig(ExampleApp.target("us-east-1"), INPUT.healthCheck()))
                .build()).healthCheck().id();

        RegionHealthChecksResult checks = ensure("us-east-1", "run-1");

        assertEquals(made, checks.endpointId());
        assertEquals(3, route53.checks.size());
        assertTrue(Tags.matches(route53.tags.get(made), "shop", "us-east-1", Tags.ROLE_ENDPOINT_CHECK));
    }

    @Test
    void ensure_secondRegion_getsItsOwnChecks() {
        RegionHealthChecksResult east = ensure("us-east-1", "run-1");

        RegionHealthChecksResult west = ensure("us-west-2", "run-1");

        assertEquals(3, west.created().size());
        assertNotEquals(east.gateId(), west.gateId());
        assertEquals(6, route53.checks.size());
    }

    @Test
    void ensure_manyUntaggedChecksWithOurPrefix_readsTagsTenAtATimeAndIgnoresThem() {
        for (int i = 0; i < 12; i++) {
            route53.createHealthCheck(CreateHealthCheckRequest.builder()
                    .callerReference(HealthChecks.callerReferencePrefix("shop", "us-east-1") + "endpoint/orphan" + i)
                    .healthCheckConfig(c -> c.type(HealthCheckType.CALCULATED).healthThreshold(0)).build());
        }
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");

        RegionHealthChecksResult second = ensure("us-east-1", "run-2");

        assertEquals(3, first.created().size());
        assertEquals(List.of(), second.created());
        assertEquals(first.gateId(), second.gateId());
    }

    @Test
    void ensure_twoSwitchesTaggedForTheRegion_throwsResourceConflict() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");
        String copy = route53.createHealthCheck(CreateHealthCheckRequest.builder()
                .callerReference(HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_SWITCH_CHECK, "other"))
                .healthCheckConfig(HealthChecks.switchConfig(ExampleApp.target("us-east-1"), false)).build())
                .healthCheck().id();
        route53.tags.put(copy, Tags.of(null, "shop", "us-east-1", Tags.ROLE_SWITCH_CHECK));

        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> ensure("us-east-1", "run-2"));

        assertTrue(e.getMessage().contains(first.switchId()) && e.getMessage().contains(copy), e.getMessage());
    }

    @Test
    void ensure_switchEnabledBySomeone_isDisabledAgainAndKeepsItsState() {
        RegionHealthChecksResult first = ensure("us-east-1", "run-1");
        route53.edit(first.switchId(), c -> c.disabled(false).inverted(true));

        ensure("us-east-1", "run-2");

        assertTrue(route53.config(first.switchId()).disabled());
        assertTrue(route53.config(first.switchId()).inverted(), "still drained");
    }

    @Test
    void ensure_regionWithOldCalculatedSwitch_convertsKeepingItDrained() {
        String oldSwitch = provisionedTheOldWay("us-east-1", true);
        route53.tags.get(oldSwitch).put("active-edge:changed-at", "2026-01-01T00:00:00Z");

        RegionHealthChecksResult checks = ensure("us-east-1", "run-2");

        assertNotEquals(oldSwitch, checks.switchId());
        assertFalse(route53.checks.containsKey(oldSwitch), "the old calculated switch is deleted");
        HealthCheckConfig newSwitch = route53.config(checks.switchId());
        assertEquals(HealthCheckType.TCP, newSwitch.type());
        assertTrue(newSwitch.disabled());
        assertTrue(newSwitch.inverted(), "the Region stays drained");
        assertEquals("2026-01-01T00:00:00Z", route53.tags.get(checks.switchId()).get("active-edge:changed-at"));
        HealthCheckConfig gate = route53.config(checks.gateId());
        assertEquals(Set.of(checks.endpointId(), checks.switchId()), Set.copyOf(gate.childHealthChecks()));
        assertEquals(2, gate.healthThreshold());
        assertEquals(List.of(Tags.ROLE_SWITCH_CHECK), checks.created());
        assertEquals(3, route53.checks.size());
    }

    @Test
    void ensure_regionWithOldServingSwitch_convertsKeepingItServing() {
        String oldSwitch = provisionedTheOldWay("us-east-1", false);

        RegionHealthChecksResult checks = ensure("us-east-1", "run-2");

        assertFalse(route53.checks.containsKey(oldSwitch));
        assertFalse(Boolean.TRUE.equals(route53.config(checks.switchId()).inverted()));
    }

    @Test
    void ensure_conversionCutShortWhileGateStillMonitorsOldSwitch_takesOldSwitchState() {
        String oldSwitch = provisionedTheOldWay("us-east-1", false);
        String halfMade = route53.createHealthCheck(CreateHealthCheckRequest.builder()
                .callerReference(HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_SWITCH_CHECK, "run-2"))
                .healthCheckConfig(HealthChecks.switchConfig(ExampleApp.target("us-east-1"), false)).build())
                .healthCheck().id();
        route53.tags.put(halfMade, Tags.of(null, "shop", "us-east-1", Tags.ROLE_SWITCH_CHECK));
        route53.edit(oldSwitch, c -> c.inverted(true)); // the failover function drained the Region meanwhile

        RegionHealthChecksResult checks = ensure("us-east-1", "run-3");

        assertEquals(halfMade, checks.switchId());
        assertTrue(route53.config(halfMade).inverted(), "the drain applied to the old switch is kept");
        assertFalse(route53.checks.containsKey(oldSwitch));
        assertEquals(Set.of(checks.endpointId(), halfMade), Set.copyOf(route53.config(checks.gateId()).childHealthChecks()));
    }

    /**
     * A Region as earlier versions left it: a calculated switch with no children, and a gate over it. Route 53
     * refuses to create that gate (a calculated check cannot monitor one), so the fake is edited directly.
     */
    private String provisionedTheOldWay(String region, boolean drained) {
        RegionHealthChecksResult made = ensure(region, "run-1");
        String oldSwitch = route53.createHealthCheck(CreateHealthCheckRequest.builder()
                .callerReference(HealthChecks.callerReference("shop", region, Tags.ROLE_SWITCH_CHECK, "old"))
                .healthCheckConfig(c -> c.type(HealthCheckType.CALCULATED).healthThreshold(0).inverted(drained))
                .build()).healthCheck().id();
        route53.tags.put(oldSwitch, Tags.of(null, "shop", region, Tags.ROLE_SWITCH_CHECK));
        route53.edit(made.gateId(), c -> c.childHealthChecks(made.endpointId(), oldSwitch));
        route53.checks.remove(made.switchId());
        route53.tags.remove(made.switchId());
        route53.updates.clear();
        return oldSwitch;
    }

    @Test
    void carriedTags_areTheFailoverFunctionsSwitchTags() {
        assertEquals(Set.of(io.activeedge.failover.FailoverTags.CHANGED_AT, io.activeedge.failover.FailoverTags.CHANGED_BY),
                HealthChecks.CARRIED_TAGS);
    }

    @Test
    void callerReference_longAppName_fitsRoute53Limit() {
        String app = "a-very-long-application-name-that-goes-on-and-on";

        String reference = HealthChecks.callerReference(app, "ap-southeast-2", Tags.ROLE_ENDPOINT_CHECK, "run-1");

        assertTrue(reference.length() <= 64, reference);
        assertTrue(reference.startsWith(HealthChecks.callerReferencePrefix(app, "ap-southeast-2")));
    }

    @Test
    void callerReference_sameRun_isStable() {
        assertEquals(HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_GATE_CHECK, "run-1"),
                HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_GATE_CHECK, "run-1"));
        assertNotEquals(HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_GATE_CHECK, "run-1"),
                HealthChecks.callerReference("shop", "us-east-1", Tags.ROLE_GATE_CHECK, "run-2"));
    }
}
