package io.activeedge.local.report;

import io.activeedge.local.places.ClientLocations.Location;
import java.util.List;
import java.util.Map;

/**
 * Which Region Route 53 answers clients at one location with, and why.
 *
 * @param near   the application's Region with the lowest latency for the location by the distance model (null
 *               when none of its Regions is in the table)
 * @param answer the Regions Route 53 answers with (the values it answered with, as they are, when no Region's
 *               record has them)
 * @param detail what the reason is about: the nearest Region's state, or what Route 53 answered instead
 */
public record Route(Location location, String near, List<String> answer, Reason reason, String detail) {

    /** Why Route 53 answers as it does. */
    public enum Reason {
        /** The nearest Region serves. */
        NEAREST,
        /** The nearest Region is drained or unhealthy: the next-closest healthy one answers. */
        NEXT_CLOSEST,
        /** No Region is healthy: Route 53 counts every Region healthy and answers with the lowest latency of all. */
        FAIL_OPEN,
        /** Route 53's own latency data ranks another healthy Region first (in an account). */
        LATENCY_DATA,
        /** Route 53 answered with no Region, or with one its health checks do not show healthy yet. */
        UNEXPECTED
    }

    /** The reason as a line: what {@code routes --json} calls {@code reason}. */
    public String why() {
        return switch (reason) {
            case NEAREST -> "lowest-latency healthy Region";
            case NEXT_CLOSEST -> "next-closest, because " + near + " " + detail;
            case FAIL_OPEN -> "every Region, because Route 53 fails open when none is healthy";
            case LATENCY_DATA -> "lowest-latency healthy Region by Route 53's latency data (" + near
                    + " by distance)";
            case UNEXPECTED -> detail;
        };
    }

    /**
     * The route of a location from what Route 53 answered and the Regions' health ({@link RoutingTable}).
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html: an
     * unhealthy record is passed over for the next by the same routing policy, and "If none of the records in a group
     * of records are healthy ... Route 53 considers all the records in the group to be healthy".
     *
     * @param regions the application's Regions, by name
     */
    public static Route of(Location location, String near, List<String> answer, Map<String, RoutingTable.Row> regions) {
        if (answer.isEmpty()) {
            return new Route(location, near, answer, Reason.UNEXPECTED, "Route 53 answered with no record");
        }
        if (regions.values().stream().noneMatch(RoutingTable.Row::gateHealthy)) {
            return new Route(location, near, answer, Reason.FAIL_OPEN, null);
        }
        List<String> unhealthy = answer.stream()
                .filter(r -> regions.get(r) == null || !regions.get(r).gateHealthy()).toList();
        if (!unhealthy.isEmpty()) {
            return new Route(location, near, answer, Reason.UNEXPECTED, "Route 53 answered with "
                    + String.join(", ", unhealthy) + ", whose gate is not healthy: its health checkers have not"
                    + " caught up yet, or the answer is no Region's record");
        }
        RoutingTable.Row nearest = near == null ? null : regions.get(near);
        if (nearest != null && !nearest.gateHealthy()) {
            return new Route(location, near, answer, Reason.NEXT_CLOSEST, state(nearest));
        }
        if (near == null || answer.equals(List.of(near))) {
            return new Route(location, near, answer, Reason.NEAREST, null);
        }
        return new Route(location, near, answer, Reason.LATENCY_DATA, null);
    }

    private static String state(RoutingTable.Row row) {
        if (!row.complete()) {
            return "misses one of its health checks";
        }
        if (row.drained()) {
            return "is drained";
        }
        return row.endpointHealthy() ? "has an unhealthy gate" : "is unhealthy";
    }
}
