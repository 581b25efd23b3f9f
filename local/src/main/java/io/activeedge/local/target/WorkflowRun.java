package io.activeedge.local.target;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * One run of a workflow's state machine, wherever the cloud is: the input as the cloud wants it, the execution
 * with its progress, and what it returned.
 */
public final class WorkflowRun {
    private static final ObjectMapper JSON = Json.MAPPER;
    /** Step Functions execution names: up to 80 of these characters. */
    private static final int APP_IN_NAME = 24;

    private final Cloud cloud;
    private final PrintStream out;

    public WorkflowRun(Cloud cloud, PrintStream out) {
        this.cloud = cloud;
        this.out = out;
    }

    /**
     * @param status  the execution's final status
     * @param output  its output (an empty object unless it succeeded)
     * @param error   the error name when it failed
     * @param cause   what a person needs from the cause (a Lambda error's message)
     * @param calls   AWS API calls the functions made during the run, by service; null where they are not counted
     * @param took    how long it ran, e.g. "4.2s"
     */
    public record Result(String executionArn, ExecutionStatus status, JsonNode output, String error, String cause,
                  Map<String, Long> calls, String took) {
        public boolean succeeded() {
            return status == ExecutionStatus.SUCCEEDED;
        }

        /**
         * The output as the record the workflow writes (the functions' own records), so that a field renamed on
         * either side fails to compile or here, instead of leaving a blank in what the CLI prints.
         */
        public <T> T output(Class<T> type) {
            try {
                return JSON.treeToValue(output, type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new CommandException("the execution's output is not a " + type.getSimpleName() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    public Result run(Workflow workflow, ObjectNode input, String source, Duration timeout) {
        ObjectNode run = cloud.prepare(workflow, input, out);
        SfnClient sfn = cloud.sfn();
        String stateMachine = cloud.arn(workflow.stateMachine());
        Map<String, Long> before = cloud.calls().orElse(null);
        String name = executionName(workflow, run);
        String execution = sfn.startExecution(r -> r.stateMachineArn(stateMachine).name(name)
                .input(run.toString())).executionArn();
        out.println("execution " + name + " (" + source + ")");
        DescribeExecutionResponse result;
        try {
            result = new ExecutionWatcher(sfn, out, cloud.poll()).await(execution, timeout);
        } catch (ExecutionWatcher.ExecutionTimeoutException e) {
            throw new CommandException("gave up: " + e.getMessage() + " (" + cloud.stopWaiting(execution) + ")", e);
        }
        Map<String, Long> calls = before == null ? null : LocalSession.difference(before, cloud.calls().orElseThrow());
        String took = String.format("%.1fs", Duration.between(result.startDate(),
                result.stopDate() != null ? result.stopDate() : result.startDate()).toMillis() / 1000.0);
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            return new Result(execution, result.status(), readTree(result.output()), null, null, calls, took);
        }
        String error = result.error();
        String cause = result.cause();
        if (error == null && cause == null) {
            List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true))
                    .events();
            for (HistoryEvent event : events) {
                if (event.executionFailedEventDetails() != null) {
                    error = event.executionFailedEventDetails().error();
                    cause = event.executionFailedEventDetails().cause();
                    break;
                }
            }
        }
        return new Result(execution, result.status(), JSON.createObjectNode(), error,
                cause == null ? null : causeMessage(cause), calls, took);
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** A Lambda error's cause is its error JSON; the message is what a user needs. */
    public static String causeMessage(String cause) {
        try {
            JsonNode node = JSON.readTree(cause);
            if (node != null && node.path("errorMessage").isTextual()) {
                return node.path("errorMessage").asText();
            }
        } catch (IOException e) {
            // plain text cause
        }
        return cause;
    }

    /** shop-provision-20261124-011325-3f2a: the app (when it is a usable name), the workflow, when, and a nonce. */
    static String executionName(Workflow workflow, JsonNode input) {
        String app = input.path("app").asText("").replaceAll("[^A-Za-z0-9_-]", "");
        String prefix = app.isEmpty() ? "" : app.substring(0, Math.min(app.length(), APP_IN_NAME)) + "-";
        return prefix + workflow.command() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }
}
