package io.activeedge.local.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.failover.OperatorCommand;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.CommandException;
import io.activeedge.local.target.Glyphs;
import io.activeedge.local.target.StackResource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * Sends the failover function an operator's hold or release of a Region ({@code {"operator": {...}}}), prints its
 * decision and where traffic goes now. Exit 1 when the function refused.
 */
abstract class OperatorCommandBase implements Callable<Integer> {

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the application (the input's app)")
    String app;

    @Option(names = "--region", required = true, paramLabel = "R", description = "the Region to hold or release")
    String region;

    @Option(names = "--aws", description = "in your AWS account: the deployed stack's FailoverFunction")
    boolean aws;

    @Option(names = "--stack", paramLabel = "NAME", description = "with --aws: the stack whose outputs name the"
            + " function (default: active-edge)")
    String stack;

    @Option(names = "--stack-region", paramLabel = "R", description = "with --aws: the stack's Region (default: the"
            + " SDK's, AWS_REGION or your profile's)")
    String stackRegion;

    @Option(names = "--function-arn", paramLabel = "ARN", description = "with --aws: the function itself instead of"
            + " the stack's output")
    String functionArn;

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
        try (Cloud cloud = Cloud.open(settings, console.root(), console.err())) {
            FailoverDecision decision = send(cloud, cloud.arn(StackResource.FAILOVER_FUNCTION));
            out.println("decision  " + decision.action() + " " + region + ": " + decision.before() + " "
                    + Glyphs.of(out).arrow() + " " + decision.after());
            out.println("reason    " + decision.reason());
            out.println();
            out.println(RoutingTable.format(app, new RoutingTable(cloud.route53()).of(app)));
            if (FailoverDecision.Action.REFUSED.name().equals(decision.action())) {
                console.err().println("active-edge: refused: " + decision.reason());
                return 1;
            }
            return 0;
        }
    }

    private FailoverDecision send(Cloud cloud, String function) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode operator = event.putObject("operator").put("action", action).put("app", app).put("region", region)
                .put("by", System.getProperty("user.name", "operator"));
        if (OperatorCommand.HOLD.equals(action)) {
            operator.put("reason", reason()).put("force", force());
        }
        Cloud.Invocation response = cloud.invoke(function, event.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(response.payload());
        } catch (IOException e) {
            throw new CommandException("FailoverFunction answered something other than JSON: " + response.payload(), e);
        }
        if (response.failed()) {
            throw new CommandException(body.path("errorType").asText(response.functionError()) + ": "
                    + body.path("errorMessage").asText());
        }
        for (JsonNode decision : body.path("decisions")) {
            if (region.equals(decision.path("region").asText())) {
                try {
                    return Json.MAPPER.treeToValue(decision, FailoverDecision.class);
                } catch (IOException e) {
                    throw new CommandException("FailoverFunction answered an unreadable decision: " + decision, e);
                }
            }
        }
        throw new CommandException("FailoverFunction answered no decision for " + region + ": " + body
                + " (" + action.toLowerCase(Locale.ROOT) + ")");
    }
}
