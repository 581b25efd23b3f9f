package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.local.drill.LocalOperations;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.LocalSession;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Inputs for applications of the integration tests, and provisioning them on a local cloud. */
final class TestApps {
    private static final ObjectMapper JSON = Json.MAPPER;

    private TestApps() {
    }

    /** {@link #input(String, String, List)} in the app's own zone, {@code app}.example.net. */
    static ObjectNode input(String app, List<String> regions) {
        return input(app, app + ".example.net", regions);
    }

    /**
     * An input for {@code app} in {@code zone} with one alarm per Region, the Regions alternating API Gateway and
     * ready alias targets.
     */
    static ObjectNode input(String app, String zone, List<String> regions) {
        ObjectNode input = JSON.createObjectNode();
        input.put("app", app).put("zone", zone);
        input.putArray("aliases").add(zone).add("www." + zone);
        input.put("originDomain", "api." + zone);
        ArrayNode list = input.putArray("regions");
        for (int i = 0; i < regions.size(); i++) {
            ObjectNode region = list.addObject().put("region", regions.get(i));
            ObjectNode origin = region.putObject("origin");
            if (i % 2 == 0) {
                origin.putObject("apiGateway").put("apiId", (app.replace("-", "") + "0000000000").substring(0, 9) + i)
                        .put("stage", "live");
            } else {
                origin.put("dnsName", "origin-" + i + "." + regions.get(i) + ".elb.amazonaws.com")
                        .put("hostedZoneId", "Z35SXDOTRQ7X7K");
            }
            region.putArray("alarms").add(app + "-" + regions.get(i) + "-5xx");
        }
        input.putObject("healthCheck").put("path", "/status");
        return input;
    }

    /** How long a workflow of the tests may take on the local cloud. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    /** Runs the provision workflow on {@code cloud} (a local one: stand-ins and short polls) and expects success. */
    static void provision(Cloud cloud, ObjectNode input) {
        WorkflowRun.Result result = run(cloud, Workflow.PROVISION, input);
        assertTrue(result.succeeded(), result.error() + ": " + result.cause());
    }

    /** Runs {@code workflow} on {@code cloud} with {@code input}, printing its progress; its result, whatever it is. */
    static WorkflowRun.Result run(Cloud cloud, Workflow workflow, ObjectNode input) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            WorkflowRun.Result result = new WorkflowRun(cloud, out).run(workflow, input, "test input", TIMEOUT);
            System.out.print(progress.toString(StandardCharsets.UTF_8));
            return result;
        }
    }

    /** What is still tagged for the input's application on {@code session}'s cloud, as the drill's last step reads it. */
    static List<String> leftovers(LocalSession session, ObjectNode input) {
        List<String> regions = new ArrayList<>();
        input.path("regions").forEach(r -> regions.add(r.path("region").asText()));
        List<String> aliases = new ArrayList<>();
        input.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new LocalOperations(session, TIMEOUT, "test input")
                .leftovers(input.path("app").asText(), input.path("zone").asText(), aliases, regions);
    }
}
