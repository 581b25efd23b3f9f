package io.activeedge.routing.healthchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.testing.FakeLambdaContext;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.JsonLogs;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EnsureHealthChecksHandlerTest {
    @Test
    void handleRequest_sampleEvent_returnsTheRegionsThreeChecks() throws IOException {
        FakeRoute53 route53 = new FakeRoute53("Z0EXAMPLE");
        EnsureHealthChecksHandler handler = new EnsureHealthChecksHandler(new HealthChecks(route53));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = SampleEvents.open("EnsureHealthChecksFunction-example.json")) {
            handler.handleRequest(in, out, null);
        }

        RegionHealthChecksResult result = Json.MAPPER.readValue(out.toByteArray(), RegionHealthChecksResult.class);
        assertEquals("us-east-1", result.region());
        assertEquals(List.of(Tags.ROLE_ENDPOINT_CHECK, Tags.ROLE_SWITCH_CHECK, Tags.ROLE_GATE_CHECK), result.created());
        assertEquals("/prod/health", route53.config(result.endpointId()).resourcePath());
        assertEquals("a1b2c3d4e5.execute-api.us-east-1.amazonaws.com",
                route53.config(result.endpointId()).fullyQualifiedDomainName());
        assertTrue(route53.config(result.gateId()).childHealthChecks().contains(result.switchId()));
    }

    /**
     * In CloudWatch Logs Insights an operator filters on {@code app} and {@code region}: each decision line carries
     * them, and the execution it belongs to, as JSON fields of its own, not as text in the message.
     */
    @Test
    void handleRequest_sampleEvent_logsEachCheckCreatedWithAppRegionAndExecutionAsJsonFields() throws IOException {
        FakeRoute53 route53 = new FakeRoute53("Z0EXAMPLE");
        EnsureHealthChecksHandler handler = new EnsureHealthChecksHandler(new HealthChecks(route53));

        List<JsonNode> created;
        try (JsonLogs logs = new JsonLogs();
             InputStream in = SampleEvents.open("EnsureHealthChecksFunction-example.json")) {
            handler.handleRequest(in, new ByteArrayOutputStream(),
                    new FakeLambdaContext("EnsureHealthChecksFunction", "request-1"));
            created = logs.withMessage("health check created");
        }

        assertThat(created).extracting(line -> line.path("role").asText())
                .containsExactly(Tags.ROLE_ENDPOINT_CHECK, Tags.ROLE_SWITCH_CHECK, Tags.ROLE_GATE_CHECK);
        assertThat(created).allSatisfy(line -> {
            assertThat(line.path("app").asText()).isEqualTo("shop");
            assertThat(line.path("region").asText()).isEqualTo("us-east-1");
            assertThat(line.path("execution").asText()).isEqualTo("example-run");
            assertThat(line.path("id").asText()).isNotBlank();
            assertThat(line.path("function_name").asText()).isEqualTo("EnsureHealthChecksFunction");
        });
        assertThat(MDC.getCopyOfContextMap()).as("nothing of this invocation stays for the next").isNullOrEmpty();
    }
}
