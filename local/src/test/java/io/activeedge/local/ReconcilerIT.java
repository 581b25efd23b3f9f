package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.failover.FailoverResult;
import io.activeedge.local.cli.ActiveEdge;
import io.activeedge.local.cli.command.Console;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.LocalState;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Failover as a reconciler, on the local cloud: alarms' states are set in the emulator, and events reach the failover
 * function as a user sends them, with {@code ./active-edge invoke FailoverFunction -e FILE} (the CLI's own command,
 * run in this JVM against the test's local cloud). Each test ends with the switches the current alarm states and
 * holds call for.
 */
class ReconcilerIT {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    private static final String EU = "eu-west-1";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("reconciler-it");

    private static Path root;

    /** A folder whose .active-edge/local.json names the test's cloud, as `./active-edge up` would write it. */
    @BeforeAll
    static void aCliRoot() throws IOException {
        root = LOCAL.logs().resolve("cli-root");
        Files.createDirectories(root);
        LocalState.of(LOCAL.cloud()).write(root);
    }

    // ---- the sequences

    /** 1: a newer OK of one alarm does not hide an older ALARM of another alarm of the Region. */
    @Test
    void newerOkOfAnotherAlarm_regionStaysDrained() throws IOException {
        String app = "rc-one";
        provision(app, List.of(EAST, WEST), Map.of(EAST, List.of(app + "-latency")));
        setState(EAST, app + "-" + EAST + "-5xx", AlarmChange.ALARM);
        Instant ok = setState(EAST, app + "-latency", AlarmChange.OK);

        FailoverResult result = invoke(event(EAST, app + "-latency", AlarmChange.OK, ok));

        assertEquals(FailoverDecision.DRAINED, decision(result, EAST).after(), result.toString());
        assertEquals(Map.of(EAST, true, WEST, false), switches(app));
    }

    /** 2: a late OK does not restore a Region whose alarm is in ALARM now. */
    @Test
    void lateOk_doesNotRestoreWhileTheAlarmFires() throws IOException {
        String app = "rc-two";
        provision(app, List.of(EAST, WEST), Map.of());
        String alarm = app + "-" + EAST + "-5xx";
        Instant firing = setState(EAST, alarm, AlarmChange.ALARM);
        invoke(event(EAST, alarm, AlarmChange.ALARM, firing));

        FailoverResult late = invoke(event(EAST, alarm, AlarmChange.OK, firing.minusSeconds(120)));

        assertEquals(FailoverDecision.DRAINED, decision(late, EAST).after());
        assertEquals(Map.of(EAST, true, WEST, false), switches(app));
    }

    /** 5: a drain refused as the last serving Region happens at the next scheduled run once another serves. */
    @Test
    void refusedDrain_happensAtTheScheduledRunOnceAnotherRegionServes() throws IOException {
        String app = "rc-five";
        provision(app, List.of(EAST, WEST), Map.of());
        Instant eastAt = setState(EAST, app + "-" + EAST + "-5xx", AlarmChange.ALARM);
        invoke(event(EAST, app + "-" + EAST + "-5xx", AlarmChange.ALARM, eastAt));
        Instant westAt = setState(WEST, app + "-" + WEST + "-5xx", AlarmChange.ALARM);

        FailoverResult refused = invoke(event(WEST, app + "-" + WEST + "-5xx", AlarmChange.ALARM, westAt));
        assertEquals(FailoverDecision.Action.REFUSED.name(), decision(refused, WEST).action());

        setState(EAST, app + "-" + EAST + "-5xx", AlarmChange.OK);
        FailoverResult run = invoke(scheduled());

        assertEquals(FailoverDecision.Action.RESTORED.name(), decision(run, app, EAST).action(), run.toString());
        assertEquals(FailoverDecision.Action.DRAINED.name(), decision(run, app, WEST).action(), run.toString());
        assertEquals(Map.of(EAST, false, WEST, true), switches(app));
    }

    /**
     * 6: a hold survives an OK event, a scheduled run and a re-provision; release restores the Region. With the four
     * user tags the input may give, the switch and the gate stay within Route 53's ten tags.
     */
    @Test
    void hold_survivesOkScheduledRunAndProvisioning_releaseRestores() throws IOException {
        String app = "rc-six";
        ObjectNode input = TestApps.input(app, List.of(EAST, WEST));
        input.putObject("tags").put("team", "payments").put("cost-center", "42").put("env", "prod")
                .put("owner", "alice");
        TestApps.provision(LOCAL.session(), input);
        Cli held = cli("hold", "--app", app, "--region", EAST, "--reason", "patching the database");
        assertEquals(0, held.exit(), held.toString());
        assertTrue(held.out().contains("HELD"), held.out());

        Instant ok = setState(EAST, app + "-" + EAST + "-5xx", AlarmChange.OK);
        invoke(event(EAST, app + "-" + EAST + "-5xx", AlarmChange.OK, ok));
        invoke(scheduled());
        TestApps.provision(LOCAL.session(), input);
        assertEquals(Map.of(EAST, true, WEST, false), switches(app));
        Cli status = cli("status", "--app", app);
        assertTrue(status.out().contains("held by") && status.out().contains("patching the database"), status.out());

        Cli last = cli("hold", "--app", app, "--region", WEST);
        assertEquals(1, last.exit(), "holding the last serving Region is refused: " + last);
        assertEquals(Map.of(EAST, true, WEST, false), switches(app));

        Cli released = cli("release", "--app", app, "--region", EAST);
        assertEquals(0, released.exit(), released.toString());
        assertEquals(Map.of(EAST, false, WEST, false), switches(app));
    }

    /** 7: an alarm whose tags are removed stops acting within a minute, with the function's container warm. */
    @Test
    void alarmUnmarked_stopsActingWithinAMinute() throws IOException, InterruptedException {
        String app = "rc-seven";
        provision(app, List.of(EAST, WEST), Map.of());
        String alarm = app + "-" + EAST + "-5xx";
        invoke(scheduled());
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), EAST)) {
            String arn = find(cloudWatch, alarm).alarmArn();
            cloudWatch.untagResource(r -> r.resourceARN(arn).tagKeys(Tags.APP, Tags.REGION));
        }
        Instant firing = setState(EAST, alarm, AlarmChange.ALARM);
        Thread.sleep(Duration.ofSeconds(51));

        FailoverResult result = invoke(event(EAST, alarm, AlarmChange.ALARM, firing));

        assertEquals(FailoverDecision.Action.IGNORED.name(), result.decisions().get(0).action(), result.toString());
        assertEquals(Map.of(EAST, false, WEST, false), switches(app));
    }

    /** The same events in two orders end in the same switches. */
    @Test
    void sameEventsInTwoOrders_endInTheSameSwitches() throws IOException {
        List<Map<String, Boolean>> ends = new ArrayList<>();
        for (String app : List.of("rc-order-a", "rc-order-b")) {
            provision(app, List.of(EAST, WEST, EU), Map.of());
            List<Path> events = new ArrayList<>();
            events.add(event(EU, app + "-" + EU + "-5xx", AlarmChange.ALARM, setState(EU, app + "-" + EU + "-5xx",
                    AlarmChange.ALARM)));
            Instant westFiring = setState(WEST, app + "-" + WEST + "-5xx", AlarmChange.ALARM);
            events.add(event(WEST, app + "-" + WEST + "-5xx", AlarmChange.ALARM, westFiring));
            events.add(event(WEST, app + "-" + WEST + "-5xx", AlarmChange.OK, westFiring.minusSeconds(300)));
            events.add(event(EAST, app + "-" + EAST + "-5xx", AlarmChange.OK, setState(EAST,
                    app + "-" + EAST + "-5xx", AlarmChange.OK)));
            if (app.endsWith("b")) {
                java.util.Collections.reverse(events);
                events.add(events.get(1));
            }
            for (Path event : events) {
                invoke(event);
            }
            ends.add(switches(app));
        }
        assertEquals(ends.get(0), ends.get(1));
        assertEquals(Map.of(EAST, false, WEST, true, EU, true), ends.get(0));
    }

    /** A scheduled event converges switches whose alarms changed with no event delivered. */
    @Test
    void scheduledEvent_convergesWithoutAlarmEvents() throws IOException {
        String app = "rc-sched";
        provision(app, List.of(EAST, WEST), Map.of());
        setState(WEST, app + "-" + WEST + "-5xx", AlarmChange.ALARM);

        FailoverResult run = invoke(scheduled());

        assertEquals(FailoverDecision.Action.DRAINED.name(), decision(run, app, WEST).action(), run.toString());
        assertEquals(Map.of(EAST, false, WEST, true), switches(app));
        assertEquals(List.of(EAST), RoutingTable.receiving(new RoutingTable(LOCAL.route53()).of(app)));
    }

    // ---- helpers

    private static ObjectNode provision(String app, List<String> regions, Map<String, List<String>> moreAlarms) {
        ObjectNode input = TestApps.input(app, regions);
        for (JsonNode region : input.get("regions")) {
            moreAlarms.getOrDefault(region.get("region").asText(), List.of())
                    .forEach(alarm -> ((com.fasterxml.jackson.databind.node.ArrayNode) region.get("alarms")).add(alarm));
        }
        TestApps.provision(LOCAL.session(), input);
        return input;
    }

    private static MetricAlarm find(CloudWatchClient cloudWatch, String name) {
        return cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }

    /** Sets the alarm's state in the emulator; returns when it entered it. */
    private static Instant setState(String region, String alarm, String state) {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), region)) {
            cloudWatch.setAlarmState(r -> r.alarmName(alarm).stateValue(state).stateReason("set by the test"));
            return find(cloudWatch, alarm).stateUpdatedTimestamp();
        }
    }

    /** The EventBridge event of {@code alarm} entering {@code state} at {@code at}, in a file. */
    private static Path event(String region, String alarm, String state, Instant at) throws IOException {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), region)) {
            MetricAlarm found = find(cloudWatch, alarm);
            String account = found.alarmArn().split(":")[4];
            AlarmDrill drill = new AlarmDrill(cloudWatch, e -> null, Clock.systemUTC());
            JsonNode event = drill.event(new AlarmDrill.Alarm(alarm, found.alarmArn(), region, account, found), state,
                    "test", at);
            Path file = Files.createTempFile(root, "event-", ".json");
            Files.writeString(file, event.toString());
            return file;
        }
    }

    private static Path scheduled() throws IOException {
        Path file = Files.createTempFile(root, "scheduled-", ".json");
        Files.writeString(file, """
                {"version": "0", "id": "1", "detail-type": "Scheduled Event", "source": "aws.events",
                 "account": "123456789012", "time": "%s", "region": "us-east-1", "resources": [], "detail": {}}
                """.formatted(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        return file;
    }

    private record Cli(int exit, String out, String err) {
    }

    private static Cli cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ActiveEdge.run(new Console(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        Cli cli = new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println(String.join(" ", args) + " -> " + cli);
        return cli;
    }

    /** {@code ./active-edge invoke FailoverFunction -e FILE}: the function's answer. */
    private static FailoverResult invoke(Path event) throws IOException {
        Cli cli = cli("invoke", "FailoverFunction", "-e", event.toString());
        assertEquals(0, cli.exit(), cli.toString());
        String json = cli.out().substring(cli.out().indexOf('{'));
        return Json.MAPPER.readValue(json, FailoverResult.class);
    }

    private static FailoverDecision decision(FailoverResult result, String region) {
        return result.decisions().stream().filter(d -> region.equals(d.region())).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + region + ": " + result));
    }

    private static FailoverDecision decision(FailoverResult result, String app, String region) {
        return result.decisions().stream().filter(d -> app.equals(d.app()) && region.equals(d.region())).findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + app + " " + region + ": " + result));
    }

    /** Each Region's switch: drained (inverted) or not. */
    private static Map<String, Boolean> switches(String app) {
        Map<String, Boolean> drained = new LinkedHashMap<>();
        new HealthCheckLookup(LOCAL.route53()).of(app).forEach((region, ids) -> drained.put(region,
                Boolean.TRUE.equals(LOCAL.route53().getHealthCheck(r -> r.healthCheckId(ids.switchId()))
                        .healthCheck().healthCheckConfig().inverted())));
        assertFalse(drained.isEmpty());
        return drained;
    }
}
