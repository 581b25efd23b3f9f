package io.activeedge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * One run of the provision state machine on a local cloud: stand-ins for the input's APIs, short
 * polls when the input sets no timing, the execution with its progress, and what it made.
 */
final class Provisioning {
    static final String STATE_MACHINE = "ProvisionStateMachine";
    static final int LOCAL_POLL_SECONDS = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudSession cloud;
    private final PrintStream out;
    private final Duration poll;

    Provisioning(CloudSession cloud, PrintStream out, Duration poll) {
        this.cloud = cloud;
        this.out = out;
        this.poll = poll;
    }

    /**
     * @param status  the execution's final status
     * @param output  its output (an empty object unless it succeeded)
     * @param error   the error name when it failed
     * @param cause   what a person needs from the cause (a Lambda error's message)
     * @param calls   AWS API calls the functions made during the run, by service
     * @param took    how long it ran, e.g. "4.2s"
     */
    record Result(String executionArn, ExecutionStatus status, JsonNode output, String error, String cause,
                  Map<String, Long> calls, String took) {
        boolean succeeded() {
            return status == ExecutionStatus.SUCCEEDED;
        }
    }

    Result run(ObjectNode input, String source, Duration timeout) {
        ObjectNode run = input.deepCopy();
        if (!run.has("timing")) {
            run.putObject("timing").put("certificatePollSeconds", LOCAL_POLL_SECONDS)
                    .put("distributionPollSeconds", LOCAL_POLL_SECONDS);
            out.println("local cloud: polling certificates and the distribution every " + LOCAL_POLL_SECONDS
                    + "s (the input sets no timing)");
        }
        new StandIns(cloud.endpoint(), out).ensure(run);
        try (SfnClient sfn = LocalClients.sfn(cloud.endpoint())) {
            String stateMachine = cloud.stateMachineArn(STATE_MACHINE);
            Map<String, Long> before = cloud.calls();
            String name = executionName();
            String execution = sfn.startExecution(r -> r.stateMachineArn(stateMachine).name(name)
                    .input(run.toString())).executionArn();
            out.println("execution " + name + " (" + source + ")");
            DescribeExecutionResponse result;
            try {
                result = new ExecutionWatcher(sfn, out, poll).await(execution, timeout);
            } catch (ExecutionWatcher.ExecutionTimeoutException e) {
                sfn.stopExecution(r -> r.executionArn(execution).error("LocalTimeout").cause(e.getMessage()));
                throw e;
            }
            Map<String, Long> calls = CloudSession.difference(before, cloud.calls());
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
                    cause == null ? null : Cli.causeMessage(cause), calls, took);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String executionName() {
        return "local-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
    }
}
