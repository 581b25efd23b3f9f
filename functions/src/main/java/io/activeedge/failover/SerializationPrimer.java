package io.activeedge.failover;

import io.activeedge.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The failover function's serialization path, run once without any AWS call so that SnapStart's snapshot holds it
 * warm ({@link FailoverPriming}): every event shape the function reads is parsed into its triggers, and a result is
 * written as the function writes it.
 */
final class SerializationPrimer {
    private static final String ALARM = """
            {"version": "0", "id": "0", "detail-type": "CloudWatch Alarm State Change", "source": "aws.cloudwatch",
             "account": "000000000000", "time": "2026-01-01T00:00:00Z", "region": "us-east-1",
             "resources": ["arn:aws:cloudwatch:us-east-1:000000000000:alarm:primer"],
             "detail": {"alarmName": "primer", "state": {"value": "ALARM", "timestamp": "2026-01-01T00:00:00.000+0000"}}}
            """;
    private static final String ACTION = """
            {"source": "aws.cloudwatch", "alarmArn": "arn:aws:cloudwatch:us-east-1:000000000000:alarm:primer",
             "accountId": "000000000000", "region": "us-east-1",
             "alarmData": {"alarmName": "primer", "state": {"value": "OK", "timestamp": "2026-01-01T00:00:00.000+0000"}}}
            """;
    private static final String SCHEDULED = """
            {"detail-type": "Scheduled Event", "source": "aws.events", "time": "2026-01-01T00:00:00Z", "detail": {}}
            """;
    private static final String OPERATOR = """
            {"operator": {"action": "hold", "app": "primer", "region": "us-east-1", "reason": "primer"}}
            """;

    private SerializationPrimer() {
    }

    /** Parses each shape, one of them inside an SQS batch, and writes a result; returns the triggers read. */
    static int run() {
        try {
            String batch = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().set("Records",
                    Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("messageId", "0")
                            .put("eventSource", "aws:sqs").put("body", ALARM))));
            int triggers = 0;
            for (String event : List.of(ALARM, ACTION, SCHEDULED, OPERATOR, batch)) {
                triggers += Json.MAPPER.readValue(event, FailoverEvent.class).triggers().size();
            }
            Json.RESULTS.writeValueAsBytes(new FailoverResult(List.of(new FailoverDecision("primer", "primer",
                    "us-east-1", "0", FailoverDecision.SERVING, FailoverDecision.DRAINED,
                    FailoverDecision.Action.DRAINED.name(), "primer"))));
            return triggers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
