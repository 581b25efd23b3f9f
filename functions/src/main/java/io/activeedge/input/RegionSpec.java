package io.activeedge.input;

import java.util.List;

/**
 * One serving Region.
 *
 * @param region AWS Region code, e.g. us-west-2
 * @param origin what serves the API there
 * @param alarms names of CloudWatch alarms in that Region that drain it when they go to ALARM
 */
public record RegionSpec(String region, OriginSpec origin, List<String> alarms) {
}
