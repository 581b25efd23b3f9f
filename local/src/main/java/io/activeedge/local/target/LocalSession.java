package io.activeedge.local.target;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.LocalCloud;
import io.activeedge.local.localcloud.LocalCloudException;
import io.activeedge.local.localcloud.LocalState;
import io.activeedge.local.localcloud.StandIns;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The local cloud one CLI command works with: the one {@code serve} runs, or a fresh one for this command only. */
public final class LocalSession implements Cloud {

    static final String FUNCTION_LOG = "functions.log";
    /** Certificate and distribution polls when the input sets no timing: the emulator answers at once. */
    static final int LOCAL_POLL_SECONDS = 1;
    /** With 1 s polls, deadlines this short keep a run well inside Step Functions' 25,000 history events. */
    static final int LOCAL_TIMEOUT_MINUTES = 5;

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration POLL = Duration.ofMillis(300);

    private final String endpoint;
    private final String lambdaEndpoint;
    private final Map<String, String> stateMachines;
    private final LocalCloud owned;
    private final PrintStream functionLog;
    private final String logs;
    private final ClientCache clients = new ClientCache();

    private LocalSession(String endpoint, String lambdaEndpoint, Map<String, String> stateMachines,
                         LocalCloud owned, PrintStream functionLog, String logs) {
        this.endpoint = endpoint;
        this.lambdaEndpoint = lambdaEndpoint;
        this.stateMachines = stateMachines;
        this.owned = owned;
        this.functionLog = functionLog;
        this.logs = logs;
    }

    public static LocalSession open(Path root, PrintStream out) {
        Optional<LocalState> running = LocalState.running(root);
        if (running.isPresent()) {
            LocalState state = running.get();
            out.println("local cloud: using the one running at " + state.motoEndpoint() + " (logs in .active-edge/local.log)");
            return new LocalSession(state.motoEndpoint(), state.lambdaEndpoint(), state.stateMachines(), null, null,
                    ".active-edge/local.log");
        }
        Path dir = root.resolve(".active-edge");
        Path log = functionLog(root);
        PrintStream functionLog;
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(log);
            functionLog = new PrintStream(new FileOutputStream(log.toFile(), true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LocalCloudException("cannot write " + log + ": " + e.getMessage(), e);
        }
        out.println("local cloud: starting one for this command (./active-edge up keeps one running)");
        try {
            LocalCloud cloud = LocalCloud.start(root, 0, dir, functionLog);
            out.println("local cloud: moto on " + cloud.endpoint() + "; function logs in " + root.relativize(log));
            return new LocalSession(cloud.endpoint(), cloud.lambdaEndpoint(), cloud.stateMachineArns(), cloud,
                    functionLog, root.relativize(log).toString());
        } catch (RuntimeException e) {
            functionLog.close();
            throw e;
        }
    }

    /** A session on a local cloud someone else started and will close (the integration tests' shared one). */
    public static LocalSession on(LocalCloud cloud) {
        return new LocalSession(cloud.endpoint(), cloud.lambdaEndpoint(), cloud.stateMachineArns(), null, null,
                "the test's output");
    }

    /** Where the functions log when the CLI runs them itself. */
    public static Path functionLog(Path root) {
        return root.resolve(".active-edge").resolve(FUNCTION_LOG);
    }

    public String endpoint() {
        return endpoint;
    }

    public String lambdaEndpoint() {
        return lambdaEndpoint;
    }

    @Override
    public SfnClient sfn() {
        return clients.get("sfn", SfnClient.class, () -> LocalClients.sfn(endpoint));
    }

    @Override
    public Route53Client route53() {
        return clients.get("route53", Route53Client.class, () -> LocalClients.route53(endpoint));
    }

    @Override
    public CloudWatchClient cloudWatch(String region) {
        return clients.get("cloudwatch " + region, CloudWatchClient.class, () -> LocalClients.cloudWatch(endpoint, region));
    }

    @Override
    public LambdaClient lambda() {
        return clients.get("lambda", LambdaClient.class, () -> LocalClients.lambda(lambdaEndpoint));
    }

    /** ACM in {@code region}; the drill reads what is left of an application with it. */
    public AcmClient acm(String region) {
        return clients.get("acm " + region, AcmClient.class, () -> LocalClients.acm(endpoint, region));
    }

    /** API Gateway in {@code region}, for reading (the local clients send no PATCH). */
    public ApiGatewayClient apiGateway(String region) {
        return clients.get("apigateway " + region, ApiGatewayClient.class, () -> LocalClients.apiGateway(endpoint, region));
    }

    public CloudFrontClient cloudFront() {
        return clients.get("cloudfront", CloudFrontClient.class, () -> LocalClients.cloudFront(endpoint));
    }

    /** State machines by the template's logical id; functions by their logical id, which the Lambda endpoint knows. */
    @Override
    public String arn(StackResource resource) {
        if (resource == StackResource.FAILOVER_FUNCTION) {
            return resource.logicalId();
        }
        String arn = stateMachines.get(resource.logicalId());
        if (arn == null) {
            throw new LocalCloudException("template.yaml has no " + resource.logicalId() + " (AWS::Serverless::StateMachine"
                    + " with a DefinitionUri); the local cloud has " + stateMachines.keySet());
        }
        return arn;
    }

    /** Short polls when the input sets no timing, and stand-ins for the APIs and alarms a provisioning input names. */
    @Override
    public ObjectNode prepare(Workflow workflow, ObjectNode input, PrintStream out) {
        ObjectNode run = input.deepCopy();
        if (!run.has("timing")) {
            // Polls this short fit Step Functions' execution history only with short deadlines too.
            run.putObject("timing").put("certificatePollSeconds", LOCAL_POLL_SECONDS)
                    .put("certificateTimeoutMinutes", LOCAL_TIMEOUT_MINUTES)
                    .put("distributionPollSeconds", LOCAL_POLL_SECONDS)
                    .put("distributionTimeoutMinutes", LOCAL_TIMEOUT_MINUTES);
            out.println("local cloud: polling certificates and the distribution every " + LOCAL_POLL_SECONDS
                    + "s for up to " + LOCAL_TIMEOUT_MINUTES + " minutes (the input sets no timing)");
        }
        if (workflow.needsStandIns()) {
            new StandIns(endpoint, out).ensure(run);
        }
        return run;
    }

    /** AWS API calls the functions made so far, by service. */
    @Override
    public Optional<Map<String, Long>> calls() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(lambdaEndpoint + "/active-edge/calls"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(JSON.readValue(response.body(), new TypeReference<Map<String, Long>>() { }));
        } catch (IOException e) {
            throw new LocalCloudException("the Lambda endpoint did not answer /active-edge/calls: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCloudException("interrupted", e);
        }
    }

    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> made = new HashMap<>();
        after.forEach((service, count) -> {
            long delta = count - before.getOrDefault(service, 0L);
            if (delta > 0) {
                made.put(service, delta);
            }
        });
        return made;
    }

    @Override
    public Duration poll() {
        return POLL;
    }

    /** An execution left running would keep changing the emulator under the next command: stop it. */
    @Override
    public String stopWaiting(String executionArn) {
        sfn().stopExecution(r -> r.executionArn(executionArn).error("LocalTimeout").cause("the CLI stopped waiting"));
        return "stopped it; raise --timeout to wait longer";
    }

    @Override
    public String logs() {
        return logs;
    }

    @Override
    public void close() {
        try {
            clients.close();
        } finally {
            if (owned != null) {
                owned.close();
            }
            if (functionLog != null) {
                functionLog.close();
            }
        }
    }
}
