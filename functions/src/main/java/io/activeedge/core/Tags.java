package io.activeedge.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The tags that mark what active-edge owns. Resources are found by these, never by position in a list. */
public final class Tags {
    public static final String APP = "active-edge:app";
    public static final String REGION = "active-edge:region";
    public static final String ROLE = "active-edge:role";

    /** On an alarm check ({@link #ROLE_ALARM_CHECK}): the name of the CloudWatch alarm it follows. */
    public static final String ALARM = "active-edge:alarm";

    /** Every key active-edge sets; teardown removes them from what it keeps. */
    public static final List<String> KEYS = List.of(APP, REGION, ROLE);

    /** Value of {@link #REGION} for resources that belong to no one Region (CloudFront, the edge certificate). */
    public static final String GLOBAL = "global";

    /** Values of {@link #ROLE}. */
    public static final String ROLE_EDGE_CERTIFICATE = "edge-certificate";
    public static final String ROLE_ORIGIN_CERTIFICATE = "origin-certificate";
    public static final String ROLE_ORIGIN_DOMAIN = "origin-domain";
    public static final String ROLE_ENDPOINT_CHECK = "endpoint-check";
    public static final String ROLE_SWITCH_CHECK = "switch-check";
    public static final String ROLE_GATE_CHECK = "gate-check";
    /** A CLOUDWATCH_METRIC check that follows one of the Region's alarms, a child of the gate (failover.dataPlane). */
    public static final String ROLE_ALARM_CHECK = "alarm-check";
    public static final String ROLE_DISTRIBUTION = "distribution";
    public static final String ROLE_HOSTED_ZONE = "hosted-zone";

    private Tags() {
    }

    /** The user's own tags, then ours (ours win: they are how the resource is found again). */
    public static Map<String, String> of(Map<String, String> userTags, String app, String region, String role) {
        Map<String, String> tags = new LinkedHashMap<>(userTags == null ? Map.of() : userTags);
        tags.put(APP, app);
        tags.put(REGION, region);
        tags.put(ROLE, role);
        return tags;
    }

    /**
     * A resource's tags as a map, from the list of tag objects a service returns (each service has its own Tag
     * class): a new, modifiable map in the list's order, a later tag winning over an earlier one with the same key.
     * A tag without a value maps to "": the value is optional in Route 53, CloudFront and ACM (their service models:
     * Tag requires Key only; CloudFront: "A string that contains an optional Tag value").
     */
    public static <T> Map<String, String> toMap(Collection<T> tags, Function<T, String> key,
            Function<T, String> value) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            for (T tag : tags) {
                String v = value.apply(tag);
                map.put(key.apply(tag), v == null ? "" : v);
            }
        }
        return map;
    }

    /** {@code tags} as the list of tag objects a service takes, in the map's order; {@code tag} builds one. */
    public static <T> List<T> toList(Map<String, String> tags, BiFunction<String, String, T> tag) {
        return tags.entrySet().stream().map(e -> tag.apply(e.getKey(), e.getValue())).toList();
    }

    /** True when {@code tags} mark a resource of this application, Region and role. */
    public static boolean matches(Map<String, String> tags, String app, String region, String role) {
        return app.equals(tags.get(APP)) && region.equals(tags.get(REGION)) && role.equals(tags.get(ROLE));
    }

    /** The SetIdentifier of the latency record of {@code app} in {@code region}: records take no tags. */
    public static String setIdentifier(String app, String region) {
        return setIdentifierPrefix(app) + region;
    }

    /**
     * What every latency record SetIdentifier of {@code app} starts with. It ends with the colon, so that the
     * records of app "shop" are told apart from those of app "shop-eu".
     */
    public static String setIdentifierPrefix(String app) {
        return "active-edge:" + app + ":";
    }
}
