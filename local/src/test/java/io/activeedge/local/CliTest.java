package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.StackResource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path root, String... args) {
        return new Cli(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void run_unknownCommand_printsUsageAndExits2(@TempDir Path root) {
        assertEquals(2, run(root, "deploy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command: deploy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./active-edge"));
    }

    @Test
    void run_noCommand_printsUsageAndExits2(@TempDir Path root) {
        assertEquals(2, run(root));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./active-edge"));
    }

    @Test
    void run_help_printsUsageAndExits0(@TempDir Path root) {
        assertEquals(0, run(root, "help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("provision [FILE]"));
    }

    @Test
    void run_invokeWithoutFunction_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "invoke"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("invoke needs a function"));
    }

    @Test
    void run_failoverWithoutRegion_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "failover", "--app", "shop"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --region"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_statusWithoutApp_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "status"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --app"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_provisionMissingInput_saysWhichFile(@TempDir Path root) {
        assertEquals(1, run(root, "provision"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no input file " + root.resolve("events/provision.json")),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_drillWithAws_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "drill", "--aws"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("drill runs on the local cloud only"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_drillInputWithoutAlarms_refusesBeforeStartingACloud(@TempDir Path root) throws Exception {
        Path input = root.resolve("app.json");
        Files.writeString(input, """
                {"app": "shop", "zone": "example.com",
                 "regions": [{"region": "us-east-1"}, {"region": "us-west-2"}]}""");

        assertEquals(1, run(root, "drill", input.toString(), "--region", "us-west-2"));

        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("us-west-2 lists none") && message.contains("regions[].alarms"), message);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("local cloud:"), "no cloud was started");
    }

    @Test
    void run_help_listsTeardownAndTheAwsOptions(@TempDir Path root) {
        assertEquals(0, run(root, "help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("teardown [FILE] [--timeout M]"), usage);
        assertTrue(usage.contains("--aws [--stack NAME] [--region R]"), usage);
        assertTrue(usage.contains("--state-machine-arn ARN") && usage.contains("--function-arn ARN"), usage);
    }

    @Test
    void awsSettings_withoutAws_isNullAndLeavesOtherArguments() {
        List<String> args = new ArrayList<>(List.of("events/provision.json", "--timeout", "3"));

        assertNull(Cli.awsSettings(args, "--region", StackResource.PROVISION_STATE_MACHINE, "--state-machine-arn", "states"));
        assertEquals(List.of("events/provision.json", "--timeout", "3"), args);
    }

    @Test
    void awsSettings_awsAlone_usesTheDefaultStackAndTheSdkRegion() {
        List<String> args = new ArrayList<>(List.of("--aws", "input.json"));

        AwsAccount.Settings settings = Cli.awsSettings(args, "--region", StackResource.PROVISION_STATE_MACHINE,
                "--state-machine-arn", "states");

        assertEquals(new AwsAccount.Settings("active-edge", null, "--region", Map.of()), settings);
        assertEquals(List.of("input.json"), args);
    }

    @Test
    void awsSettings_stackAndRegion_nameTheStack() {
        List<String> args = new ArrayList<>(List.of("--stack", "edge-prod", "--aws", "--region", "eu-west-1"));

        AwsAccount.Settings settings = Cli.awsSettings(args, "--region", StackResource.TEARDOWN_STATE_MACHINE,
                "--state-machine-arn", "states");

        assertEquals(new AwsAccount.Settings("edge-prod", "eu-west-1", "--region", Map.of()), settings);
        assertTrue(args.isEmpty(), args.toString());
    }

    @Test
    void awsSettings_stateMachineArn_standsForTheWorkflowsOutput() {
        String arn = "arn:aws:states:us-west-2:111122223333:stateMachine:active-edge-teardown";
        List<String> args = new ArrayList<>(List.of("--aws", "--state-machine-arn", arn));

        AwsAccount.Settings settings = Cli.awsSettings(args, "--region", StackResource.TEARDOWN_STATE_MACHINE,
                "--state-machine-arn", "states");

        assertEquals(Map.of(StackResource.TEARDOWN_STATE_MACHINE, arn), settings.arns());
        assertEquals("us-west-2", AwsAccount.Arns.region(arn));
    }

    @Test
    void awsSettings_failoverStackRegion_isNotTheDrainedRegion() {
        List<String> args = new ArrayList<>(List.of("--aws", "--stack-region", "us-east-1"));

        AwsAccount.Settings settings = Cli.awsSettings(args, "--stack-region", StackResource.FAILOVER_FUNCTION,
                "--function-arn", "lambda");

        assertEquals("us-east-1", settings.region());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("awsUsageErrors")
    void run_awsOptionMisused_isAUsageErrorThatSaysWhy(String why, List<String> args, String says,
                                                       @TempDir Path root) {
        assertEquals(2, run(root, args.toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(says), err.toString(StandardCharsets.UTF_8));
    }

    static List<Arguments> awsUsageErrors() {
        String machine = "arn:aws:states:us-east-1:111122223333:stateMachine:active-edge-provision";
        return List.of(
                Arguments.of("--stack without --aws", List.of("provision", "--stack", "x"), "--stack goes with --aws"),
                Arguments.of("--region without --aws", List.of("teardown", "--region", "us-east-1"),
                        "--region goes with --aws"),
                Arguments.of("--state-machine-arn without --aws", List.of("provision", "--state-machine-arn", machine),
                        "--state-machine-arn goes with --aws"),
                Arguments.of("ARN and stack", List.of("provision", "--aws", "--stack", "s", "--state-machine-arn", machine),
                        "give it or --stack, not both"),
                Arguments.of("a Lambda ARN for a state machine", List.of("teardown", "--aws", "--state-machine-arn",
                        "arn:aws:lambda:us-east-1:111122223333:function:f"), "--state-machine-arn needs an ARN of states"),
                Arguments.of("Region not the ARN's", List.of("provision", "--aws", "--region", "eu-west-1",
                        "--state-machine-arn", machine), "--region eu-west-1 is not the Region of --state-machine-arn"),
                Arguments.of("not a Region", List.of("provision", "--aws", "--region", "mars"),
                        "--region needs an AWS Region"),
                Arguments.of("state machine ARN on failover", List.of("failover", "--app", "shop", "--region",
                        "us-east-1", "--aws", "--state-machine-arn", machine), "unexpected argument: --state-machine-arn"),
                Arguments.of("function ARN of another service", List.of("recover", "--app", "shop", "--region",
                        "us-east-1", "--aws", "--function-arn", machine), "--function-arn needs an ARN of lambda"),
                Arguments.of("function ARN on provision", List.of("provision", "--aws", "--function-arn",
                        "arn:aws:lambda:us-east-1:111122223333:function:f"), "unknown option: --function-arn"),
                Arguments.of("teardown option typo", List.of("teardown", "--awz"), "unknown option: --awz"));
    }
}
