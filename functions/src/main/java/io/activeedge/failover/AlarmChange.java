package io.activeedge.failover;

import java.time.Instant;

/**
 * One alarm state change, whatever shape it came in.
 *
 * @param alarmArn the alarm's ARN
 * @param alarmName the alarm's name
 * @param region the Region the alarm lives in
 * @param state OK, ALARM or INSUFFICIENT_DATA
 * @param stateTimestamp when the alarm entered {@code state}: orders the changes of one switch
 */
public record AlarmChange(String alarmArn, String alarmName, String region, String state, Instant stateTimestamp) {
    public static final String ALARM = "ALARM";
    public static final String OK = "OK";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";
}
