package io.activeedge.local.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * Follows one execution through GetExecutionHistory and prints a line per state entered and exited,
 * with the time since the execution started; states inside a Map iteration show their Region.
 */
public final class ExecutionWatcher {

    private static final ObjectMapper JSON = Json.MAPPER;
    /** Joins a state name and its Region into one key; neither can contain it. */
    private static final String KEY_SEPARATOR = "\u0000";

    private final SfnClient sfn;
    private final PrintStream out;
    private final Duration interval;
    private final Glyphs glyphs;

    /** @param out where progress goes, or null for none */
    public ExecutionWatcher(SfnClient sfn, PrintStream out, Duration interval) {
        this.sfn = sfn;
        this.out = out;
        this.interval = interval;
        this.glyphs = Glyphs.of(out);
    }

    /** Waits, bounded by {@code timeout}, until the execution is no longer RUNNING; returns its last description. */
    public DescribeExecutionResponse await(String executionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Progress progress = new Progress();
        while (true) {
            DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(executionArn));
            if (out != null) {
                progress.print(executionArn, execution.startDate());
            }
            if (execution.status() != ExecutionStatus.RUNNING) {
                return execution;
            }
            if (System.nanoTime() > deadline) {
                throw new ExecutionTimeoutException(executionArn, timeout);
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for the execution", e);
        }
    }

    /** The execution is still running when the caller stopped waiting. */
    public static final class ExecutionTimeoutException extends CommandException {
        ExecutionTimeoutException(String executionArn, Duration timeout) {
            super("the execution was still RUNNING after " + timeout.toMinutes() + " min: " + executionArn);
        }
    }

    /** Prints each history event once, pairing exits with their entries to show durations. */
    private final class Progress {
        private long lastEventId;
        private final Map<String, Deque<Instant>> entered = new HashMap<>();
        private final Set<String> failed = new HashSet<>();
        private String lastEntered = "";

        void print(String executionArn, Instant start) {
            String token = null;
            do {
                String page = token;
                var response = sfn.getExecutionHistory(r -> r.executionArn(executionArn).nextToken(page).maxResults(1000));
                for (HistoryEvent event : response.events()) {
                    if (event.id() > lastEventId) {
                        lastEventId = event.id();
                        line(event, start);
                    }
                }
                token = response.nextToken();
            } while (token != null);
        }

        private void line(HistoryEvent event, Instant start) {
            String type = event.typeAsString();
            Instant at = event.timestamp() != null ? event.timestamp() : Instant.now();
            String elapsed = String.format(Locale.ROOT, "%7.1fs", seconds(start, at));
            if (type.endsWith("StateEntered") && event.stateEnteredEventDetails() != null) {
                String name = event.stateEnteredEventDetails().name();
                String region = region(event.stateEnteredEventDetails().input());
                lastEntered = key(name, region);
                entered.computeIfAbsent(lastEntered, k -> new ArrayDeque<>()).addLast(at);
                out.println(elapsed + "  " + glyphs.entered() + " " + name + suffix(region));
            } else if (type.endsWith("StateExited") && event.stateExitedEventDetails() != null) {
                String name = event.stateExitedEventDetails().name();
                String region = regionOfOpenState(name);
                Deque<Instant> starts = entered.get(key(name, region));
                Instant since = starts == null || starts.isEmpty() ? at : starts.pollFirst();
                String mark = failed.remove(key(name, region)) ? glyphs.failed() : glyphs.done();
                out.println(elapsed + "  " + mark + " " + name + suffix(region)
                        + String.format(Locale.ROOT, " (%.1fs)", seconds(since, at)));
            } else if (type.equals("TaskFailed") && event.taskFailedEventDetails() != null) {
                failure(elapsed, event.taskFailedEventDetails().error());
            } else if (type.equals("LambdaFunctionFailed") && event.lambdaFunctionFailedEventDetails() != null) {
                failure(elapsed, event.lambdaFunctionFailedEventDetails().error());
            }
        }

        /** Failure events name no state: they belong to the state entered last. */
        private void failure(String elapsed, String error) {
            failed.add(lastEntered);
            int split = lastEntered.indexOf(KEY_SEPARATOR);
            String state = split < 0 ? "a task" : lastEntered.substring(0, split) + suffix(lastEntered.substring(split + 1));
            out.println(elapsed + "    " + state + " failed: " + error);
        }

        /** Exit events carry no input: take the Region of the oldest entry of that state still open. */
        private String regionOfOpenState(String name) {
            String prefix = name + KEY_SEPARATOR;
            return entered.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix) && !e.getValue().isEmpty())
                    .min((a, b) -> a.getValue().peekFirst().compareTo(b.getValue().peekFirst()))
                    .map(e -> e.getKey().substring(prefix.length()))
                    .orElse("");
        }

        private static String key(String name, String region) {
            return name + KEY_SEPARATOR + region;
        }

        private static String suffix(String region) {
            return region.isEmpty() ? "" : " [" + region + "]";
        }
    }

    /** The Region a state works on: a "region" field of its input (text, or an object with one). */
    static String region(String input) {
        if (input == null || input.isBlank()) {
            return "";
        }
        try {
            JsonNode region = JSON.readTree(input).path("region");
            if (region.isObject()) {
                region = region.path("region");
            }
            return region.isTextual() ? region.asText() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static double seconds(Instant from, Instant to) {
        return from == null ? 0 : Math.max(0, Duration.between(from, to).toMillis()) / 1000.0;
    }
}
