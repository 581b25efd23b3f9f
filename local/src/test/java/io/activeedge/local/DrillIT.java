package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.failover.AlarmChange;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.local.drill.GameDayDrill;
import io.activeedge.local.drill.LocalOperations;
import io.activeedge.local.report.Route;
import io.activeedge.local.report.RoutingTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The game-day drill on the local cloud: the real command passes, and a broken expectation fails by name. */
class DrillIT {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("drill-it");

    @Test
    void drill_launcherOnTheExample_passesEveryStepAndExits0() {
        Path dir = LOCAL.logs().resolve("launcher");

        Launcher.Result run = Launcher.run(dir, Map.of(), Duration.ofMinutes(5), "drill",
                TestCloud.ROOT.resolve("events/provision.json").toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("1/8 provision shop", "2/8 every client location is served by its nearest Region",
                "3/8 drain us-east-1 (alarm to ALARM)",
                "4/8 only us-west-2 serve; clients near us-east-1 move to their next-closest Region",
                "clients near us-east-1: Virginia", "5/8 recover us-east-1 (alarm to OK)",
                "6/8 all of us-east-1, us-west-2 serve; every client location is back on its nearest Region",
                "7/8 teardown shop", "8/8 nothing tagged for shop is left", "drill passed");
        assertThat(run.out()).doesNotContain("FAIL");
    }

    @Test
    void drill_alarmWiredToTheWrongState_failsNamingTheDrainStepAndStillTearsDown() throws IOException {
        ObjectNode input = (ObjectNode) JSON.readTree(TestCloud.ROOT.resolve("events/provision.json").toFile());
        input.put("app", "broken");
        GameDayDrill.Operations real = new LocalOperations(LOCAL.session(), TIMEOUT, "test input");
        GameDayDrill.Operations broken = new GameDayDrill.Operations() {
            @Override
            public GameDayDrill.Execution provision(ObjectNode in) {
                return real.provision(in);
            }

            @Override
            public GameDayDrill.Execution teardown(ObjectNode in) {
                return real.teardown(in);
            }

            /** Broken on purpose: every alarm goes to OK, so nothing is ever drained. */
            @Override
            public AlarmDrill.Outcome alarm(String app, String region, String state) {
                return real.alarm(app, region, AlarmChange.OK);
            }

            @Override
            public List<RoutingTable.Row> routing(String app) {
                return real.routing(app);
            }

            @Override
            public List<Route> routes(String app) {
                return real.routes(app);
            }

            @Override
            public List<String> leftovers(String app, String zone, List<String> aliases, List<String> regions) {
                return real.leftovers(app, zone, aliases, regions);
            }
        };
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        GameDayDrill.Report report = new GameDayDrill(broken,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(input, "us-east-1");

        assertThat(report.passed()).isFalse();
        assertThat(report.failed()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("drain us-east-1 (alarm to ALARM)");
            assertThat(step.detail()).contains("expected DRAINED");
        });
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("FAIL  3/8 drain us-east-1 (alarm to ALARM)");
        assertThat(report.steps().get(1).outcome()).as("clients were on their nearest Region")
                .isEqualTo(GameDayDrill.Outcome.PASSED);
        assertThat(report.steps().get(6).outcome()).as("teardown ran after the failure")
                .isEqualTo(GameDayDrill.Outcome.PASSED);
        assertThat(report.steps().get(7).outcome()).isEqualTo(GameDayDrill.Outcome.PASSED);
        assertThat(real.leftovers("broken", "example.com", List.of("example.com", "www.example.com"),
                List.of("us-east-1", "us-west-2"))).isEmpty();
    }
}
