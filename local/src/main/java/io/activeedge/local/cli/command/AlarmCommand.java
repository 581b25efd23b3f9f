package io.activeedge.local.cli.command;

import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.Glyphs;
import io.activeedge.local.target.StackResource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * Sets an alarm of an application to a state and sends the failover function the event EventBridge delivers for
 * that change ({@link AlarmDrill}); prints the function's decision and where traffic goes now. Exit 1 when the
 * function did not apply the change (it refused or failed).
 */
abstract class AlarmCommand implements Callable<Integer> {

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the application (the input's app)")
    String app;

    @Option(names = "--region", required = true, paramLabel = "R", description = "the Region whose alarm changes")
    String region;

    @Option(names = "--aws", description = "in your AWS account: the deployed stack's FailoverFunction; the alarm's"
            + " state is set with SetAlarmState (the stack's EventBridge rule delivers the change too, and the"
            + " function applies it once), then the function is invoked with the same event to show its decision")
    boolean aws;

    @Option(names = "--stack", paramLabel = "NAME", description = "with --aws: the stack whose outputs name the"
            + " function (default: active-edge)")
    String stack;

    @Option(names = "--stack-region", paramLabel = "R", description = "with --aws: the stack's Region (--region is"
            + " the Region drained; default: the SDK's, AWS_REGION or your profile's)")
    String stackRegion;

    @Option(names = "--function-arn", paramLabel = "ARN", description = "with --aws: the function itself instead of"
            + " the stack's output (it brings its own Region)")
    String functionArn;

    private final Console console;
    private final String state;

    /** @param state the alarm state to set: ALARM or OK */
    AlarmCommand(Console console, String state) {
        this.console = console;
        this.state = state;
    }

    @Override
    public Integer call() {
        if (app.isBlank()) {
            throw new UsageException("missing --app");
        }
        if (region.isBlank()) {
            throw new UsageException("missing --region");
        }
        AwsAccount.Settings settings = new AwsOptions(aws, stack, "--stack-region", stackRegion, "--function-arn",
                functionArn).settings(StackResource.FAILOVER_FUNCTION, "lambda");
        FunctionLogs.toFile(console.root());
        PrintStream out = console.out();
        Glyphs glyphs = Glyphs.of(out);
        try (Cloud cloud = Cloud.open(settings, console.root(), console.err())) {
            String function = cloud.arn(StackResource.FAILOVER_FUNCTION);
            AlarmDrill.Outcome outcome = new AlarmDrill(cloud.cloudWatch(region), event -> cloud.invoke(function, event),
                    Clock.systemUTC()).run(app, state);
            FailoverDecision decision = outcome.decision();
            out.println("alarm     " + outcome.alarm().name() + " (" + region + ") set to " + state
                    + "; its state change event sent to " + AlarmDrill.FUNCTION
                    + (function.equals(AlarmDrill.FUNCTION) ? "" : " (" + function + ")"));
            out.println("decision  " + decision.action() + " " + region + ": "
                    + (decision.before() == null ? "?" : decision.before()) + " " + glyphs.arrow() + " "
                    + (decision.after() == null ? "?" : decision.after()));
            out.println("reason    " + decision.reason());
            if (outcome.applied() && FailoverDecision.Action.IGNORED.name().equals(decision.action())) {
                out.println("note      the function had applied this change already (EventBridge delivered it first)");
            }
            out.println();
            out.println(RoutingTable.format(app, new RoutingTable(cloud.route53()).of(app)));
            if (!outcome.applied()) {
                console.err().println("active-edge: " + decision.action().toLowerCase(Locale.ROOT) + ": "
                        + decision.reason());
                return 1;
            }
            return 0;
        }
    }
}
