package io.activeedge.local.cli.command;

import io.activeedge.local.report.FailedRun;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.Glyphs;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a workflow's state machine with an input file, on the local cloud or with {@code --aws} in an AWS account,
 * shows its progress, then what it did: the summary of a successful run, or its error (exit 1).
 */
abstract class WorkflowCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "the input (default: " + InputFile.DEFAULT + ")")
    String file;

    @Option(names = "--timeout", paramLabel = "M", description = "stop waiting after M minutes (default: 10); the"
            + " local cloud stops the execution, in AWS it keeps running")
    int timeoutMinutes = 10;

    @Option(names = "--aws", description = "run in your AWS account: the deployed stack's state machine, your"
            + " credentials from the SDK's default chain (AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> redirect"
            + " the clients as in any SDK)")
    boolean aws;

    @Option(names = "--stack", paramLabel = "NAME", description = "with --aws: the stack whose outputs name the"
            + " state machine (default: active-edge)")
    String stack;

    @Option(names = "--region", paramLabel = "R", description = "with --aws: the stack's Region (default: the"
            + " SDK's, AWS_REGION or your profile's)")
    String region;

    @Option(names = "--state-machine-arn", paramLabel = "ARN", description = "with --aws: the state machine itself"
            + " instead of the stack's output (it brings its own Region)")
    String stateMachineArn;

    private final Console console;
    private final Workflow workflow;

    WorkflowCommand(Console console, Workflow workflow) {
        this.console = console;
        this.workflow = workflow;
    }

    /** What a successful run did, from its output. */
    abstract String summary(WorkflowRun.Result result, Glyphs glyphs);

    @Override
    public Integer call() {
        Duration timeout = Duration.ofMinutes(timeoutMinutes);
        AwsAccount.Settings settings = new AwsOptions(aws, stack, "--region", region, "--state-machine-arn",
                stateMachineArn).settings(workflow.stateMachine(), "states");
        InputFile input = InputFile.read(console.root(), file);
        if (settings == null) {
            FunctionLogs.toFileUnlessServed(console.root());
        }
        PrintStream out = console.out();
        Glyphs glyphs = Glyphs.of(out);
        try (Cloud cloud = Cloud.open(settings, console.root(), out)) {
            WorkflowRun.Result result = new WorkflowRun(cloud, out).run(workflow, input.json(), input.shown(), timeout);
            if (result.succeeded()) {
                out.println(glyphs.done() + " SUCCEEDED in " + result.took());
                out.println(summary(result, glyphs));
                return 0;
            }
            out.println(glyphs.failed() + " " + result.status() + " after " + result.took());
            out.println(FailedRun.format(result, cloud.logs()));
            return 1;
        }
    }
}
