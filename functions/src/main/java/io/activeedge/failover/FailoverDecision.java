package io.activeedge.failover;

/**
 * What the failover function did with one Region, and why.
 *
 * @param alarm the alarm whose event started the decision (null for a scheduled run or an operator's command)
 * @param app the application the alarm belongs to (null when it belongs to none)
 * @param region the Region the alarm drains and restores
 * @param switchId the Region's switch health check
 * @param before "serving" or "drained" before the decision (null when unknown)
 * @param after "serving" or "drained" after it (null when unknown)
 * @param action one of {@link Action}
 * @param reason why, in words
 */
public record FailoverDecision(
        String alarm, String app, String region, String switchId, String before, String after, String action,
        String reason) {

    public static final String SERVING = "serving";
    public static final String DRAINED = "drained";

    public enum Action {
        /** The switch was inverted: Route 53 stops sending traffic to the Region. */
        DRAINED,
        /** The switch was set back: the Region serves again. */
        RESTORED,
        /** The switch already was as the Region's alarms and hold want it (or flap damping keeps it drained). */
        UNCHANGED,
        /**
         * Nothing decided: an event of an alarm no application marks or of another account, a message that is no
         * event, an application without health checks, or no time left in the invocation.
         */
        IGNORED,
        /** Draining (or holding) would leave the application without a serving Region. */
        REFUSED,
        /** An operator's hold was put on the Region: it is drained until released. */
        HELD,
        /** An operator's hold was lifted: the Region's alarms decide again. */
        RELEASED
    }

    static String stateOf(boolean inverted) {
        return inverted ? DRAINED : SERVING;
    }
}
