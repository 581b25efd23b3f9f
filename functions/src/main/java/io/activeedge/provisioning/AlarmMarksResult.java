package io.activeedge.provisioning;

import java.util.List;

/**
 * What the MarkAlarms step did in one Region.
 *
 * @param region the Region of the alarms
 * @param alarmArns the ARNs of the Region's alarms, in input order, each now tagged with the Region's switch
 */
public record AlarmMarksResult(String region, List<String> alarmArns) {
}
