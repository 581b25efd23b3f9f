package io.activeedge.provisioning;

import java.util.List;

/**
 * The health checks of one Region (see DESIGN.md, "a safe switch"), as provisioning made or found them, and
 * as the failover function and the tools find them by their tags.
 *
 * @param endpointId  the endpoint check; null when a lookup found none, or two
 * @param switchId    the switch; null when a lookup found none, or two the gate does not tell apart
 * @param gateId      the gate; null when a lookup found none, or two
 * @param created     the roles created by this run (empty on a second run, and in what a lookup finds)
 * @param alarmChecks the CLOUDWATCH_METRIC checks that are children of the gate besides endpoint and switch, one per
 *                    alarm of the Region when {@code failover.dataPlane} is on (empty otherwise), sorted by alarm
 */
public record RegionHealthChecksResult(String region, String endpointId, String switchId, String gateId,
        List<String> created, List<AlarmCheck> alarmChecks) {

    /** A data-plane alarm check: the alarm it follows (AlarmIdentifier.Name, in the Region) and its id. */
    public record AlarmCheck(String alarm, String id) {
    }

    public RegionHealthChecksResult {
        alarmChecks = alarmChecks == null ? List.of() : List.copyOf(alarmChecks);
    }

    /** A Region without alarm checks (failover.dataPlane off). */
    public RegionHealthChecksResult(String region, String endpointId, String switchId, String gateId,
            List<String> created) {
        this(region, endpointId, switchId, gateId, created, List.of());
    }

    /** True when each of the three checks is known. */
    public boolean complete() {
        return endpointId != null && switchId != null && gateId != null;
    }
}
