package io.activeedge.failover;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.activeedge.errors.InvalidInputException;
import java.time.Instant;
import io.activeedge.core.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * What reaches the failover function: a CloudWatch alarm state change, a scheduled run, an operator's command, or
 * an SQS batch of any of these ({@link #triggers}). An alarm state change comes in either of two shapes:
 * <ul>
 *   <li>EventBridge ({@code detail-type: CloudWatch Alarm State Change}): the alarm ARN in {@code resources},
 *       the alarm in {@code detail};</li>
 *   <li>an alarm action invoking Lambda directly: {@code alarmArn}, {@code accountId} and the alarm in
 *       {@code alarmData}.</li>
 * </ul>
 * Fields neither shape needs (the alarm's configuration, the previous state's details) are left unread.
 * A scheduled run is EventBridge's {@code "detail-type": "Scheduled Event"} from {@code "source": "aws.events"}
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-run-lambda-schedule.html); an SQS batch is
 * {@code {"Records": [{"body": ...}]}} (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html).
 */
public record FailoverEvent(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        String time,
        String region,
        List<String> resources,
        AlarmData detail,
        String alarmArn,
        String accountId,
        AlarmData alarmData,
        @JsonProperty("Records") List<QueuedMessage> records,
        OperatorCommand operator) {

    public static final String DETAIL_TYPE = "CloudWatch Alarm State Change";
    public static final String SCHEDULED = "Scheduled Event";
    public static final String SCHEDULER_SOURCE = "aws.events";

    /** One SQS message of a batch: its body is one of the other shapes. */
    public record QueuedMessage(String messageId, String body, String eventSource) {
    }

    /** What this event asks for: several for an SQS batch, else one. */
    public List<Trigger> triggers() {
        if (records != null) {
            List<Trigger> triggers = new ArrayList<>();
            for (QueuedMessage message : records) {
                try {
                    triggers.addAll(Json.MAPPER.readValue(message.body(), FailoverEvent.class).triggers());
                } catch (IOException | RuntimeException e) {
                    triggers.add(new Trigger.Unreadable(message.messageId(), e.getMessage()));
                }
            }
            return triggers;
        }
        if (operator != null) {
            return List.of(new Trigger.Operator(operator));
        }
        if (SCHEDULED.equals(detailType) && SCHEDULER_SOURCE.equals(source)) {
            return List.of(new Trigger.Scheduled(time == null ? null : CloudWatchTime.parse("time", time)));
        }
        return List.of(new Trigger.AlarmChanged(change()));
    }

    /** The alarm part, the same in both shapes. */
    public record AlarmData(String alarmName, AlarmState state, AlarmState previousState) {
    }

    /** {@code value} is OK, ALARM or INSUFFICIENT_DATA; {@code timestamp} is when the alarm entered it. */
    public record AlarmState(String value, String reason, String timestamp) {
    }

    /** The one shape the decision reads. */
    public AlarmChange change() {
        boolean direct = alarmData != null;
        AlarmData data = direct ? alarmData : detail;
        String prefix = direct ? "alarmData" : "detail";
        if (data == null || data.alarmName() == null || data.state() == null || data.state().value() == null) {
            throw new InvalidInputException(prefix, "not a CloudWatch alarm state change: expected an EventBridge \""
                    + DETAIL_TYPE + "\" event or the event of an alarm action that invokes Lambda");
        }
        String arn = direct ? alarmArn : alarmArnOf(resources);
        String where = region != null ? region : regionOf(arn);
        if (where == null) {
            throw new InvalidInputException("region", "the event names no Region for alarm " + data.alarmName());
        }
        if (arn == null) {
            String owner = direct ? accountId : account;
            if (owner == null) {
                throw new InvalidInputException(direct ? "alarmArn" : "resources",
                        "the event names neither the alarm's ARN nor its account");
            }
            arn = "arn:" + partitionOf(where) + ":cloudwatch:" + where + ":" + owner + ":alarm:" + data.alarmName();
        }
        Instant at = data.state().timestamp() != null
                ? CloudWatchTime.parse(prefix + ".state.timestamp", data.state().timestamp())
                : time != null ? CloudWatchTime.parse("time", time) : null;
        if (at == null) {
            throw new InvalidInputException(prefix + ".state.timestamp",
                    "the event says not when alarm " + data.alarmName() + " changed state");
        }
        return new AlarmChange(arn, data.alarmName(), where, data.state().value(), at);
    }

    private static String alarmArnOf(List<String> resources) {
        if (resources == null) {
            return null;
        }
        return resources.stream().filter(r -> r != null && r.startsWith("arn:") && r.contains(":alarm:"))
                .findFirst().orElse(null);
    }

    /** arn:partition:cloudwatch:region:account:alarm:name. */
    private static String regionOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[3].isEmpty() ? parts[3] : null;
    }

    private static String partitionOf(String region) {
        RegionMetadata metadata = RegionMetadata.of(Region.of(region));
        return metadata == null ? "aws" : metadata.partition().id();
    }
}
