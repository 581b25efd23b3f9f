package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.testing.FakeSqs;
import io.activeedge.testing.Lambda;
import io.activeedge.testing.SampleEvents;
import org.junit.jupiter.api.Test;

/** The alarm-action intake against an in-memory FIFO queue (FakeSqs): what reaches the failover function. */
class AlarmActionHandlerTest {
    private final FakeSqs sqs = new FakeSqs();
    private final AlarmActionHandler handler = new AlarmActionHandler(new AlarmActionIntake(sqs, FakeSqs.QUEUE_URL));

    @Test
    void handle_alarmActionEvent_queuesItInTheFailoverGroupAsItCame() throws Exception {
        byte[] event = SampleEvents.example("AlarmActionFunction");

        QueuedAlarmAction queued = Lambda.invoke(handler, event, QueuedAlarmAction.class);

        assertThat(sqs.queued).singleElement().satisfies(message -> {
            assertThat(message.groupId()).isEqualTo(AlarmActionIntake.MESSAGE_GROUP);
            // The failover function reads the same event shape it would get from the alarm action itself.
            assertThat(Json.MAPPER.readTree(message.body())).isEqualTo(Json.MAPPER.readTree(event));
        });
        assertThat(queued.messageId()).isEqualTo(sqs.queued.get(0).id());
        assertThat(queued.state()).isEqualTo("ALARM");
        assertThat(queued.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-us-east-1-5xx");
    }

    @Test
    void handle_sameStateChangeDeliveredTwice_queuesOneMessage() throws Exception {
        byte[] event = SampleEvents.example("AlarmActionFunction");

        QueuedAlarmAction first = Lambda.invoke(handler, event, QueuedAlarmAction.class);
        QueuedAlarmAction again = Lambda.invoke(handler, event, QueuedAlarmAction.class);

        assertThat(sqs.queued).hasSize(1);
        assertThat(again.messageId()).isEqualTo(first.messageId());
    }

    @Test
    void handle_laterStateChangeOfTheSameAlarm_queuesASecondMessage() throws Exception {
        ObjectNode event = (ObjectNode) Json.MAPPER.readTree(SampleEvents.example("AlarmActionFunction"));
        Lambda.invoke(handler, Json.MAPPER.writeValueAsBytes(event), QueuedAlarmAction.class);
        ObjectNode state = (ObjectNode) event.at("/alarmData/state");
        state.put("value", "OK").put("timestamp", "2026-11-24T01:09:03.456+0000");

        Lambda.invoke(handler, Json.MAPPER.writeValueAsBytes(event), QueuedAlarmAction.class);

        assertThat(sqs.queued).extracting(m -> Json.MAPPER.readTree(m.body()).at("/alarmData/state/value").asText())
                .containsExactly("ALARM", "OK");
        assertThat(sqs.queued).extracting(FakeSqs.Message::deduplicationId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).hasSizeLessThanOrEqualTo(128).matches("[0-9a-f]+"));
    }

    @Test
    void handle_eventWithoutAlarmState_refusedByNameAndNothingQueued() throws Exception {
        JsonNode event = Json.MAPPER.readTree("{\"alarmArn\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:a\","
                + "\"alarmData\":{\"alarmName\":\"a\"}}");

        assertThatThrownBy(() -> Lambda.invoke(handler, Json.MAPPER.writeValueAsBytes(event), QueuedAlarmAction.class))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("alarmData.state"));
        assertThat(sqs.sent).isEmpty();
    }

    @Test
    void handle_noQueueConfigured_failsSayingWhichVariableIsMissing() throws Exception {
        AlarmActionHandler unconfigured = new AlarmActionHandler(new AlarmActionIntake(sqs, null));

        assertThatThrownBy(() -> Lambda.invoke(unconfigured, SampleEvents.example("AlarmActionFunction"),
                QueuedAlarmAction.class)).hasMessageContaining(AlarmActionHandler.QUEUE_URL_VARIABLE);
        assertThat(sqs.sent).isEmpty();
    }
}
