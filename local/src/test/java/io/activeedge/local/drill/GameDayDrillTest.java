package io.activeedge.local.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
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

    /** Two Regions that serve while their switch is not inverted; the failover function drains by alarm. */
    private static final class Shop implements GameDayDrill.Operations {
        final Map<String, Boolean> drained = new LinkedHashMap<>(Map.of("us-east-1", false, "us-west-2", false));
        final List<String> calls = new ArrayList<>();
        boolean provisioned;
        boolean ignoreAlarms;
        boolean teardownLeavesACheck;

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
            return drained.entrySet().stream()
                    .map(e -> new RoutingTable.Row(e.getKey(), true, true, e.getValue(), null, null)).toList();
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
    void run_applicationThatFailsOverAndTearsDown_passesEverySevenSteps() throws Exception {
        Shop shop = new Shop();

        GameDayDrill.Report report = new GameDayDrill(shop, out).run(input(), null);

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).extracting(GameDayDrill.Step::name).containsExactly(
                "provision shop", "drain us-east-1 (alarm to ALARM)", "only us-west-2 serve",
                "recover us-east-1 (alarm to OK)", "all of us-east-1, us-west-2 serve", "teardown shop",
                "nothing tagged for shop is left");
        assertThat(shop.calls).containsExactly("provision", "ALARM us-east-1", "routing", "OK us-east-1", "routing",
                "teardown", "leftovers");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3/7 only us-west-2 serve")
                .contains("Route 53 answers with us-west-2");
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
                GameDayDrill.Outcome.PASSED, GameDayDrill.Outcome.FAILED, GameDayDrill.Outcome.SKIPPED,
                GameDayDrill.Outcome.SKIPPED, GameDayDrill.Outcome.SKIPPED, GameDayDrill.Outcome.PASSED,
                GameDayDrill.Outcome.PASSED);
        assertThat(shop.provisioned).as("the drill cleans up after a failure").isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL  2/7 drain us-east-1");
    }

    @Test
    void run_teardownThatLeavesAHealthCheck_failsTheLastStepListingIt() throws Exception {
        Shop shop = new Shop();
        shop.teardownLeavesACheck = true;

        GameDayDrill.Report report = new GameDayDrill(shop, out).run(input(), "us-west-2");

        assertThat(report.failed()).singleElement().satisfies(step -> {
            assertThat(step.number()).isEqualTo(7);
            assertThat(step.detail()).isEqualTo("1 left: health check 1234 (us-east-1 gate-check)");
        });
        assertThat(report.steps().get(2).name()).isEqualTo("only us-east-1 serve");
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
