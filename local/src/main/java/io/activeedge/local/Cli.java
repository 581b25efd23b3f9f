package io.activeedge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The command line: {@code serve} (the local cloud), the workflows {@code provision} and {@code teardown},
 * {@code invoke}, and the failover drills {@code failover}, {@code recover}, {@code status}. With {@code --aws}
 * the workflows and drills run in the caller's AWS account ({@link AwsAccount}) instead of the local cloud
 * ({@link CloudSession}), on the same code path.
 */
public final class Cli {

    static final String USAGE = """
            usage: ./active-edge <command> [options]

              up [--port N]                  start the local cloud in the background (AWS endpoint on port N,
                                             a free port by default) and print its endpoint
              down                           stop it
              provision [FILE] [--timeout M] run the provision state machine on the local cloud with FILE as input
                                             (default events/provision.json; stops waiting after M minutes,
                                             default 10)
              teardown [FILE] [--timeout M]  run the teardown state machine with FILE as input (the same file as
                                             provision): removes what provisioning made for the app, then says
                                             what it deleted and what it kept
              invoke FUNCTION [-e EVENT]     run one function of template.yaml (by logical id, e.g.
                                             ValidateInputFunction) with the event in file EVENT
              failover --app APP --region R  put an alarm of APP in R into ALARM and send FailoverFunction its
                                             EventBridge event: drains R unless it is the last Region serving
              recover --app APP --region R   the same with OK: R serves again
              status --app APP               per Region of APP: endpoint health, switch, gate, and which Regions
                                             receive traffic
              health --app APP --region R healthy|unhealthy
                                             on the running local cloud: what Route 53 reports for the endpoint
                                             check of APP in R from now on (a Region really down, or back)
              drill [FILE] [--region R]      game day on the local cloud: provision FILE, drain R (default: the
                                             first Region with an alarm) through its alarm, check that only the
                                             other Regions serve, recover it, check that all serve, tear down,
                                             check that nothing tagged for the app is left; one line per step,
                                             exit 1 when a step fails
              serve [--port N]               run the local cloud in the foreground (what up starts)
              help                           show this text

            provision, teardown, invoke, failover, recover, status and drill use the local cloud that up started;
            without one they start their own for the run. Everything binds to 127.0.0.1; nothing reaches AWS.

            In your AWS account instead (the deployed stack, your credentials from the SDK's default chain):
              provision|teardown [FILE] --aws [--stack NAME] [--region R] [--timeout M]
              provision|teardown [FILE] --aws --state-machine-arn ARN [--timeout M]
              failover|recover --app APP --region R --aws [--stack NAME] [--stack-region R2]
              failover|recover --app APP --region R --aws --function-arn ARN
              status --app APP --aws
            --stack names the stack whose outputs (ProvisionStateMachineArn, TeardownStateMachineArn,
            FailoverFunctionArn) the command uses (default active-edge); --region (for failover and recover
            --stack-region, as --region is the Region drained there) is the stack's Region, by default the SDK's
            (AWS_REGION or your profile's). An ARN given instead of the stack brings its own Region. status
            reads Route 53 only. AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> redirect the clients as in any
            SDK. failover and recover set the alarm's state with SetAlarmState (the stack's EventBridge rule
            delivers the change too; the function applies it once) and invoke the function with the same event
            to show its decision.
            """;

    static final String DEFAULT_INPUT = "events/provision.json";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final int LABEL = 15;
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
                case "provision" -> workflow(Workflow.PROVISION, rest);
                case "teardown" -> workflow(Workflow.TEARDOWN, rest);
                case "invoke" -> invoke(rest);
                case "failover" -> drill(rest, AlarmChange.ALARM);
                case "recover" -> drill(rest, AlarmChange.OK);
                case "status" -> status(rest);
                case "health" -> health(rest);
                case "drill" -> gameDay(rest);
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
        } catch (CommandException e) {
            err.println("active-edge: " + e.getMessage());
            return 1;
        } catch (SdkException e) {
            err.println("active-edge: " + AwsErrors.explain(e));
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
        out.println("stack    " + StackResource.DEFAULT_STACK + " (" + Template.REGION + "; what --aws reads)");
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    // ---- provision, teardown

    private int workflow(Workflow workflow, List<String> args) {
        Duration timeout = Duration.ofMinutes(intOption(args, "--timeout", (int) DEFAULT_TIMEOUT.toMinutes()));
        AwsAccount.Settings aws = awsSettings(args, "--region", workflow.stateMachine(), "--state-machine-arn", "states");
        if (!args.isEmpty() && args.getFirst().startsWith("-")) {
            throw new UsageException("unknown option: " + args.getFirst());
        }
        Path file = args.isEmpty() ? root.resolve(DEFAULT_INPUT) : Path.of(args.removeFirst());
        noMoreArguments(args);
        ObjectNode input = readInput(file);
        if (aws == null) {
            logFunctionsToFile();
        }
        Glyphs glyphs = Glyphs.of(out);
        try (Cloud cloud = open(aws, out)) {
            WorkflowRun.Result result = new WorkflowRun(cloud, out).run(workflow, input, shown(file), timeout);
            if (result.succeeded()) {
                out.println(glyphs.done() + " SUCCEEDED in " + result.took());
                out.println(workflow.summary(result.output(), result.calls(), glyphs));
                return 0;
            }
            out.println(glyphs.failed() + " " + result.status() + " after " + result.took());
            SummaryLines failure = new SummaryLines(LABEL);
            failure.add("error", result.error() == null ? "(none)" : result.error());
            if (result.cause() != null && !result.cause().isBlank()) {
                failure.add("cause", result.cause());
            }
            failure.calls(result.calls());
            failure.add("execution", result.executionArn());
            failure.add("logs", cloud.logs());
            out.println(failure.text());
            return 1;
        }
    }

    /** The local cloud, or with {@code aws} settings the AWS account; notes on where it runs go to {@code notes}. */
    private Cloud open(AwsAccount.Settings aws, PrintStream notes) {
        return aws == null ? CloudSession.open(root, notes) : new AwsAccount(aws, notes);
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
            Cloud.Invocation response = cloud.invoke(function, event);
            if (response.failed()) {
                JsonNode body = readTree(response.payload());
                err.println(body.path("errorType").asText(response.functionError()) + ": "
                        + body.path("errorMessage").asText());
                return 1;
            }
            out.println(pretty(response.payload()));
            return 0;
        }
    }

    // ---- failover, recover, status

    private int drill(List<String> args, String state) {
        String app = requiredOption(args, "--app");
        String region = requiredOption(args, "--region");
        AwsAccount.Settings aws = awsSettings(args, "--stack-region", StackResource.FAILOVER_FUNCTION, "--function-arn",
                "lambda");
        noMoreArguments(args);
        logToFile();
        Glyphs glyphs = Glyphs.of(out);
        try (Cloud cloud = open(aws, err)) {
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
                err.println("active-edge: " + decision.action().toLowerCase(Locale.ROOT) + ": " + decision.reason());
                return 1;
            }
            return 0;
        }
    }

    private int gameDay(List<String> args) {
        Duration timeout = Duration.ofMinutes(intOption(args, "--timeout", (int) DEFAULT_TIMEOUT.toMinutes()));
        String region = stringOption(args, "--region", null);
        if (args.contains("--aws")) {
            throw new UsageException("drill runs on the local cloud only: it provisions, drains and tears down an"
                    + " application; rehearse in an account with provision, failover, status, recover and teardown --aws");
        }
        if (!args.isEmpty() && args.getFirst().startsWith("-")) {
            throw new UsageException("unknown option: " + args.getFirst());
        }
        Path file = args.isEmpty() ? root.resolve(DEFAULT_INPUT) : Path.of(args.removeFirst());
        noMoreArguments(args);
        ObjectNode input = readInput(file);
        GameDayDrill.regionToDrain(input, region);
        logToFile();
        try (CloudSession cloud = CloudSession.open(root, out)) {
            GameDayDrill.Report report = new GameDayDrill(GameDayDrill.on(cloud, timeout, shown(file)), out)
                    .run(input, region);
            if (report.passed()) {
                out.println("drill passed");
                return 0;
            }
            err.println("active-edge: drill failed at " + String.join("; ", report.failed().stream()
                    .map(step -> "step " + step.number() + " (" + step.name() + "): " + step.detail()).toList()));
            return 1;
        }
    }

    private int status(List<String> args) {
        String app = requiredOption(args, "--app");
        AwsAccount.Settings aws = awsSettings(args, "--region", null, null, null);
        noMoreArguments(args);
        logToFile();
        try (Cloud cloud = open(aws, err)) {
            out.println(RoutingTable.format(app, new RoutingTable(cloud.route53()).of(app)));
            return 0;
        }
    }

    // ---- health: the local cloud's endpoint knob

    private int health(List<String> args) {
        String app = requiredOption(args, "--app");
        String region = requiredOption(args, "--region");
        if (args.size() != 1 || !List.of("healthy", "unhealthy").contains(args.getFirst())) {
            throw new UsageException("health --app APP --region R takes healthy or unhealthy");
        }
        boolean healthy = args.removeFirst().equals("healthy");
        logToFile();
        LocalState state = LocalState.running(root).orElseThrow(() -> new CommandException(
                "health sets what the running local cloud reports: start one with ./active-edge up"));
        try (Route53Client route53 = LocalClients.route53(state.motoEndpoint())) {
            EmulatorControl.Health health = new EmulatorControl(state.motoEndpoint())
                    .setEndpointHealth(route53, app, region, healthy);
            out.println("endpoint check " + health.healthCheckId() + " of " + app + " in " + region + " is "
                    + health.status() + " from now on");
            out.println(RoutingTable.format(app, new RoutingTable(route53).of(app)));
        }
        return 0;
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

    /**
     * Takes {@code --aws} and the options that go with it out of {@code args}: {@code --stack NAME}, the stack's
     * Region ({@code regionFlag}) and an ARN that stands for the stack's output ({@code arnFlag}, for
     * {@code resource}, an ARN of {@code service}). Null without {@code --aws}: the command runs on the local cloud.
     *
     * @param regionFlag the option that names the stack's Region on this command
     * @param arnFlag    null where the command takes no ARN
     */
    static AwsAccount.Settings awsSettings(List<String> args, String regionFlag, StackResource resource, String arnFlag,
                                           String service) {
        boolean aws = args.remove("--aws");
        String stack = stringOption(args, "--stack", null);
        String region = stringOption(args, regionFlag, null);
        String arn = arnFlag == null ? null : stringOption(args, arnFlag, null);
        if (!aws) {
            for (String[] given : List.of(new String[] {"--stack", stack}, new String[] {regionFlag, region},
                    new String[] {arnFlag, arn})) {
                if (given[1] != null) {
                    throw new UsageException(given[0] + " goes with --aws (the local cloud knows its own)");
                }
            }
            return null;
        }
        if (stack != null && arn != null) {
            throw new UsageException(arnFlag + " stands for the stack's output: give it or --stack, not both");
        }
        if (stack != null && !stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new UsageException("--stack needs a stack name (letters, digits, hyphens), not " + stack);
        }
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new UsageException(regionFlag + " needs an AWS Region such as us-east-1, not " + region);
        }
        if (arn != null && !AwsAccount.Arns.valid(arn, service)) {
            throw new UsageException(arnFlag + " needs an ARN of " + service + " (arn:aws:" + service
                    + ":REGION:ACCOUNT:...), not " + arn);
        }
        if (arn != null && region != null && !region.equals(AwsAccount.Arns.region(arn))) {
            throw new UsageException(regionFlag + " " + region + " is not the Region of " + arnFlag + " ("
                    + AwsAccount.Arns.region(arn) + ")");
        }
        return new AwsAccount.Settings(stack == null ? StackResource.DEFAULT_STACK : stack, region, regionFlag,
                arn == null ? Map.of() : Map.of(resource, arn));
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

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
