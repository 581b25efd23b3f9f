package io.activeedge.input;

/**
 * How alarms drain and restore the application's Regions.
 *
 * @param minDrainSeconds a Region drained by an alarm is restored only after it has been drained this long and its
 *                        alarms are OK (flap damping); 0, the default, means off
 * @param dataPlane       when true, each listed alarm also becomes a CLOUDWATCH_METRIC health check that is a child
 *                        of the Region's gate, so that a firing alarm drains the Region in Route 53's data plane,
 *                        with no Lambda and no control-plane call (default false)
 */
public record FailoverSpec(Integer minDrainSeconds, Boolean dataPlane) {
    public static final int MAX_MIN_DRAIN_SECONDS = 86_400;

    /** The defaults: no flap damping, no data-plane checks. */
    public static final FailoverSpec DEFAULT = new FailoverSpec(0, false);
}
