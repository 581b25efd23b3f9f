package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /** Runs the provision workflow on {@code cloud} (a local one: stand-ins and short polls) and expects success. */
    static void provision(Cloud cloud, ObjectNode input) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            WorkflowRun.Result result = new WorkflowRun(cloud, out)
                    .run(Workflow.PROVISION, input, "test input", Duration.ofMinutes(3));
            System.out.print(progress.toString(StandardCharsets.UTF_8));
            assertTrue(result.succeeded(), result.error() + ": " + result.cause());
        }
    }
}
