package io.activeedge.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags that mark what active-edge owns. Resources are found by these, never by position in a list. */
public final class Tags {
    public static final String APP = "active-edge:app";
    public static final String REGION = "active-edge:region";
    public static final String ROLE = "active-edge:role";

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
