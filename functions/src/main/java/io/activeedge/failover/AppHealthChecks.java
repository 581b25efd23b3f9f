package io.activeedge.failover;

import io.activeedge.core.Tags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Every Region's endpoint, switch and gate of one application, found once per warm container: the health
 * checks whose CallerReference marks them as the application's, confirmed by their tags. Found again only
 * when something shows the copy is out of date.
 */
final class AppHealthChecks {
    private static final Logger LOG = LoggerFactory.getLogger(AppHealthChecks.class);
    /** Route 53: resource ids per ListTagsForResources call. */
    static final int TAGS_BATCH = 10;
    /** Provisioning writes "ae/{app}/{region}/...", or "ae/{hash of app}/{region}/..." for a long name. */
    private static final Pattern HASHED_APP = Pattern.compile("^ae/[0-9a-f]{8}/.*");

    /** One Region's checks; an id is null when that check was not found. */
    record RegionChecks(String region, String endpointId, String switchId, String gateId) {
        boolean complete() {
            return endpointId != null && switchId != null && gateId != null;
        }
    }

    private final Route53Client route53;
    private final Backoff backoff;
    private final Map<String, Map<String, RegionChecks>> byApp = new ConcurrentHashMap<>();

    AppHealthChecks(Route53Client route53, Backoff backoff) {
        this.route53 = route53;
        this.backoff = backoff;
    }

    /** The application's checks by Region, sorted by Region. */
    Map<String, RegionChecks> of(String app) {
        Map<String, RegionChecks> cached = byApp.get(app);
        if (cached != null) {
            return cached;
        }
        Map<String, RegionChecks> found = find(app);
        byApp.put(app, found);
        return found;
    }

    Map<String, RegionChecks> refresh(String app) {
        byApp.remove(app);
        return of(app);
    }

    void forget(String app) {
        byApp.remove(app);
    }

    private Map<String, RegionChecks> find(String app) {
        String prefix = "ae/" + app + "/";
        List<String> candidates = new ArrayList<>();
        String marker = null;
        while (true) {
            String from = marker;
            ListHealthChecksResponse page = backoff.call("ListHealthChecks",
                    () -> route53.listHealthChecks(r -> r.marker(from)));
            page.healthChecks().stream()
                    .filter(c -> isCandidate(c.callerReference(), prefix))
                    .map(HealthCheck::id)
                    .forEach(candidates::add);
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextMarker() == null) {
                break;
            }
            marker = page.nextMarker();
        }

        Map<String, Map<String, List<String>>> idsByRegionAndRole = new TreeMap<>();
        for (int i = 0; i < candidates.size(); i += TAGS_BATCH) {
            List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + TAGS_BATCH));
            ListTagsForResourcesResponse response = backoff.call("ListTagsForResources",
                    () -> route53.listTagsForResources(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceIds(batch)));
            for (ResourceTagSet set : response.resourceTagSets()) {
                Map<String, String> tags = new HashMap<>();
                set.tags().forEach(t -> tags.put(t.key(), t.value()));
                if (!app.equals(tags.get(Tags.APP)) || tags.get(Tags.REGION) == null || tags.get(Tags.ROLE) == null) {
                    continue;
                }
                idsByRegionAndRole.computeIfAbsent(tags.get(Tags.REGION), r -> new HashMap<>())
                        .computeIfAbsent(tags.get(Tags.ROLE), r -> new ArrayList<>()).add(set.resourceId());
            }
        }

        Map<String, RegionChecks> regions = new TreeMap<>();
        idsByRegionAndRole.forEach((region, roles) -> regions.put(region, new RegionChecks(region,
                single(app, region, Tags.ROLE_ENDPOINT_CHECK, roles),
                single(app, region, Tags.ROLE_SWITCH_CHECK, roles),
                single(app, region, Tags.ROLE_GATE_CHECK, roles))));
        LOG.info("health checks found app={} regions={}", app, regions.keySet());
        return Collections.unmodifiableMap(regions);
    }

    private static boolean isCandidate(String callerReference, String prefix) {
        return callerReference != null
                && (callerReference.startsWith(prefix) || HASHED_APP.matcher(callerReference).matches());
    }

    /** Two checks of one role leave it unknown which one the latency record uses: neither is trusted. */
    private static String single(String app, String region, String role, Map<String, List<String>> roles) {
        List<String> ids = roles.getOrDefault(role, List.of());
        if (ids.size() > 1) {
            LOG.warn("health checks ambiguous app={} region={} role={} ids={} action=treat-region-as-not-serving"
                    + " fix=delete-the-checks-no-latency-record-uses", app, region, role, ids);
            return null;
        }
        return ids.isEmpty() ? null : ids.get(0);
    }
}
