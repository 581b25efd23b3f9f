package io.activeedge.local.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code .active-edge/local.json}: where a running {@code serve} listens, so other commands use it.
 *
 * @param motoEndpoint   the AWS endpoint (moto)
 * @param lambdaEndpoint the Lambda Invoke endpoint
 * @param stateMachines  state machine ARN by template logical id
 * @param pid            the serving JVM
 * @param motoPid        moto's process
 */
public record LocalState(String motoEndpoint, String lambdaEndpoint, Map<String, String> stateMachines, long pid, long motoPid) {

    private static final ObjectMapper JSON = Json.MAPPER;

    public static Path file(Path repoRoot) {
        return repoRoot.resolve(".active-edge").resolve("local.json");
    }

    public static LocalState of(LocalCloud cloud) {
        return new LocalState(cloud.endpoint(), cloud.lambdaEndpoint(), cloud.stateMachineArns(),
                ProcessHandle.current().pid(), cloud.motoPid());
    }

    /** The state of a serve whose endpoints answer; empty when none runs. */
    public static Optional<LocalState> running(Path repoRoot) {
        Path file = file(repoRoot);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LocalState state = JSON.readValue(file.toFile(), LocalState.class);
            return state.answers() ? Optional.of(state) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void write(Path repoRoot) throws IOException {
        Path file = file(repoRoot);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "local", ".json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes local.json if it still describes this process. */
    public static void remove(Path repoRoot, long pid) {
        Path file = file(repoRoot);
        try {
            if (Files.isRegularFile(file) && JSON.readValue(file.toFile(), LocalState.class).pid() == pid) {
                Files.delete(file);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + file + ": " + e.getMessage());
        }
    }

    private boolean answers() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return ok(http, lambdaEndpoint + "/active-edge/calls") && ok(http, motoEndpoint + "/moto-api/config");
    }

    private static boolean ok(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
