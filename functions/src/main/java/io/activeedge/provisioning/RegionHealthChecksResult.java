package io.activeedge.provisioning;

import java.util.List;

/**
 * The three health checks of one Region (see DESIGN.md, "a safe switch"), as provisioning made or found them, and
 * as the failover function and the tools find them by their tags.
 *
 * @param endpointId the endpoint check; null when a lookup found none, or two
 * @param switchId   the switch; null when a lookup found none, or two the gate does not tell apart
 * @param gateId     the gate; null when a lookup found none, or two
 * @param created    the roles created by this run (empty on a second run, and in what a lookup finds)
 */
public record RegionHealthChecksResult(String region, String endpointId, String switchId, String gateId, List<String> created) {

    /** True when each of the three checks is known. */
    public boolean complete() {
        return endpointId != null && switchId != null && gateId != null;
    }
}
