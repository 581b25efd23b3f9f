package io.activeedge.failover;

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

    /** Healthy as the failover function counts it: most checkers report success, or none reported yet. */
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
