package io.activeedge.local.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverEvent;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.LocalCloudException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class AlarmDrillTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Instant AT = Instant.parse("2026-11-24T01:02:03.456789Z");
    private static final AlarmDrill.Alarm ALARM = new AlarmDrill.Alarm("shop-us-east-1-5xx",
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-us-east-1-5xx", "us-east-1", "123456789012",
            MetricAlarm.builder().alarmName("shop-us-east-1-5xx").namespace("AWS/ApiGateway").metricName("5XXError")
                    .statistic("Sum").period(60).stateValue(StateValue.OK).stateReason("fine")
                    .stateUpdatedTimestamp(Instant.parse("2026-11-23T22:41:00.123Z")).build());

    @Test
    void event_alarm_hasTheShapeEventBridgeDelivers() throws IOException {
        JsonNode event = event(AlarmChange.ALARM);
        JsonNode sample = JSON.readTree(ROOT.resolve("events/FailoverFunction-alarm-eventbridge.json").toFile());

        assertEquals(fields(sample), fields(event));
        assertEquals(fields(sample.get("detail")), fields(event.get("detail")));
        assertEquals("2026-11-24T01:02:03.456+0000", event.at("/detail/state/timestamp").asText());
        assertEquals("2026-11-24T01:02:03Z", event.get("time").asText());
        assertEquals("OK", event.at("/detail/previousState/value").asText());
        assertEquals("2026-11-23T22:41:00.123+0000", event.at("/detail/previousState/timestamp").asText());
        assertEquals("5XXError", event.at("/detail/configuration/metrics/0/metricStat/metric/name").asText());
    }

    @Test
    void event_readByTheFailoverFunction_isThatAlarmsChange() throws IOException {
        AlarmChange change = Json.MAPPER.treeToValue(event(AlarmChange.OK), FailoverEvent.class).change();

        assertEquals(new AlarmChange(ALARM.arn(), ALARM.name(), "us-east-1", "OK",
                Instant.parse("2026-11-24T01:02:03.456Z")), change);
    }

    @Test
    void send_functionError_throwsWithItsMessage() {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch("http://127.0.0.1:9", "us-east-1")) {
            AlarmDrill drill = new AlarmDrill(cloudWatch, bytes -> {
                throw new LocalCloudException("the Lambda endpoint did not answer: refused");
            }, Clock.systemUTC());

            LocalCloudException e = assertThrows(LocalCloudException.class, () -> drill.send(JSON.createObjectNode()));
            assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        }
    }

    @Test
    void applied_changeIgnoredAsARepeatWithTheRegionAsWanted_countsAsApplied() {
        assertTrue(outcome(AlarmChange.ALARM, "IGNORED", "drained").applied(), "EventBridge delivered it first");
        assertTrue(outcome(AlarmChange.OK, "RESTORED", "serving").applied());
        assertFalse(outcome(AlarmChange.ALARM, "IGNORED", "serving").applied(), "ignored and still serving");
        assertFalse(outcome(AlarmChange.ALARM, "REFUSED", "serving").applied());
    }

    private static AlarmDrill.Outcome outcome(String state, String action, String after) {
        return new AlarmDrill.Outcome(ALARM, state, JSON.createObjectNode(),
                new FailoverDecision(ALARM.name(), "shop", "us-east-1", "h2", "serving", after, action, "because"));
    }

    private static JsonNode event(String state) {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch("http://127.0.0.1:9", "us-east-1")) {
            return new AlarmDrill(cloudWatch, bytes -> null, Clock.systemUTC())
                    .event(ALARM, state, "drill", AT);
        }
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
