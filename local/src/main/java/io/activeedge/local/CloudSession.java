package io.activeedge.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
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

/** The local cloud one CLI command works with: the one {@code serve} runs, or a fresh one for this command only. */
final class CloudSession implements AutoCloseable {

    static final String FUNCTION_LOG = "functions.log";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String endpoint;
    private final String lambdaEndpoint;
    private final Map<String, String> stateMachines;
    private final LocalCloud owned;
    private final PrintStream functionLog;

    private CloudSession(String endpoint, String lambdaEndpoint, Map<String, String> stateMachines,
                         LocalCloud owned, PrintStream functionLog) {
        this.endpoint = endpoint;
        this.lambdaEndpoint = lambdaEndpoint;
        this.stateMachines = stateMachines;
        this.owned = owned;
        this.functionLog = functionLog;
    }

    static CloudSession open(Path root, PrintStream out) {
        Optional<LocalState> running = LocalState.running(root);
        if (running.isPresent()) {
            LocalState state = running.get();
            out.println("local cloud: using the one running at " + state.motoEndpoint() + " (logs in .active-edge/local.log)");
            return new CloudSession(state.motoEndpoint(), state.lambdaEndpoint(), state.stateMachines(), null, null);
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
            return new CloudSession(cloud.endpoint(), cloud.lambdaEndpoint(), cloud.stateMachineArns(), cloud, functionLog);
        } catch (RuntimeException e) {
            functionLog.close();
            throw e;
        }
    }

    /** A session on a local cloud someone else started and will close (the integration tests' shared one). */
    static CloudSession on(LocalCloud cloud) {
        return new CloudSession(cloud.endpoint(), cloud.lambdaEndpoint(), cloud.stateMachineArns(), null, null);
    }

    /** Where the functions log when the CLI runs them itself. */
    static Path functionLog(Path root) {
        return root.resolve(".active-edge").resolve(FUNCTION_LOG);
    }

    String endpoint() {
        return endpoint;
    }

    String lambdaEndpoint() {
        return lambdaEndpoint;
    }

    boolean ownsCloud() {
        return owned != null;
    }

    String stateMachineArn(String logicalId) {
        String arn = stateMachines.get(logicalId);
        if (arn == null) {
            throw new LocalCloudException("template.yaml has no " + logicalId + " (AWS::Serverless::StateMachine with a"
                    + " DefinitionUri); the local cloud has " + stateMachines.keySet());
        }
        return arn;
    }

    /** AWS API calls the functions made so far, by service. */
    Map<String, Long> calls() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(lambdaEndpoint + "/active-edge/calls"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readValue(response.body(), new TypeReference<Map<String, Long>>() { });
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

    /** Invokes a function on the Lambda endpoint. */
    HttpResponse<String> invoke(String function, byte[] event) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(lambdaEndpoint + "/2015-03-31/functions/"
                            + URLEncoder.encode(function, StandardCharsets.UTF_8) + "/invocations"))
                    .timeout(Duration.ofMinutes(15)).POST(HttpRequest.BodyPublishers.ofByteArray(event)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LocalCloudException("the Lambda endpoint did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCloudException("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
        if (functionLog != null) {
            functionLog.close();
        }
    }
}
