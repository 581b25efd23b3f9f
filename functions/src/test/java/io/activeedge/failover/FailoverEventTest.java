package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Json;
import io.activeedge.errors.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailoverEventTest {
    static final String EVENTBRIDGE = """
            {
              "version": "0", "id": "c4c1c1c9-6542-e61b-6ef0-8c4d36933a92",
              "detail-type": "CloudWatch Alarm State Change", "source": "aws.cloudwatch",
              "account": "123456789012", "time": "2026-11-24T01:02:04Z", "region": "us-east-1",
              "resources": ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-us-east-1-5xx"],
              "detail": {
                "alarmName": "shop-us-east-1-5xx",
                "state": {"value": "%s", "reason": "Threshold Crossed", "timestamp": "%s"},
                "previousState": {"value": "OK", "reason": "Threshold Crossed", "timestamp": "2026-11-24T00:02:03.456+0000"},
                "configuration": {"description": "5xx of shop", "metrics": []}
              }
            }
            """;
    static final String DIRECT = """
            {
              "source": "aws.cloudwatch",
              "alarmArn": "arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-us-east-1-5xx",
              "accountId": "123456789012", "time": "2026-11-24T01:02:04.000+0000", "region": "us-east-1",
              "alarmData": {
                "alarmName": "shop-us-east-1-5xx",
                "state": {"value": "%s", "reason": "Threshold Crossed", "timestamp": "%s"},
                "previousState": {"value": "OK", "reason": "Threshold Crossed", "timestamp": "2026-11-24T00:02:03.456+0000"},
                "configuration": {"description": "5xx of shop", "metrics": []}
              }
            }
            """;

    static FailoverEvent read(String template, String state, String timestamp) throws Exception {
        return Json.MAPPER.readValue(template.formatted(state, timestamp), FailoverEvent.class);
    }

    @Test
    void change_eventBridgeShape_readsAlarmRegionStateAndTime() throws Exception {
        FailoverEvent event = read(EVENTBRIDGE, "ALARM", "2026-11-24T01:02:03.456+0000");

        assertThat(event.detailType()).isEqualTo(FailoverEvent.DETAIL_TYPE);
        assertThat(event.change()).isEqualTo(new AlarmChange(
                "arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-us-east-1-5xx", "shop-us-east-1-5xx",
                "us-east-1", "ALARM", Instant.parse("2026-11-24T01:02:03.456Z")));
    }

    @Test
    void change_directInvokeShape_readsTheSameChange() throws Exception {
        FailoverEvent direct = read(DIRECT, "ALARM", "2026-11-24T01:02:03.456+0000");

        assertThat(direct.change()).isEqualTo(read(EVENTBRIDGE, "ALARM", "2026-11-24T01:02:03.456+0000").change());
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-24T01:02:03.456+0000, 2026-11-24T01:02:03.456Z",
            "2026-11-24T01:02:03.456+00:00, 2026-11-24T01:02:03.456Z",
            "2026-11-24T01:02:03.456Z, 2026-11-24T01:02:03.456Z",
            "2026-11-24T01:02:03Z, 2026-11-24T01:02:03Z",
            "2026-11-24T01:02:03.456789+0000, 2026-11-24T01:02:03.456789Z",
            "2026-11-24T03:02:03.456+0200, 2026-11-24T01:02:03.456Z",
            "2026-11-24T01:02:03.456, 2026-11-24T01:02:03.456Z",
            "2026-11-24T01:02:03.456+00, 2026-11-24T01:02:03.456Z"})
    void change_timestampSpellings_allReadAsTheSameInstant(String timestamp, String expected) throws Exception {
        assertThat(read(EVENTBRIDGE, "OK", timestamp).change().stateTimestamp()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void change_unreadableTimestamp_namesTheField() throws Exception {
        FailoverEvent event = read(DIRECT, "OK", "yesterday");

        assertThatThrownBy(event::change).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("alarmData.state.timestamp: \"yesterday\"");
    }

    @Test
    void change_noRegionField_takesItFromTheArn() throws Exception {
        FailoverEvent event = Json.MAPPER.readValue("""
                {"alarmArn": "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:a",
                 "alarmData": {"alarmName": "a", "state": {"value": "OK", "timestamp": "2026-11-24T01:02:03.456+0000"}}}
                """, FailoverEvent.class);

        assertThat(event.change().region()).isEqualTo("eu-west-1");
    }

    @Test
    void change_notAnAlarmEvent_isInvalidInput() throws Exception {
        FailoverEvent event = Json.MAPPER.readValue("""
                {"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification", "detail": {}}
                """, FailoverEvent.class);

        assertThatThrownBy(event::change).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a CloudWatch alarm state change");
    }

    @Test
    void triggers_sampleEventsOfEveryKind_readAsTheirKind() throws Exception {
        assertThat(Json.MAPPER.readValue(io.activeedge.testing.SampleEvents.open("FailoverFunction-scheduled.json"),
                FailoverEvent.class).triggers()).singleElement().isInstanceOf(Trigger.Scheduled.class);
        assertThat(Json.MAPPER.readValue(io.activeedge.testing.SampleEvents.open("FailoverFunction-hold.json"),
                FailoverEvent.class).triggers()).singleElement().isInstanceOfSatisfying(Trigger.Operator.class,
                        o -> assertThat(o.command().hold()).isTrue());
        assertThat(Json.MAPPER.readValue(io.activeedge.testing.SampleEvents.open("FailoverFunction-release.json"),
                FailoverEvent.class).triggers()).singleElement().isInstanceOfSatisfying(Trigger.Operator.class,
                        o -> assertThat(o.command().action()).isEqualTo(OperatorCommand.RELEASE));
        assertThat(Json.MAPPER.readValue(io.activeedge.testing.SampleEvents.open(
                "FailoverFunction-alarm-eventbridge.json"), FailoverEvent.class).triggers()).singleElement()
                .isInstanceOf(Trigger.AlarmChanged.class);
    }
}
