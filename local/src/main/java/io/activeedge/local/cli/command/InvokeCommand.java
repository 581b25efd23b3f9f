package io.activeedge.local.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.CommandException;
import io.activeedge.local.target.LocalSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke}: one function of template.yaml with an event, on the local cloud; prints its answer. */
@Command(name = "invoke", description = {
    "run one function of template.yaml with the event in file EVENT and print what it returns",
    "On the local cloud; a function's error is printed as TYPE: MESSAGE (exit 1)."})
public final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FUNCTION",
            description = "the function's logical id in template.yaml, e.g. ValidateInputFunction")
    String function;

    @Option(names = {"-e", "--event"}, paramLabel = "EVENT", description = "a file with the event (default: {})")
    String event;

    private final Console console;

    public InvokeCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        byte[] payload;
        try {
            payload = event == null ? "{}".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(Path.of(event));
        } catch (IOException e) {
            throw new CommandException("cannot read event " + event + ": " + e.getMessage(), e);
        }
        FunctionLogs.toFileUnlessServed(console.root());
        try (LocalSession cloud = LocalSession.open(console.root(), console.err())) {
            Cloud.Invocation response = cloud.invoke(function, payload);
            if (response.failed()) {
                JsonNode body = readTree(response.payload());
                console.err().println(body.path("errorType").asText(response.functionError()) + ": "
                        + body.path("errorMessage").asText());
                return 1;
            }
            console.out().println(pretty(response.payload()));
            return 0;
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static String pretty(String json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }
}
