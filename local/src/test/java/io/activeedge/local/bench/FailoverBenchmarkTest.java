package io.activeedge.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailoverBenchmarkTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = Json.MAPPER;

    @Test
    void alarmEvent_okState_setsStateTimestampAndPreviousState() throws IOException {
        ObjectNode template = (ObjectNode) JSON.readTree(ROOT.resolve(FailoverBenchmark.ALARM_EVENT).toFile());

        JsonNode event = JSON.readTree(FailoverBenchmark.alarmEvent(template, "OK",
                Instant.parse("2026-11-25T10:11:12.345Z")));

        assertEquals("OK", event.at("/alarmData/state/value").asText());
        assertEquals("2026-11-25T10:11:12.345+0000", event.at("/alarmData/state/timestamp").asText());
        assertEquals("ALARM", event.at("/alarmData/previousState/value").asText());
        assertEquals(template.path("alarmArn"), event.path("alarmArn"));
        assertEquals("ALARM", template.at("/alarmData/state/value").asText(), "the template is left as it was");
    }

    @Test
    void decisionsAction_listOfDecisions_readsTheOneForTheRegion() {
        String output = "{\"decisions\":[{\"region\":\"us-west-2\",\"action\":\"UNCHANGED\"},"
                + "{\"region\":\"us-east-1\",\"action\":\"DRAINED\"}]}";

        assertEquals("DRAINED", Decisions.action(output, "us-east-1"));
    }

    @Test
    void decisionsAction_singleDecisionObject_readsItsAction() {
        assertEquals("RESTORED", Decisions.action("{\"region\":\"us-east-1\",\"action\":\"RESTORED\"}", "us-east-1"));
    }

    @Test
    void coldRatio_sameCallsOnBothSides_isTheQuotientOfTheMedians() {
        ProbeRun decision = run(java.util.List.of(130_000_000L), java.util.Map.of("Route53", 6L, "CloudWatch", 2L));
        ProbeRun slower = run(java.util.List.of(170_000_000L), java.util.Map.of("Route53", 6L, "CloudWatch", 2L));
        ProbeRun bare = run(java.util.List.of(100_000_000L), java.util.Map.of("Route53", 8L));

        ColdRatio ratio = ColdRatio.of(java.util.List.of(decision, slower, decision), java.util.List.of(bare, bare, bare), 1.3);

        assertEquals(8, ratio.calls());
        assertEquals(1.3, ratio.ratio(), 1e-9);
        assertEquals(true, ratio.within());
        assertEquals(false, ColdRatio.of(java.util.List.of(slower), java.util.List.of(bare), 1.3).within());
    }

    private static ProbeRun run(java.util.List<Long> eventNanos, java.util.Map<String, Long> calls) {
        return new ProbeRun(0, 1, new ProbeResult("p", 0, 0, 0, 0, 0, 0, 0, eventNanos, java.util.List.of("X"),
                java.util.List.of(calls)));
    }
}
