package io.activeedge.local.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.places.ClientLocations;
import io.activeedge.local.report.Route;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.CommandException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** The drill's steps against an application in memory that behaves, or misbehaves on purpose. */
class GameDayDrillTest {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final ClientLocations PLACES = ClientLocations.table();

    /** Two Regions that serve while their switch is not inverted; the failover function drains by alarm. */
    private static final class Shop implements GameDayDrill.Operations {
        final Map<String, Boolean> drained = new LinkedHashMap<>(Map.of("us-east-1", false, "us-west-2", false));
        final List<String> calls = new ArrayList<>();
        boolean provisioned;
        boolean ignoreAlarms;
        boolean teardownLeavesACheck;
        boolean routesStuck;
        List<Route> stuck;

        @Override
        public GameDayDrill.Execution provision(ObjectNode input) {
            calls.add("provision");
            provisioned = true;
            return new GameDayDrill.Execution(true, "SUCCEEDED in 5.0s");
        }

        @Override
        public GameDayDrill.Execution teardown(ObjectNode input) {
            calls.add("teardown");
            provisioned = false;
            return new GameDayDrill.Execution(true, "SUCCEEDED in 3.0s");
        }

        @Override
        public AlarmDrill.Outcome alarm(String app, String region, String state) {
            calls.add(state + " " + region);
            boolean drain = AlarmChange.ALARM.equals(state);
            String action = ignoreAlarms ? "IGNORED" : drain ? "DRAINED" : "RESTORED";
            if (!ignoreAlarms) {
                drained.put(region, drain);
            }
            FailoverDecision decision = new FailoverDecision(app + "-" + region + "-5xx", app, region, "switch",
                    "serving", drain ? "drained" : "serving", action, "alarm " + state);
            return new AlarmDrill.Outcome(new AlarmDrill.Alarm(app + "-" + region + "-5xx", "arn", region, "123456789012",
                    MetricAlarm.builder().build()), state, JSON.createObjectNode(), decision);
        }

        @Override
        public List<RoutingTable.Row> routing(String app) {
            calls.add("routing");
            return rows();
        }

        private List<RoutingTable.Row> rows() {
            return drained.entrySet().stream()
                    .map(e -> new RoutingTable.Row(e.getKey(), true, true, e.getValue(), null, null)).toList();
        }

        /** Route 53's answer by the distance model over the Regions that serve ({@code routesStuck}: the first one). */
        @Override
        public List<Route> routes(String app) {
            calls.add("routes");
            if (routesStuck && stuck != null) {
                return stuck;
            }
            List<String> regions = List.copyOf(drained.keySet());
            List<String> serving = drained.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
            Map<String, RoutingTable.Row> rows = new LinkedHashMap<>();
            rows().forEach(row -> rows.put(row.region(), row));
            List<Route> routes = PLACES.shownFor(regions).stream().map(location -> Route.of(location,
                    PLACES.nearest(location, regions), List.of(PLACES.nearest(location, serving.isEmpty() ? regions
                            : serving)), rows)).toList();
            stuck = stuck == null ? routes : stuck;
            return routes;
        }

        @Override
        public List<String> leftovers(String app, String zone, List<String> aliases, List<String> regions) {
            calls.add("leftovers");
            return teardownLeavesACheck ? List.of("health check 1234 (us-east-1 gate-check)") : List.of();
        }
    }

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private static ObjectNode input() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"app": "shop", "zone": "example.com", "aliases": ["example.com"],
                 "regions": [{"region": "us-east-1", "alarms": ["shop-us-east-1-5xx"]},
                             {"region": "us-west-2", "alarms": ["shop-us-west-2-5xx"]}]}""");
    }

    @Test
    void run_applicationThatFailsOverAndTearsDown_passesEveryEightSteps() throws Exception {
        Shop shop = new Shop();

        GameDayDrill.Report report = new GameDayDrill(shop, out).run(input(), null);

        assertThat(report.passed()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(report.steps()).extracting(GameDayDrill.Step::name).containsExactly(
                "provision shop", "every client location is served by its nearest Region",
                "drain us-east-1 (alarm to ALARM)",
                "only us-west-2 serve; clients near us-east-1 move to their next-closest Region",
                "recover us-east-1 (alarm to OK)",
                "all of us-east-1, us-west-2 serve; every client location is back on its nearest Region",
                "teardown shop", "nothing tagged for shop is left");
        assertThat(shop.calls).containsExactly("provision", "routes", "ALARM us-east-1", "routing", "routes",
                "OK us-east-1", "routing", "routes", "teardown", "leftovers");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("2/8 every client location is served by its nearest Region")
                .contains("Virginia, São Paulo, Frankfurt, Johannesburg → us-east-1; Oregon, Tokyo, Sydney → us-west-2")
                .contains("4/8 only us-west-2 serve")
                .contains("Route 53 answers with us-west-2; clients near us-east-1: Virginia → us-west-2, São Paulo →"
                        + " us-west-2, Frankfurt → us-west-2, Johannesburg → us-west-2; 3 other location(s) unchanged");
    }

    @Test
    void run_clientsThatDoNotMoveAfterADrain_failsThatStepNamingTheLocations() throws Exception {
        Shop shop = new Shop();
        shop.routesStuck = true;

        GameDayDrill.Report report = new GameDayDrill(shop, out).run(input(), "us-east-1");

        assertThat(report.failed()).singleElement().satisfies(step -> {
            assertThat(step.number()).isEqualTo(4);
            assertThat(step.detail()).contains("Virginia → us-east-1: lowest-latency healthy Region (expected"
                    + " us-west-2, the next-closest)");
        });
        assertThat(report.steps().get(6).outcome()).as("teardown still runs").isEqualTo(GameDayDrill.Outcome.PASSED);
    }

    @Test
    void run_failoverThatDoesNotDrain_failsNamingTheStepAndStillTearsDown() throws Exception {
        Shop shop = new Shop();
        shop.ignoreAlarms = true;

        GameDayDrill.Report report = new GameDayDrill(shop, out).run(input(), "us-east-1");

        assertThat(report.passed()).isFalse();
        assertThat(report.failed()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("drain us-east-1 (alarm to ALARM)");
            assertThat(step.detail()).contains("decided IGNORED").contains("expected DRAINED");
        });
        assertThat(report.steps()).extracting(GameDayDrill.Step::outcome).containsExactly(
                GameDayDrill.Outcome.PASSED, GameDayDrill.Outcome.PASSED, GameDayDrill.Outcome.FAILED,
                GameDayDrill.Outcome.SKIPPED, GameDayDrill.Outcome.SKIPPED, GameDayDrill.Outcome.SKIPPED,
                GameDayDrill.Outcome.PASSED, GameDayDrill.Outcome.PASSED);
        assertThat(shop.provisioned).as("the drill cleans up after a failure").isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL  3/8 drain us-east-1");
    }

    @Test
    void run_teardownThatLeavesAHealthCheck_failsTheLastStepListingIt() throws Exception {
        Shop shop = new Shop();
        shop.teardownLeavesACheck = true;

        GameDayDrill.Report report = new GameDayDrill(shop, out).run(input(), "us-west-2");

        assertThat(report.failed()).singleElement().satisfies(step -> {
            assertThat(step.number()).isEqualTo(8);
            assertThat(step.detail()).isEqualTo("1 left: health check 1234 (us-east-1 gate-check)");
        });
        assertThat(report.steps().get(3).name())
                .isEqualTo("only us-east-1 serve; clients near us-west-2 move to their next-closest Region");
    }

    @Test
    void run_inputWithoutAlarms_refusesBeforeProvisioning() throws Exception {
        Shop shop = new Shop();
        ObjectNode input = input();
        input.withArray("regions").forEach(r -> ((ObjectNode) r).remove("alarms"));

        assertThatThrownBy(() -> new GameDayDrill(shop, out).run(input, null))
                .isInstanceOf(CommandException.class).hasMessageContaining("regions[].alarms");
        assertThat(shop.calls).isEmpty();
    }

    @Test
    void regionToDrain_oneRegionOrAnUnknownOne_isRefusedNamingTheProblem() throws Exception {
        ObjectNode one = input();
        one.withArray("regions").remove(1);

        assertThatThrownBy(() -> GameDayDrill.regionToDrain(one, null)).hasMessageContaining("two or more");
        assertThatThrownBy(() -> GameDayDrill.regionToDrain(input(), "eu-west-1"))
                .hasMessageContaining("--region eu-west-1 is not a Region of the input (us-east-1, us-west-2)");
        assertThat(GameDayDrill.regionToDrain(input(), "us-west-2")).isEqualTo("us-west-2");
    }
}
