package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.provisioning.WorkflowState;
import io.activeedge.local.target.WorkflowRun;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.LocalSession;
import io.activeedge.local.target.Glyphs;
import io.activeedge.local.report.TeardownSummary;
import io.activeedge.local.report.TeardownOutput;
import io.activeedge.local.report.ProvisionSummary;
import io.activeedge.local.localcloud.EmulatorControl;
import io.activeedge.local.localcloud.CloudOptions;
import io.activeedge.local.localcloud.LocalCloud;
import io.activeedge.local.localcloud.ApiCallCounter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Provisioning and teardown on a local cloud that fails {@value #RATE} of the functions' AWS calls as AWS fails
 * calls under load (throttling, PriorRequestNotComplete, HTTP 500 and 503, and writes that fail after they took
 * effect), for three fixed seeds. Every run must succeed, the second provisioning must create nothing, the
 * teardown must leave nothing tagged for the app, and another app in the same zone must stay as it was.
 */
class FaultsIT {
    private static final double RATE = 0.15;
    private static final long FIRST_SEED = 11;
    private static final String ZONE = "faults.example.org";
    private static final List<String> REGIONS = List.of("us-east-1", "us-west-2");
    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    private static LocalCloud cloud;
    private static LocalSession session;
    private static EmulatorControl control;
    private static ObjectNode neighbour;
    private static List<String> neighbourBefore;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(TestCloud.ROOT, 0, Path.of("target", "faults-it").toAbsolutePath(), System.out,
                CloudOptions.DEFAULT.withFaults(RATE, FIRST_SEED));
        session = LocalSession.on(cloud);
        control = new EmulatorControl(cloud.endpoint());
        // The neighbour is provisioned without faults: what the faulty runs must leave alone.
        control.setFaults(0, 0);
        neighbour = app("steady");
        TestApps.provision(session, neighbour);
        neighbourBefore = leftovers(neighbour);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {FIRST_SEED, 23, 37})
    void provisionTwiceAndTeardown_fifteenPercentFaults_succeedCreateNothingTwiceAndLeaveNothing(long seed) {
        ObjectNode input = app("flaky" + seed);
        control.setFaults(RATE, seed);

        WorkflowRun.Result first = run(Workflow.PROVISION, input);
        List<String> provisioned = leftovers(input);
        WorkflowRun.Result second = run(Workflow.PROVISION, input);
        List<String> afterSecond = leftovers(input);
        WorkflowRun.Result teardown = run(Workflow.TEARDOWN, input);
        JsonNode faults = control.faults();
        control.setFaults(0, 0);

        assertThat(first.succeeded()).as("first provisioning: " + first.error() + ": " + first.cause()).isTrue();
        assertThat(second.succeeded()).as("second provisioning: " + second.error() + ": " + second.cause()).isTrue();
        assertThat(teardown.succeeded()).as("teardown: " + teardown.error() + ": " + teardown.cause()).isTrue();
        assertThat(faults.path("total").asInt()).as("faults injected: " + faults).isGreaterThan(10);
        assertThat(first.calls()).as("retried calls counted").containsKey(ApiCallCounter.RETRIED);

        assertThat(afterSecond).as("the second provisioning created or removed nothing").isEqualTo(provisioned);
        JsonNode out = second.output();
        out.at("/certificates/items").forEach(c -> assertThat(c.path("created").asBoolean()).as(c.toString()).isFalse());
        out.path("regions").forEach(r -> assertThat(r.at("/healthChecks/created")).as(r.toString()).isEmpty());
        out.path("regions").forEach(r -> assertThat(r.at("/record/action").asText()).isEqualTo("UNCHANGED"));
        assertThat(out.at("/distribution/action").asText()).isEqualTo("UNCHANGED");

        assertThat(leftovers(input)).as("nothing tagged for " + input.path("app").asText() + " is left").isEmpty();
        assertThat(leftovers(neighbour)).as("the other app in the zone").isEqualTo(neighbourBefore);
    }

    /** An app of its own in the shared zone: its own alias and origin name, the zone's two Regions. */
    private static ObjectNode app(String name) {
        ObjectNode input = TestApps.input(name, ZONE, REGIONS);
        input.putArray("aliases").add(name + "." + ZONE);
        input.put("originDomain", "origin-" + name + "." + ZONE);
        return input;
    }

    private static WorkflowRun.Result run(Workflow workflow, ObjectNode input) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            WorkflowRun.Result result = new WorkflowRun(session, out).run(workflow, input, "test input", TIMEOUT);
            System.out.print(progress.toString(StandardCharsets.UTF_8));
            System.out.println(workflow == Workflow.PROVISION
                    ? ProvisionSummary.format(result.output(WorkflowState.class), result.calls(), Glyphs.of(System.out))
                    : TeardownSummary.format(result.output(TeardownOutput.class), result.calls()));
            return result;
        }
    }

    private static List<String> leftovers(ObjectNode input) {
        return TestApps.leftovers(session, input);
    }
}
