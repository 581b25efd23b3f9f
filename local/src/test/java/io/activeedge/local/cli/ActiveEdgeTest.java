package io.activeedge.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.local.cli.command.Console;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActiveEdgeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path root, String... args) {
        return ActiveEdge.run(new Console(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
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
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("invoke needs FUNCTION"),
                err.toString(StandardCharsets.UTF_8));
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
    void run_routesWithoutApp_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "routes", "--json"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--app"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_routesWithTheInputOfAnotherApp_refusesBeforeStartingACloud(@TempDir Path root) throws Exception {
        Path input = root.resolve("other.json");
        Files.writeString(input, "{\"app\": \"other\", \"zone\": \"example.com\"}");

        assertEquals(1, run(root, "routes", "--app", "shop", input.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is the input of app other, not shop"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(root.resolve(".active-edge")));
    }

    @Test
    void run_upWithFaultsAboveOne_isAUsageErrorNamingTheRange(@TempDir Path root) {
        assertEquals(2, run(root, "up", "--faults", "1.5"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--faults needs a rate from 0 to 1"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_serveWithSeedButNoFaults_isAUsageErrorBeforeAnythingStarts(@TempDir Path root) {
        assertEquals(2, run(root, "serve", "--seed", "7"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--seed picks which calls fail"),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(root.resolve(".active-edge/local.json")));
    }

    @Test
    void run_healthWithoutALocalCloud_saysToStartOne(@TempDir Path root) {
        assertEquals(1, run(root, "health", "--app", "shop", "--region", "us-east-1", "unhealthy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("start one with ./active-edge up"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_healthNeitherHealthyNorUnhealthy_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "health", "--app", "shop", "--region", "us-east-1", "sick"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("sick"), err.toString(StandardCharsets.UTF_8));
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
        assertTrue(usage.contains("[--aws] [--stack NAME] [--region R]"), usage);
        assertTrue(usage.contains("--state-machine-arn ARN") && usage.contains("--function-arn ARN"), usage);
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
                        "us-east-1", "--aws", "--state-machine-arn", machine), "unknown option: --state-machine-arn"),
                Arguments.of("function ARN of another service", List.of("recover", "--app", "shop", "--region",
                        "us-east-1", "--aws", "--function-arn", machine), "--function-arn needs an ARN of lambda"),
                Arguments.of("function ARN on provision", List.of("provision", "--aws", "--function-arn",
                        "arn:aws:lambda:us-east-1:111122223333:function:f"), "unknown option: --function-arn"),
                Arguments.of("teardown option typo", List.of("teardown", "--awz"), "unknown option: --awz"));
    }

    @Test
    void run_commandHelp_printsThatCommandsOptionsAndExits0(@TempDir Path root) {
        assertEquals(0, run(root, "failover", "--help"));

        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.startsWith("usage: ./active-edge failover --app APP --region R [--aws]"), usage);
        assertTrue(usage.contains("--stack-region R") && usage.contains("--function-arn ARN"), usage);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_helpCommand_printsTheSameUsageAsTheCommandsHelpOption(@TempDir Path root) {
        assertEquals(0, run(root, "help", "drill"));
        String viaHelp = out.toString(StandardCharsets.UTF_8);
        out.reset();

        assertEquals(0, run(root, "drill", "-h"));

        assertEquals(viaHelp, out.toString(StandardCharsets.UTF_8));
        assertTrue(viaHelp.contains("--region R") && !viaHelp.contains("--aws"), "--aws is refused, not offered: " + viaHelp);
    }

    @Test
    void run_badNumber_isAUsageErrorNamingTheOption(@TempDir Path root) {
        assertEquals(2, run(root, "provision", "--timeout", "soon"));

        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--timeout needs a number, not soon"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_optionWithoutValue_isAUsageErrorNamingTheOption(@TempDir Path root) {
        assertEquals(2, run(root, "status", "--app"));

        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--app needs a value"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_benchWithZeroRuns_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "bench-failover", "--runs", "0"));

        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("--runs needs a positive number"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_upInsideJava_saysTheLauncherRunsIt(@TempDir Path root) {
        assertEquals(2, run(root, "up"));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("up is a command of ./active-edge"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_completion_printsABashScriptForEveryCommandAndOption(@TempDir Path root) {
        assertEquals(0, run(root, "completion"));

        String script = out.toString(StandardCharsets.UTF_8);
        assertTrue(script.contains("complete -F _complete_active-edge"), script.lines().limit(40).toList().toString());
        for (String word : List.of("provision", "teardown", "failover", "recover", "status", "drill", "bench-failover",
                "--state-machine-arn", "--stack-region", "--function-arn", "--timeout")) {
            assertTrue(script.contains(word), word);
        }
    }
}
