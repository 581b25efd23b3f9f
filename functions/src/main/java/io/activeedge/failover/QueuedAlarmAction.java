package io.activeedge.failover;

/**
 * What the intake did with an alarm action: the queue's message id and sequence number, and the deduplication id
 * that makes a repeated delivery of the same state change one message.
 */
public record QueuedAlarmAction(String alarmArn, String state, String messageId, String sequenceNumber,
                                String deduplicationId) {
}
