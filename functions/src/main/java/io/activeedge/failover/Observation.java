package io.activeedge.failover;

import java.time.Instant;
import java.util.List;

/**
 * What the failover function saw of one application, all it decides from: every Region's switch, hold, alarms,
 * endpoint health and latency record, at one instant. Read by {@link FailoverObserver}; decided on by
 * {@link FailoverPlanner}, which does no I/O.
 *
 * @param app     the application
 * @param at      when it was read: flap damping counts from here
 * @param regions one entry per Region that has health checks, sorted by Region
 */
public record Observation(String app, Instant at, List<Region> regions) {

    /** An alarm's state: OK, ALARM or INSUFFICIENT_DATA, and since when. */
    public record Alarm(String name, String state, Instant since) {
    }

    /** An operator's hold on a Region: it stays drained, whatever its alarms say, until released. */
    public record Hold(String reason, Instant since, String by) {
    }

    /**
     * One Region.
     *
     * @param region          the Region
     * @param switchId        its switch health check (null when it has none: nothing can be decided for it)
     * @param gateId          its gate (holds are tagged on it)
     * @param switchVersion   the switch's HealthCheckVersion, sent with the update
     * @param drained         the switch is inverted
     * @param changedAt       when the switch was last changed by failover (null when never)
     * @param cause           why it was last changed: {@link FailoverTags#CAUSE_ALARM} and the others
     * @param hold            the operator's hold, or null
     * @param alarms          the current state of every alarm marked for the Region
     * @param endpointHealthy the endpoint check by Route 53's rule; null when Route 53 has not said yet
     * @param recordExists    the Region's latency record exists (true when it could not be told)
     * @param minDrainSeconds flap damping: an alarm drain is kept at least this long (0: off)
     * @param dataPlane       the Region's alarms act through CLOUDWATCH_METRIC children of its gate
     * @param complete        its endpoint, switch and gate checks are all known
     */
    public record Region(String region, String switchId, String gateId, Long switchVersion, boolean drained, Instant changedAt,
            String cause, Hold hold, List<Alarm> alarms, Boolean endpointHealthy, boolean recordExists,
            int minDrainSeconds, boolean dataPlane, boolean complete) {

        /**
         * Serves as Route 53 sees it when the switch is as given: its latency record exists, the switch is not
         * inverted, the endpoint is healthy (or not yet judged), and with the data-plane option no alarm check
         * takes the gate down.
         */
        boolean serves(boolean drainedSwitch) {
            return complete && recordExists && !drainedSwitch && !Boolean.FALSE.equals(endpointHealthy)
                    && !(dataPlane && alarms.stream().anyMatch(a -> AlarmChange.ALARM.equals(a.state())));
        }
    }
}
