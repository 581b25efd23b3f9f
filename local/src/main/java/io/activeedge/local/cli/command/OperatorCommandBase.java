package io.activeedge.local.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.failover.OperatorCommand;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.StackResource;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * Sends the failover function an operator's hold or release of a Region ({@code {"operator": {...}}}), prints its
 * decision and where traffic goes now. Exit 1 when the function refused.
 */
abstract class OperatorCommandBase implements Callable<Integer> {

    @Mixin
    FailoverFunctionOptions target;

    private final Console console;
    private final String action;

    OperatorCommandBase(Console console, String action) {
        this.console = console;
        this.action = action;
    }

    /** The reason given (hold only). */
    String reason() {
        return null;
    }

    /** Hold even the last serving Region (hold only). */
    boolean force() {
        return false;
    }

    @Override
    public Integer call() {
        AwsAccount.Settings settings = target.settings();
        String app = target.app;
        String region = target.region;
        FunctionLogs.toFile(console.root());
        PrintStream out = console.out();
        try (Cloud cloud = Cloud.open(settings, console.root(), console.err())) {
            FailoverDecision decision = send(cloud, cloud.arn(StackResource.FAILOVER_FUNCTION), app, region);
            DecisionLines.print(out, region, decision, app, cloud.route53());
            if (FailoverDecision.Action.REFUSED.name().equals(decision.action())) {
                console.err().println("active-edge: refused: " + decision.reason());
                return 1;
            }
            return 0;
        }
    }

    private FailoverDecision send(Cloud cloud, String function, String app, String region) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode operator = event.putObject("operator").put("action", action).put("app", app).put("region", region)
                .put("by", System.getProperty("user.name", "operator"));
        if (OperatorCommand.HOLD.equals(action)) {
            operator.put("reason", reason()).put("force", force());
        }
        return AlarmDrill.decisionFor(cloud.invoke(function, event.toString().getBytes(StandardCharsets.UTF_8)),
                region);
    }
}
