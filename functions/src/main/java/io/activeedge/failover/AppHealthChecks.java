package io.activeedge.failover;

import io.activeedge.core.Backoff;
import io.activeedge.core.Tags;
import io.activeedge.routing.HealthCheckSearch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Every Region's endpoint, switch and gate of one application, found once per warm container: the health
 * checks whose CallerReference marks them as the application's, confirmed by their tags
 * ({@link HealthCheckSearch}). Found again only when something shows the copy is out of date.
 */
final class AppHealthChecks {
    private static final Logger LOG = LoggerFactory.getLogger(AppHealthChecks.class);

    /** One Region's checks; an id is null when that check was not found. */
    record RegionChecks(String region, String endpointId, String switchId, String gateId) {
        boolean complete() {
            return endpointId != null && switchId != null && gateId != null;
        }
    }

    private final HealthCheckSearch search;
    private final Map<String, Map<String, RegionChecks>> byApp = new ConcurrentHashMap<>();

    AppHealthChecks(Route53Client route53, Backoff backoff) {
        this.search = new HealthCheckSearch(route53, backoff);
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
        Map<String, Map<String, List<HealthCheckSearch.Tagged>>> byRegionAndRole = new TreeMap<>();
        for (HealthCheckSearch.Tagged check : search.ofApp(app)) {
            if (check.region() == null || check.role() == null) {
                continue;
            }
            byRegionAndRole.computeIfAbsent(check.region(), r -> new HashMap<>())
                    .computeIfAbsent(check.role(), r -> new ArrayList<>()).add(check);
        }

        Map<String, RegionChecks> regions = new TreeMap<>();
        byRegionAndRole.forEach((region, roles) -> {
            String gateId = single(app, region, Tags.ROLE_GATE_CHECK, roles);
            regions.put(region, new RegionChecks(region,
                    single(app, region, Tags.ROLE_ENDPOINT_CHECK, roles),
                    switchOf(app, region, roles, gateId),
                    gateId));
        });
        LOG.info("health checks found app={} regions={}", app, regions.keySet());
        return Collections.unmodifiableMap(regions);
    }

    /**
     * The switch the gate monitors. While provisioning replaces an old calculated switch with a disabled one,
     * a Region has both for a moment; the gate's children tell which one counts.
     */
    private static String switchOf(String app, String region, Map<String, List<HealthCheckSearch.Tagged>> roles,
            String gateId) {
        List<HealthCheckSearch.Tagged> switches = roles.getOrDefault(Tags.ROLE_SWITCH_CHECK, List.of());
        if (switches.size() > 1 && gateId != null) {
            List<String> children = roles.get(Tags.ROLE_GATE_CHECK).get(0).check().healthCheckConfig()
                    .childHealthChecks();
            List<HealthCheckSearch.Tagged> monitored = switches.stream()
                    .filter(s -> children != null && children.contains(s.id())).toList();
            if (monitored.size() == 1) {
                return monitored.get(0).id();
            }
        }
        return single(app, region, Tags.ROLE_SWITCH_CHECK, roles);
    }

    /** Two checks of one role leave it unknown which one the latency record uses: neither is trusted. */
    private static String single(String app, String region, String role,
            Map<String, List<HealthCheckSearch.Tagged>> roles) {
        List<String> ids = roles.getOrDefault(role, List.of()).stream().map(HealthCheckSearch.Tagged::id).toList();
        if (ids.size() > 1) {
            LOG.warn("health checks ambiguous app={} region={} role={} ids={} action=treat-region-as-not-serving"
                    + " fix=delete-the-checks-no-latency-record-uses", app, region, role, ids);
            return null;
        }
        return ids.isEmpty() ? null : ids.get(0);
    }
}
