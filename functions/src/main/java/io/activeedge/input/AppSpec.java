package io.activeedge.input;

import io.activeedge.core.LogContext;
import java.util.List;
import java.util.Map;

/**
 * The provisioning input (events/provision.json). Users write it with optional fields left out;
 * ValidateInput returns it with every default filled in, and every later step reads that copy.
 *
 * @param app             short name of the application; tags and record identifiers carry it
 * @param zone            the public hosted zone's domain name
 * @param hostedZoneId    optional: the zone to use when several public zones share the name
 * @param aliases         names CloudFront serves (the zone apex may be one)
 * @param originDomain    the latency-routed name CloudFront sends requests to
 * @param regions         the Regions that serve the API
 * @param healthCheck     how Route 53 probes each Region
 * @param distribution    CloudFront settings
 * @param timing          poll intervals and deadlines
 * @param tags            extra tags for every resource created
 * @param takeOverRecords when true, DNS records at the aliases that point elsewhere are replaced
 * @param failover        flap damping and the data-plane option of alarm-driven failover
 */
public record AppSpec(
        String app,
        String zone,
        String hostedZoneId,
        List<String> aliases,
        String originDomain,
        List<RegionSpec> regions,
        HealthCheckSpec healthCheck,
        DistributionSpec distribution,
        TimingSpec timing,
        Map<String, String> tags,
        Boolean takeOverRecords,
        FailoverSpec failover) implements LogContext {

    @Override
    public String logApp() {
        return app;
    }
}
