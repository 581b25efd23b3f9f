package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import io.activeedge.core.Json;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.StandIns;
import io.activeedge.local.localcloud.Template;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.StackResource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;

/**
 * {@code ./active-edge ... --aws} run as a user runs it, in a process of its own, against the local cloud as if it
 * were an AWS account: the launcher's JVM gets no endpoint from this test but the standard variables
 * {@code AWS_ENDPOINT_URL} (moto) and {@code AWS_ENDPOINT_URL_LAMBDA} (the local Lambda endpoint), with dummy
 * credentials. What it changes is then read back from the emulator by this test.
 */
class AwsModeIT {
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    /** Where nothing listens: a client that ignored the service-specific variable would fail on it. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("aws-mode-it");

    @Test
    void stack_localCloud_carriesTheTemplatesOutputsWithLocalValues() {
        Map<String, String> outputs = outputs(StackResource.DEFAULT_STACK);

        assertEquals(List.copyOf(LOCAL.cloud().template().outputs().keySet()), List.copyOf(outputs.keySet()));
        assertEquals(LOCAL.cloud().stateMachineArn("ProvisionStateMachine"), outputs.get("ProvisionStateMachineArn"));
        assertEquals(Template.functionArn("FailoverFunction") + ":live", outputs.get("FailoverFunctionArn"));
        Map<String, String> machines = LOCAL.cloud().stateMachineArns();
        for (StackResource resource : StackResource.values()) {
            if (outputs.containsKey(resource.outputKey()) && machines.containsKey(resource.logicalId())) {
                assertEquals(machines.get(resource.logicalId()), outputs.get(resource.outputKey()), resource.name());
            }
        }
    }

    @Test
    void provision_awsStackAndRegion_runsTheStacksStateMachineAndSummarises() throws IOException {
        String app = "aws-stack";
        Path file = inputFile(app);

        Launcher.Result run = cli(Map.of("AWS_REGION", ""), "provision", file.toString(), "--aws", "--stack", "active-edge",
                "--region", EAST);

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.err().contains("aws: stack active-edge in us-east-1 (CREATE_COMPLETE)")
                || run.out().contains("aws: stack active-edge in us-east-1 (CREATE_COMPLETE)"), run.toString());
        assertTrue(run.out().contains("execution " + app + "-provision-"), run.toString());
        assertTrue(run.out().contains("ValidateInput") && run.out().contains("UpsertAliasRecords"), run.toString());
        assertTrue(run.out().contains("SUCCEEDED in"), run.toString());
        assertTrue(run.out().contains("  zone           " + app + ".example.net."), run.toString());
        assertFalse(run.out().contains("AWS API calls"), "calls are counted on the local cloud only: " + run);
        assertFalse(run.toString().contains("local cloud:"), "--aws must not use a local cloud: " + run);
        assertEquals(Set.of(EAST, WEST), Set.copyOf(new HealthCheckLookup(LOCAL.route53()).of(app).keySet()),
                "the run built the app in the emulator the variables point at");
    }

    @Test
    void provision_awsStateMachineArn_needsNeitherStackNorRegion() throws IOException {
        String app = "aws-arn";
        Path file = inputFile(app);

        Launcher.Result run = cli(Map.of("AWS_REGION", ""), "provision", file.toString(), "--aws", "--state-machine-arn",
                LOCAL.cloud().stateMachineArn("ProvisionStateMachine"));

        assertEquals(0, run.exit(), run.toString());
        assertFalse(run.toString().contains("aws: stack"), "no stack is read when the ARN is given: " + run);
        assertTrue(run.out().contains("SUCCEEDED in"), run.toString());
        assertEquals(2, new HealthCheckLookup(LOCAL.route53()).of(app).size());
    }

    @Test
    void failoverRecoverStatus_aws_drainAndRestoreTheRegionThroughTheStacksFunction() {
        String app = "aws-fo";
        TestApps.provision(LOCAL.session(), TestApps.input(app, List.of(EAST, WEST)));

        Launcher.Result drained = cli(Map.of(), "failover", "--app", app, "--region", WEST, "--aws");

        assertEquals(0, drained.exit(), drained.toString());
        assertTrue(drained.out().contains("sent to FailoverFunction (" + Template.functionArn("FailoverFunction")
                + ":live)"), drained.toString());
        assertTrue(drained.out().contains("decision  DRAINED us-west-2"), drained.toString());
        assertTrue(row(app, WEST).drained(), "the switch in the emulator is inverted");

        Launcher.Result status = cli(Map.of("AWS_ENDPOINT_URL", NOWHERE, "AWS_ENDPOINT_URL_ROUTE_53", LOCAL.cloud().endpoint(),
                "AWS_REGION", ""), "status", "--app", app, "--aws");

        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().contains("traffic to us-east-1"), status.toString());
        assertTrue(status.out().lines().anyMatch(line -> line.contains("Oregon")
                && line.contains("next-closest, because us-west-2 is drained")), status.toString());
        assertTrue(status.out().lines().anyMatch(line -> line.contains(WEST) && line.contains("drained since")),
                status.toString());

        String function = outputs(StackResource.DEFAULT_STACK).get("FailoverFunctionArn");
        Launcher.Result restored = cli(Map.of("AWS_REGION", ""), "recover", "--app", app, "--region", WEST, "--aws",
                "--function-arn", function);

        assertEquals(0, restored.exit(), restored.toString());
        assertTrue(restored.out().contains("decision  RESTORED us-west-2: drained"), restored.toString());
        assertFalse(row(app, WEST).drained(), "the switch in the emulator is set back");
        assertFalse(restored.toString().contains("local cloud:"), restored.toString());
    }

    @Test
    void holdRelease_aws_throughTheStacksFunction() {
        String app = "aws-hold";
        TestApps.provision(LOCAL.session(), TestApps.input(app, List.of(EAST, WEST)));

        Launcher.Result held = cli(Map.of(), "hold", "--app", app, "--region", EAST, "--reason", "patching", "--aws");

        assertEquals(0, held.exit(), held.toString());
        assertTrue(held.out().contains("decision  HELD us-east-1"), held.toString());
        assertTrue(held.out().contains("held by") && held.out().contains("patching"), held.toString());
        assertTrue(row(app, EAST).drained(), "the switch in the emulator is inverted");

        Launcher.Result refused = cli(Map.of(), "hold", "--app", app, "--region", WEST, "--aws");
        assertEquals(1, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("would leave no Region serving"), refused.toString());

        Launcher.Result released = cli(Map.of(), "release", "--app", app, "--region", EAST, "--aws");

        assertEquals(0, released.exit(), released.toString());
        assertTrue(released.out().contains("decision  RELEASED us-east-1"), released.toString());
        assertFalse(row(app, EAST).drained(), "the switch in the emulator is set back");
        assertFalse(released.toString().contains("local cloud:"), released.toString());
    }

    @Test
    void teardown_awsStack_removesTheAppThroughTheStacksStateMachine() throws IOException {
        String app = "aws-gone";
        Path file = inputFile(app);
        TestApps.provision(LOCAL.session(), TestApps.input(app, List.of(EAST, WEST)));

        Launcher.Result run = cli(Map.of(), "teardown", file.toString(), "--aws", "--stack", "active-edge");

        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("execution " + app + "-teardown-"), run.toString());
        assertTrue(run.out().contains("DeleteCertificates") && run.out().contains("SUCCEEDED in"), run.toString());
        assertTrue(run.out().contains("nothing tagged for app " + app + " is left"), run.toString());
        assertTrue(new HealthCheckLookup(LOCAL.route53()).of(app).isEmpty(), "the emulator has none of its checks");
    }

    @Test
    void errors_unknownStackMissingOutputNoRegionNoCredentials_oneLineEachAndExit1() throws IOException {
        Path file = inputFile("aws-errors");
        createStack("old-active-edge", Map.of("FailoverFunctionArn", Template.functionArn("FailoverFunction")));

        assertOneLineError(cli(Map.of(), "provision", file.toString(), "--aws", "--stack", "no-such-stack",
                "--region", EAST), "active-edge: no stack no-such-stack in us-east-1: deploy it with sam deploy"
                + " --stack-name no-such-stack --region us-east-1");
        assertOneLineError(cli(Map.of(), "teardown", file.toString(), "--aws", "--stack", "old-active-edge"),
                "active-edge: stack old-active-edge in us-east-1 has no output TeardownStateMachineArn: deploy the"
                        + " current template");
        assertOneLineError(cli(Map.of(), "provision", file.toString(), "--aws", "--stack", "old-active-edge"),
                "active-edge: stack old-active-edge in us-east-1 has no output ProvisionStateMachineArn");
        assertOneLineError(cli(Map.of("AWS_REGION", ""), "provision", file.toString(), "--aws"),
                "active-edge: no AWS Region for the stack: pass --region R");
        assertOneLineError(cli(Map.of("AWS_REGION", ""), "failover", "--app", "x", "--region", WEST, "--aws"),
                "active-edge: no AWS Region for the stack: pass --stack-region R");
        assertOneLineError(cli(Map.of("AWS_ACCESS_KEY_ID", "", "AWS_SECRET_ACCESS_KEY", ""), "provision",
                file.toString(), "--aws", "--region", EAST), "active-edge: no AWS credentials found");
    }

    // ---- the command line in a process of its own

    /**
     * Runs {@code ./active-edge args} with the local cloud's endpoints in the standard variables, dummy credentials,
     * us-east-1, and no AWS setting of this machine; {@code env} changes that (an empty value removes a variable).
     */
    private static Launcher.Result cli(Map<String, String> env, String... args) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ENDPOINT_URL", LOCAL.cloud().endpoint());
        variables.put("AWS_ENDPOINT_URL_LAMBDA", LOCAL.cloud().lambdaEndpoint());
        variables.put("AWS_ACCESS_KEY_ID", "test");
        variables.put("AWS_SECRET_ACCESS_KEY", "test");
        variables.put("AWS_REGION", EAST);
        variables.put("AWS_CONFIG_FILE", LOCAL.logs().resolve("no-aws-config").toString());
        variables.put("AWS_SHARED_CREDENTIALS_FILE", LOCAL.logs().resolve("no-aws-credentials").toString());
        variables.put("AWS_EC2_METADATA_DISABLED", "true");
        variables.putAll(env);
        return Launcher.run(LOCAL.logs(), variables, COMMAND_TIMEOUT, args);
    }

    private static void assertOneLineError(Launcher.Result run, String startsWith) {
        assertEquals(1, run.exit(), run.toString());
        List<String> lines = run.err().lines().filter(line -> !line.startsWith("aws: ")).toList();
        assertEquals(1, lines.size(), "one line, no stack trace: " + run);
        assertTrue(lines.getFirst().startsWith(startsWith), run.toString());
    }

    // ---- the emulator's side

    /**
     * An input file for {@code app} with short polls (a user's own choice; --aws adds none), and the stand-ins its
     * APIs and alarms need, as a user's account would already have them.
     */
    private static Path inputFile(String app) throws IOException {
        ObjectNode input = TestApps.input(app, List.of(EAST, WEST));
        input.putObject("timing").put("certificatePollSeconds", 1).put("certificateTimeoutMinutes", 5)
                .put("distributionPollSeconds", 1).put("distributionTimeoutMinutes", 5);
        new StandIns(LOCAL.cloud().endpoint(), System.out).ensure(input);
        Path file = LOCAL.logs().resolve(app + ".json");
        JSON.writeValue(file.toFile(), input);
        return file;
    }

    private static Map<String, String> outputs(String stack) {
        try (CloudFormationClient cloudFormation = LocalClients.cloudFormation(LOCAL.cloud().endpoint())) {
            Map<String, String> outputs = new LinkedHashMap<>();
            for (Output output : cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().getFirst().outputs()) {
                outputs.put(output.outputKey(), output.outputValue());
            }
            return outputs;
        }
    }

    /** A stack of an older template: only the given outputs. */
    private static void createStack(String name, Map<String, String> outputs) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("Resources").putObject("Old").put("Type", "AWS::CloudFormation::WaitConditionHandle");
        ObjectNode values = body.putObject("Outputs");
        outputs.forEach((key, value) -> values.putObject(key).put("Value", value));
        try (CloudFormationClient cloudFormation = LocalClients.cloudFormation(LOCAL.cloud().endpoint())) {
            cloudFormation.createStack(r -> r.stackName(name).templateBody(body.toString()));
        }
    }

    private static RoutingTable.Row row(String app, String region) {
        Map<String, RoutingTable.Row> rows = new HashMap<>();
        new RoutingTable(LOCAL.route53()).of(app).forEach(row -> rows.put(row.region(), row));
        return rows.get(region);
    }
}
