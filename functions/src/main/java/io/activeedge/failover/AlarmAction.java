package io.activeedge.failover;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The event a CloudWatch alarm action sends when it invokes a Lambda function: the alarm's ARN and account, and the
 * alarm's new and previous state in {@code alarmData}. The intake forwards it to the failover function as it is;
 * {@code configuration} (the alarm's metrics) is carried along unread.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarms-and-actions-Lambda
 */
public record AlarmAction(String source, String alarmArn, String accountId, String time, String region,
                          AlarmData alarmData) {

    /** The alarm part of the event. */
    public record AlarmData(String alarmName, State state, State previousState, JsonNode configuration) {
    }

    /** A state: {@code value} is OK, ALARM or INSUFFICIENT_DATA, {@code timestamp} when the alarm entered it. */
    public record State(String value, String reason, String reasonData, String timestamp) {
    }
}
