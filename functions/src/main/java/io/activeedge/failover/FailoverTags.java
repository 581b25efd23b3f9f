package io.activeedge.failover;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tags of failover, beside {@link io.activeedge.core.Tags}: which switch an alarm drives, and the last
 * alarm state applied to a switch (how out-of-order and repeated events are recognised).
 */
public final class FailoverTags {
    /** On a CloudWatch alarm: the id of the Route 53 switch health check it drains and restores. */
    public static final String SWITCH = "active-edge:switch";
    /** On a switch: when failover last changed it (ISO-8601 instant); flap damping counts from here. */
    public static final String CHANGED_AT = "active-edge:changed-at";
    /**
     * On a switch: why and by whom it was last changed, {@code <cause>:<by>} with a cause of {@link #CAUSE_ALARM}
     * (by: the alarm), {@link #CAUSE_HOLD} (by: the operator) or {@link #CAUSE_RESTORE}. A value without a known
     * cause is an alarm's name, as earlier versions wrote it.
     */
    public static final String CHANGED_BY = "active-edge:changed-by";
    public static final String CAUSE_ALARM = "alarm";
    public static final String CAUSE_HOLD = "hold";
    public static final String CAUSE_RESTORE = "restore";
    /**
     * On a gate: an operator's hold, {@code <held-at instant> <by> <reason>}. On the gate, not the switch: Route 53
     * allows 10 tags on a health check ({@link io.activeedge.validation.InputValidator#MAX_USER_TAGS}), and the
     * switch's two spare ones record the last change.
     */
    public static final String HOLD = "active-edge:hold";
    /** On a gate: where the Region's latency record is, {@code <hosted zone id> <record name>} (the guard reads it). */
    public static final String RECORDS = "active-edge:records";
    /** On an alarm: the application's failover.minDrainSeconds. */
    public static final String MIN_DRAIN_SECONDS = "active-edge:min-drain-seconds";
    /** On an alarm: "true" when the application's alarms act through data-plane alarm checks. */
    public static final String DATA_PLANE = "active-edge:data-plane";

    /** The CHANGED_BY value for a change of {@code cause} by {@code by}. */
    public static String changedBy(String cause, String by) {
        return value(cause + ":" + (by == null ? "failover" : by));
    }

    /** The cause part of a CHANGED_BY value ({@link #CAUSE_ALARM} for a value earlier versions wrote). */
    public static String cause(String changedBy) {
        if (changedBy == null) {
            return null;
        }
        int colon = changedBy.indexOf(':');
        String cause = colon < 0 ? "" : changedBy.substring(0, colon);
        return List.of(CAUSE_ALARM, CAUSE_HOLD, CAUSE_RESTORE).contains(cause) ? cause : CAUSE_ALARM;
    }

    /** The alarm or operator part of a CHANGED_BY value. */
    public static String by(String changedBy) {
        if (changedBy == null) {
            return null;
        }
        int colon = changedBy.indexOf(':');
        String cause = colon < 0 ? "" : changedBy.substring(0, colon);
        return List.of(CAUSE_ALARM, CAUSE_HOLD, CAUSE_RESTORE).contains(cause) ? changedBy.substring(colon + 1)
                : changedBy;
    }

    /** A hold as the HOLD tag holds it. */
    public record HoldTag(Instant since, String by, String reason) {
        public String value() {
            return FailoverTags.value(since + " " + FailoverTags.value(by).replace(' ', '_') + " " + reason);
        }

        /** The hold a HOLD value describes; null when there is none. */
        public static HoldTag parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String[] parts = value.split(" ", 3);
            Instant since = null;
            try {
                since = Instant.parse(parts[0]);
            } catch (DateTimeParseException e) {
                return new HoldTag(null, "operator", value);
            }
            return new HoldTag(since, parts.length > 1 ? parts[1] : "operator", parts.length > 2 ? parts[2] : "");
        }
    }

    /** The RECORDS value, and back: the zone id and the record name. */
    public static String records(String zoneId, String name) {
        return zoneId + " " + name;
    }

    public static String[] records(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(" ", 2);
        return parts.length == 2 ? parts : null;
    }

    /**
     * Route 53 tag values: at most 256 characters from this set. The route53 model gives TagValue a maximum length of
     * 256 and no pattern (https://docs.aws.amazon.com/Route53/latest/APIReference/API_Tag.html: "Maximum length of
     * 256"); the character set is the Developer Guide's:
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-tagging.html#health-checks-tagging-restrictions:
     * valid values for Key and Value are "uppercase and lowercase letters in the UTF-8 character set, numbers, space,
     * and the following characters: _ . : / = + - and @".
     */
    static final int MAX_VALUE = 256;
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");

    private FailoverTags() {
    }

    /** {@code value} as Route 53 accepts it in a tag: other characters become '_', and it is cut to 256. */
    public static String value(String value) {
        String allowed = NOT_ALLOWED.matcher(value).replaceAll("_");
        return allowed.length() <= MAX_VALUE ? allowed : allowed.substring(0, MAX_VALUE);
    }
}
