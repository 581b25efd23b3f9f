package io.activeedge.provisioning;

import java.util.List;

/**
 * The three health checks of one Region (see DESIGN.md, "a safe switch").
 *
 * @param created the roles created by this run (empty on a second run)
 */
public record RegionHealthChecks(String region, String endpointId, String switchId, String gateId, List<String> created) {
}
