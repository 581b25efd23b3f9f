package io.activeedge.failover;

import io.activeedge.core.Backoff;
import io.activeedge.core.Sleeper;
import io.activeedge.failover.AppHealthChecks.RegionChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;

/**
 * An application's health checks by Region, found exactly as the failover function finds them
 * ({@link AppHealthChecks}: CallerReference prefix, confirmed by tags), and the function's reading of an
 * endpoint check's status. For tools that show or drill failover from outside the function.
 */
public final class HealthCheckLookup {

    /** One Region's checks; an id is null when that check was not found. */
    public record Checks(String region, String endpointId, String switchId, String gateId) {
        public boolean complete() {
            return endpointId != null && switchId != null && gateId != null;
        }
    }

    private final AppHealthChecks checks;

    public HealthCheckLookup(Route53Client route53) {
        this.checks = new AppHealthChecks(route53,
                new Backoff(Sleeper.real(), () -> ThreadLocalRandom.current().nextDouble()));
    }

    /** The application's checks by Region, sorted by Region; empty when it has none. Always read afresh. */
    public Map<String, Checks> of(String app) {
        Map<String, Checks> regions = new LinkedHashMap<>();
        for (RegionChecks region : checks.refresh(app).values()) {
            regions.put(region.region(), new Checks(region.region(), region.endpointId(), region.switchId(),
                    region.gateId()));
        }
        return regions;
    }

    /**
     * Healthy as the failover function counts it: most checkers report success, or none reported yet.
     * Stricter than Route 53 itself, which needs only more than 18%:
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html: "If
     * more than 18% of health checkers report that an endpoint is healthy, Route 53 considers it healthy. If 18% of
     * health checkers or fewer report that an endpoint is healthy, Route 53 considers it unhealthy." A check that more
     * than 18% but at most half of the checkers pass is healthy to Route 53 and not serving here. Each observation is
     * one check by one checker (https://docs.aws.amazon.com/Route53/latest/APIReference/API_StatusReport.html: "the
     * status that one Amazon Route 53 health checker reports and the time of the health check"), while each checker
     * judges over FailureThreshold consecutive checks; the "Success" prefix and the empty case are not documented.
     */
    public static boolean healthy(List<HealthCheckObservation> observations) {
        if (observations.isEmpty()) {
            return true;
        }
        long success = observations.stream()
                .filter(o -> o.statusReport() != null && o.statusReport().status() != null
                        && o.statusReport().status().startsWith(RegionSwitch.SUCCESS))
                .count();
        return success * 2 > observations.size();
    }
}
