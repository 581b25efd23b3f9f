package io.activeedge.local.cli.command;

import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.StackResource;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * Sets an alarm of an application to a state and sends the failover function the event EventBridge delivers for
 * that change ({@link AlarmDrill}); prints the function's decision and where traffic goes now. Exit 1 when the
 * function did not apply the change (it refused or failed).
 */
abstract class AlarmCommand implements Callable<Integer> {

    @Mixin
    FailoverFunctionOptions target;

    private final Console console;
    private final String state;

    /** @param state the alarm state to set: ALARM or OK */
    AlarmCommand(Console console, String state) {
        this.console = console;
        this.state = state;
    }

    @Override
    public Integer call() {
        AwsAccount.Settings settings = target.settings();
        String app = target.app;
        String region = target.region;
        FunctionLogs.toFile(console.root());
        PrintStream out = console.out();
        try (Cloud cloud = Cloud.open(settings, console.root(), console.err())) {
            String function = cloud.arn(StackResource.FAILOVER_FUNCTION);
            AlarmDrill.Outcome outcome = new AlarmDrill(cloud.cloudWatch(region), event -> cloud.invoke(function, event),
                    Clock.systemUTC()).run(app, state);
            FailoverDecision decision = outcome.decision();
            out.println("alarm     " + outcome.alarm().name() + " (" + region + ") set to " + state
                    + "; its state change event sent to " + AlarmDrill.FUNCTION
                    + (function.equals(AlarmDrill.FUNCTION) ? "" : " (" + function + ")"));
            DecisionLines.print(out, region, decision, app, cloud.route53());
            if (!outcome.applied()) {
                console.err().println("active-edge: " + decision.action().toLowerCase(Locale.ROOT) + ": "
                        + decision.reason());
                return 1;
            }
            return 0;
        }
    }
}
