package io.activeedge.failover;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.activeedge.core.Json;
import io.activeedge.errors.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;

/**
 * Puts an alarm action's event into the failover function's FIFO queue, where EventBridge puts the alarm state
 * changes too, so that every event reaches the failover function through one message group: one batch at a time.
 * An alarm action can invoke a Lambda function but not send to a queue
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions), hence
 * this small function in between.
 */
public final class AlarmActionIntake {
    /**
     * The one message group of the failover queue; template.yaml's EventBridge target names the same one.
     * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/using-messagegroupid-property.html:
     * "Messages within the same message group are always processed one at a time, in strict order".
     */
    public static final String MESSAGE_GROUP = "active-edge-failover";

    private static final Logger LOG = LoggerFactory.getLogger(AlarmActionIntake.class);

    private final SqsClient sqs;
    private final String queueUrl;

    /** @param queueUrl the failover queue (template.yaml: FAILOVER_QUEUE_URL) */
    public AlarmActionIntake(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Checks the event and sends it to the queue as it came; nothing is sent when the event is not an alarm action. */
    public QueuedAlarmAction enqueue(AlarmAction action) {
        AlarmAction.AlarmData data = action.alarmData();
        if (action.alarmArn() == null || action.alarmArn().isBlank()) {
            throw new InvalidInputException("alarmArn", "not a CloudWatch alarm action's event: no alarm ARN");
        }
        if (data == null || data.state() == null || data.state().value() == null || data.state().timestamp() == null) {
            throw new InvalidInputException("alarmData.state", "the alarm action's event for " + action.alarmArn()
                    + " names no state with a timestamp");
        }
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalStateException("FAILOVER_QUEUE_URL is not set: the function has no queue to send to");
        }
        String deduplicationId = deduplicationId(action.alarmArn(), data.state().value(), data.state().timestamp());
        String body = body(action);
        // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html: MessageGroupId is
        // required for FIFO queues; a MessageDeduplicationId sent explicitly overrides the content-based one, and a
        // message with an id already sent in the last 5 minutes is accepted but not delivered again.
        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(queueUrl).messageGroupId(MESSAGE_GROUP)
                .messageDeduplicationId(deduplicationId).messageBody(body));
        LOG.info("queued an alarm action for the failover function", entry("alarm", data.alarmName()),
                entry("state", data.state().value()), entry("stateTimestamp", data.state().timestamp()),
                entry("messageId", sent.messageId()));
        return new QueuedAlarmAction(action.alarmArn(), data.state().value(), sent.messageId(), sent.sequenceNumber(),
                deduplicationId);
    }

    /**
     * One id per state change of one alarm: the SHA-256 of the alarm's ARN, the state and when the alarm entered it,
     * in hex (64 characters; the API allows 128 of alphanumerics and punctuation).
     */
    static String deduplicationId(String alarmArn, String state, String stateTimestamp) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((alarmArn + "\n" + state + "\n" + stateTimestamp)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    private static String body(AlarmAction action) {
        try {
            return Json.MAPPER.writeValueAsString(action);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the alarm action of " + action.alarmArn() + " as JSON", e);
        }
    }
}
