package io.activeedge.local.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The local cloud's own knobs, at {@code /active-edge/} on the emulator (control_endpoint.py): what an endpoint
 * health check reports, and the injected faults.
 */
public final class EmulatorControl {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * A health check's status by Route 53's rules.
     *
     * @param told   what the local cloud was told about this endpoint check (null: nothing, so healthy)
     * @param status healthy or unhealthy
     */
    public record Health(String healthCheckId, String type, String told, String status) {
        public boolean healthy() {
            return "healthy".equals(status);
        }
    }

    private final String endpoint;

    /** @param endpoint the emulator, e.g. http://127.0.0.1:5000 */
    public EmulatorControl(String endpoint) {
        this.endpoint = endpoint;
    }

    /** From now on Route 53 reports the endpoint check {@code healthCheckId} healthy or not. */
    public Health setEndpointHealth(String healthCheckId, boolean healthy) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("healthCheckId", healthCheckId)
                .put("status", healthy ? "healthy" : "unhealthy");
        return health(send(HttpRequest.newBuilder(uri("health")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    }

    /** {@link #setEndpointHealth(String, boolean)} for the endpoint check of {@code app} in {@code region}. */
    public Health setEndpointHealth(Route53Client route53, String app, String region, boolean healthy) {
        RegionHealthChecksResult checks = new HealthCheckLookup(route53).of(app).get(region);
        if (checks == null || checks.endpointId() == null) {
            throw new LocalCloudException("app " + app + " has no endpoint health check in " + region
                    + ": provision it first (./active-edge provision FILE)");
        }
        return setEndpointHealth(checks.endpointId(), healthy);
    }

    /** Any check's status by Route 53's rules, calculated checks included (which GetHealthCheckStatus refuses). */
    public Health health(String healthCheckId) {
        return health(send(HttpRequest.newBuilder(URI.create(uri("health") + "?healthCheckId="
                + URLEncoder.encode(healthCheckId, StandardCharsets.UTF_8))).GET()));
    }

    /** The fault rate, the seed, and the faults injected so far ({"rate", "seed", "injected", "total", "afterEffect"}). */
    public JsonNode faults() {
        return send(HttpRequest.newBuilder(uri("faults")).GET());
    }

    /** From now on {@code rate} of the functions' calls fail, the ones {@code seed} picks; the counts start again. */
    public JsonNode setFaults(double rate, long seed) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("rate", rate).put("seed", seed);
        return send(HttpRequest.newBuilder(uri("faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private URI uri(String path) {
        return URI.create(endpoint + "/active-edge/" + path);
    }

    private static Health health(JsonNode node) {
        return new Health(node.path("healthCheckId").asText(), node.path("type").asText(),
                node.path("told").isNull() ? null : node.path("told").asText(), node.path("status").asText());
    }

    private static JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new LocalCloudException("the local cloud refused " + request.build().uri().getPath() + ": "
                        + body.path("message").asText(response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new LocalCloudException("the local cloud did not answer /active-edge/: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCloudException("interrupted", e);
        }
    }
}
