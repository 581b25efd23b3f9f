package io.activeedge.failover;

import java.util.regex.Pattern;

/**
 * The tags of failover, beside {@link io.activeedge.core.Tags}: which switch an alarm drives, and the last
 * alarm state applied to a switch (how out-of-order and repeated events are recognised).
 */
public final class FailoverTags {
    /** On a CloudWatch alarm: the id of the Route 53 switch health check it drains and restores. */
    public static final String SWITCH = "active-edge:switch";
    /** On a switch: the alarm state timestamp (ISO-8601 instant) of the last change applied. */
    public static final String CHANGED_AT = "active-edge:changed-at";
    /** On a switch: the name of the alarm whose state was applied last. */
    public static final String CHANGED_BY = "active-edge:changed-by";

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
    static String value(String value) {
        String allowed = NOT_ALLOWED.matcher(value).replaceAll("_");
        return allowed.length() <= MAX_VALUE ? allowed : allowed.substring(0, MAX_VALUE);
    }
}
