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
}
