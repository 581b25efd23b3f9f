package io.activeedge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The local cloud's command line: {@code serve}, {@code provision}, {@code invoke}, and the failover drills
 * {@code failover}, {@code recover}, {@code status}.
 */
public final class Cli {

    static final String USAGE = """
            usage: ./active-edge <command> [options]

              up [--port N]                  start the local cloud in the background (AWS endpoint on port N,
                                             a free port by default) and print its endpoint
              down                           stop it
              provision [FILE] [--timeout M] run the provision state machine on the local cloud with FILE as input
                                             (default events/provision.json; gives up after M minutes, default 10)
              invoke FUNCTION [-e EVENT]     run one function of template.yaml (by logical id, e.g.
                                             ValidateInputFunction) with the event in file EVENT
              failover --app APP --region R  put an alarm of APP in R into ALARM and send FailoverFunction its
                                             EventBridge event: drains R unless it is the last Region serving
              recover --app APP --region R   the same with OK: R serves again
              status --app APP               per Region of APP: endpoint health, switch, gate, and which Regions
                                             receive traffic
              serve [--port N]               run the local cloud in the foreground (what up starts)
              help                           show this text

            provision, invoke, failover, recover and status use the local cloud that up started; without
            one they start their own for the run. Everything binds to 127.0.0.1; nothing reaches AWS.
            """;

    static final String DEFAULT_INPUT = "events/provision.json";
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;
    private final PrintStream out;
    private final PrintStream err;

    Cli(Path root, PrintStream out, PrintStream err) {
        this.root = root;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("activeedge.root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        System.exit(new Cli(root, System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "serve" -> serve(rest);
                case "provision" -> provision(rest);
                case "invoke" -> invoke(rest);
                case "failover" -> drill(rest, AlarmChange.ALARM);
                case "recover" -> drill(rest, AlarmChange.OK);
                case "status" -> status(rest);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                case "up", "down" -> {
                    err.println(args[0] + " is a command of ./active-edge, which runs serve in the background");
                    yield 2;
                }
                default -> {
                    err.println("unknown command: " + args[0]);
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (LocalCloudException | SdkException e) {
            err.println("active-edge: " + e.getMessage());
            return 1;
        }
    }

    // ---- serve

    private int serve(List<String> args) {
        int port = intOption(args, "--port", 0);
        noMoreArguments(args);
        LocalState.running(root).ifPresent(state -> {
            throw new LocalCloudException("a local cloud already runs at " + state.motoEndpoint() + " (pid " + state.pid() + ")");
        });
        LocalCloud cloud = LocalCloud.start(root, port);
        long pid = ProcessHandle.current().pid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LocalState.remove(root, pid);
            cloud.close();
        }, "local-cloud-shutdown"));
        try {
            LocalState.of(cloud).write(root);
        } catch (IOException e) {
            throw new LocalCloudException("cannot write " + LocalState.file(root) + ": " + e.getMessage(), e);
        }
        out.println("endpoint " + cloud.endpoint());
        out.println("lambda   " + cloud.lambdaEndpoint());
        cloud.stateMachineArns().forEach((id, arn) -> out.println("state machine " + id + " " + arn));
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    // ---- provision

    private int provision(List<String> args) {
        Duration timeout = Duration.ofMinutes(intOption(args, "--timeout", (int) DEFAULT_TIMEOUT.toMinutes()));
        if (!args.isEmpty() && args.getFirst().startsWith("-")) {
            throw new UsageException("unknown option: " + args.getFirst());
        }
        Path file = args.isEmpty() ? root.resolve(DEFAULT_INPUT) : Path.of(args.removeFirst());
        noMoreArguments(args);
        ObjectNode input = readInput(file);
        logFunctionsToFile();
        Glyphs glyphs = Glyphs.of(out);
        try (CloudSession cloud = CloudSession.open(root, out)) {
            Provisioning.Result result;
            try {
                result = new Provisioning(cloud, out, POLL).run(input, shown(file), timeout);
            } catch (ExecutionWatcher.ExecutionTimeoutException e) {
                err.println("active-edge: gave up: " + e.getMessage() + " (stopped it; raise --timeout to wait longer)");
                return 1;
            }
            if (result.succeeded()) {
                out.println(glyphs.done() + " SUCCEEDED in " + result.took());
                out.println(Summary.format(result.output(), result.calls(), glyphs));
                return 0;
            }
            out.println(glyphs.failed() + " " + result.status() + " after " + result.took());
            out.println("  error          " + (result.error() == null ? "(none)" : result.error()));
            if (result.cause() != null && !result.cause().isBlank()) {
                out.println("  cause          " + result.cause());
            }
            out.println(Summary.format(JSON.createObjectNode(), result.calls(), glyphs));
            out.println("  logs           " + (cloud.ownsCloud()
                    ? root.relativize(CloudSession.functionLog(root)) : ".active-edge/local.log"));
            return 1;
        }
    }

    /** A Lambda error's cause is its error JSON; the message is what a user needs. */
    static String causeMessage(String cause) {
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

    private ObjectNode readInput(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new LocalCloudException("no input file " + file);
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (!(node instanceof ObjectNode object)) {
                throw new LocalCloudException(file + " must hold a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new LocalCloudException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    // ---- invoke

    private int invoke(List<String> args) {
        String eventFile = stringOption(args, "-e", stringOption(args, "--event", null));
        if (args.isEmpty()) {
            throw new UsageException("invoke needs a function, e.g. invoke ValidateInputFunction -e events/EVENT.json");
        }
        String function = args.removeFirst();
        if (function.startsWith("-")) {
            throw new UsageException("unknown option: " + function);
        }
        noMoreArguments(args);
        byte[] event;
        try {
            event = eventFile == null ? "{}".getBytes(StandardCharsets.UTF_8) : Files.readAllBytes(Path.of(eventFile));
        } catch (IOException e) {
            throw new LocalCloudException("cannot read event " + eventFile + ": " + e.getMessage(), e);
        }
        logFunctionsToFile();
        try (CloudSession cloud = CloudSession.open(root, err)) {
            HttpResponse<String> response = cloud.invoke(function, event);
            JsonNode body = readTree(response.body());
            if (response.statusCode() != 200) {
                err.println("active-edge: " + body.path("Message").asText(response.body()));
                return 1;
            }
            if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
                err.println(body.path("errorType").asText() + ": " + body.path("errorMessage").asText());
                return 1;
            }
            out.println(pretty(response.body()));
            return 0;
        }
    }

    // ---- failover, recover, status

    private int drill(List<String> args, String state) {
        String app = requiredOption(args, "--app");
        String region = requiredOption(args, "--region");
        noMoreArguments(args);
        logToFile();
        Glyphs glyphs = Glyphs.of(out);
        try (CloudSession cloud = CloudSession.open(root, err);
             CloudWatchClient cloudWatch = LocalClients.cloudWatch(cloud.endpoint(), region);
             Route53Client route53 = LocalClients.route53(cloud.endpoint())) {
            AlarmDrill.Outcome outcome = new AlarmDrill(cloudWatch, cloud::invoke, Clock.systemUTC()).run(app, state);
            FailoverDecision decision = outcome.decision();
            out.println("alarm     " + outcome.alarm().name() + " (" + region + ") set to " + state
                    + "; its state change event sent to " + AlarmDrill.FUNCTION);
            out.println("decision  " + decision.action() + " " + region + ": "
                    + (decision.before() == null ? "?" : decision.before()) + " " + glyphs.arrow() + " "
                    + (decision.after() == null ? "?" : decision.after()));
            out.println("reason    " + decision.reason());
            out.println();
            RoutingTable table = new RoutingTable(route53);
            out.println(RoutingTable.format(app, table.of(app)));
            if (!outcome.applied()) {
                err.println("active-edge: " + decision.action().toLowerCase(Locale.ROOT) + ": " + decision.reason());
                return 1;
            }
            return 0;
        }
    }

    private int status(List<String> args) {
        String app = requiredOption(args, "--app");
        noMoreArguments(args);
        logToFile();
        try (CloudSession cloud = CloudSession.open(root, err);
             Route53Client route53 = LocalClients.route53(cloud.endpoint())) {
            out.println(RoutingTable.format(app, new RoutingTable(route53).of(app)));
            return 0;
        }
    }

    private static String pretty(String json) {
        try {
            return PRETTY.writeValueAsString(JSON.readTree(json));
        } catch (IOException e) {
            return json;
        }
    }

    // ---- helpers

    /**
     * When the CLI runs the functions itself, their log lines go to .active-edge/functions.log so the
     * terminal shows progress. Set before anything starts logging.
     */
    private void logFunctionsToFile() {
        if (LocalState.running(root).isPresent()) {
            return;
        }
        logToFile();
    }

    /** The same file for the lines the CLI itself logs through the functions' classes (failover, status). */
    private void logToFile() {
        if (System.getProperty("log4j2.configurationFile") != null) {
            return;
        }
        System.setProperty("activeedge.functionLog", CloudSession.functionLog(root).toString());
        System.setProperty("log4j2.configurationFile", "active-edge-local-log4j2.xml");
    }

    private static int intOption(List<String> args, String name, int fallback) {
        String value = stringOption(args, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a number, not " + value);
        }
    }

    private static String stringOption(List<String> args, String name, String fallback) {
        int index = args.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= args.size()) {
            throw new UsageException(name + " needs a value");
        }
        String value = args.get(index + 1);
        args.subList(index, index + 2).clear();
        return value;
    }

    private static String requiredOption(List<String> args, String name) {
        String value = stringOption(args, name, null);
        if (value == null || value.isBlank()) {
            throw new UsageException("missing " + name);
        }
        return value;
    }

    private static void noMoreArguments(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("unexpected argument: " + String.join(" ", args));
        }
    }

    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
