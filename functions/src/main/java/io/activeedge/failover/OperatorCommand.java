package io.activeedge.failover;

/**
 * An operator's hold or release of a Region ({@code ./active-edge hold|release}), sent to the failover function as
 * {@code {"operator": {...}}}.
 *
 * @param action {@link #HOLD} or {@link #RELEASE}
 * @param app    the application
 * @param region the Region held or released
 * @param reason why (hold only; shown by status)
 * @param force  hold even the last Region that serves
 * @param by     who asked
 */
public record OperatorCommand(String action, String app, String region, String reason, Boolean force, String by) {
    public static final String HOLD = "hold";
    public static final String RELEASE = "release";

    public boolean hold() {
        return HOLD.equals(action);
    }

    public boolean forced() {
        return Boolean.TRUE.equals(force);
    }
}
