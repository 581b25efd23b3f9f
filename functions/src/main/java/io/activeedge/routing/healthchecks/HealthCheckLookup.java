package io.activeedge.routing.healthchecks;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RegionHealthChecksResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;

/**
 * Every Region's endpoint, switch and gate of one application: the health checks whose CallerReference marks
 * them as the application's, confirmed by their tags ({@link HealthCheckSearch}), read afresh each time. An id is
 * null when that check was not found.
 */
public final class HealthCheckLookup {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckLookup.class);
    /**
     * How a Route 53 checker reports a healthy endpoint: "Success: HTTP Status Code 200, OK". The format is not
     * documented: https://docs.aws.amazon.com/Route53/latest/APIReference/API_StatusReport.html calls Status only "A description
     * of the status of the health check endpoint".
     */
    static final String SUCCESS = "Success";

    private final HealthCheckSearch search;

    public HealthCheckLookup(Route53Client route53) {
        this.search = new HealthCheckSearch(route53);
    }

    /** The application's checks by Region, sorted by Region; empty when it has none. */
    public Map<String, RegionHealthChecksResult> of(String app) {
        return find(app);
    }

    private Map<String, RegionHealthChecksResult> find(String app) {
        Map<String, RegionHealthChecksResult> regions = regions(app, search.ofApp(app));
        LOG.info("health checks found", LogContext.app(app), entry("regions", List.copyOf(regions.keySet())));
        return regions;
    }

    /** {@code checks} (the application's, as {@link HealthCheckSearch#ofApp} finds them) by Region, sorted. */
    public static Map<String, RegionHealthChecksResult> regions(String app, List<HealthCheckSearch.Tagged> checks) {
        Map<String, Map<String, List<HealthCheckSearch.Tagged>>> byRegionAndRole = new TreeMap<>();
        for (HealthCheckSearch.Tagged check : checks) {
            if (check.region() == null || check.role() == null) {
                continue;
            }
            byRegionAndRole.computeIfAbsent(check.region(), r -> new HashMap<>())
                    .computeIfAbsent(check.role(), r -> new ArrayList<>()).add(check);
        }

        Map<String, RegionHealthChecksResult> regions = new TreeMap<>();
        byRegionAndRole.forEach((region, roles) -> {
            String gateId = single(app, region, Tags.ROLE_GATE_CHECK, roles);
            regions.put(region, new RegionHealthChecksResult(region,
                    single(app, region, Tags.ROLE_ENDPOINT_CHECK, roles),
                    switchOf(app, region, roles, gateId),
                    gateId, List.of(), alarmChecks(roles)));
        });
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

    /** The Region's data-plane alarm checks, by the alarm each follows (failover.dataPlane), sorted by alarm. */
    private static List<RegionHealthChecksResult.AlarmCheck> alarmChecks(
            Map<String, List<HealthCheckSearch.Tagged>> roles) {
        return roles.getOrDefault(Tags.ROLE_ALARM_CHECK, List.of()).stream()
                .map(c -> new RegionHealthChecksResult.AlarmCheck(
                        AlarmChecks.alarmOf(c.check()) != null ? AlarmChecks.alarmOf(c.check()) : c.tags().get(Tags.ALARM),
                        c.id()))
                .sorted(Comparator.comparing(RegionHealthChecksResult.AlarmCheck::alarm,
                        Comparator.nullsLast(String::compareTo)))
                .toList();
    }

    /** Two checks of one role leave it unknown which one the latency record uses: neither is trusted. */
    private static String single(String app, String region, String role,
            Map<String, List<HealthCheckSearch.Tagged>> roles) {
        List<String> ids = roles.getOrDefault(role, List.of()).stream().map(HealthCheckSearch.Tagged::id).toList();
        if (ids.size() > 1) {
            LOG.warn("health checks ambiguous", LogContext.app(app), LogContext.region(region), entry("role", role),
                    entry("ids", ids), entry("action", "treat-region-as-not-serving"),
                    entry("fix", "delete-the-checks-no-latency-record-uses"));
            return null;
        }
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Healthy by Route 53's own rule, from GetHealthCheckStatus's observations (the failover function prefers the
     * HealthCheckStatus metric and falls back to this): more than 18% of the checkers report success; no observation
     * yet counts as healthy. https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html:
     * "If more than 18% of health checkers report that an endpoint is healthy, Route 53 considers it healthy. If 18% of
     * health checkers or fewer report that an endpoint is healthy, Route 53 considers it unhealthy." Each observation
     * is what one checker reports (https://docs.aws.amazon.com/Route53/latest/APIReference/API_StatusReport.html);
     * the "Success" prefix and the empty case are not documented.
     */
    public static boolean healthy(List<HealthCheckObservation> observations) {
        if (observations.isEmpty()) {
            return true;
        }
        long success = observations.stream()
                .filter(o -> o.statusReport() != null && o.statusReport().status() != null
                        && o.statusReport().status().startsWith(SUCCESS))
                .count();
        return success * 100 > observations.size() * 18L;
    }
}
