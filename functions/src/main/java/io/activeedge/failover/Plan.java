package io.activeedge.failover;

import io.activeedge.failover.FailoverDecision.Action;
import java.util.List;

/**
 * What {@link FailoverPlanner} wants of one application's switches, and why; {@link SwitchWriter} carries it out.
 *
 * @param app     the application
 * @param regions one step per observed Region, in the observation's order
 */
public record Plan(String app, List<Step> regions) {

    /**
     * One Region.
     *
     * @param region   the Region
     * @param switchId its switch
     * @param gateId   its gate, which carries the hold
     * @param drained  the switch is inverted now
     * @param drain    the switch should be inverted
     * @param hold     the hold it should carry (null: none)
     * @param holdChanged the hold is to be written or removed
     * @param cause    what the change is for ({@link FailoverTags#CAUSE_ALARM} and the others), null when none
     * @param changedBy the alarm or operator behind the change
     * @param action   what the function does with the Region
     * @param reason   why, in words
     */
    public record Step(String region, String switchId, String gateId, boolean drained, boolean drain, Observation.Hold hold,
            boolean holdChanged, String cause, String changedBy, Action action, String reason) {

        /** The switch is to be written. */
        public boolean flips() {
            return drained != drain;
        }
    }
}
