package io.activeedge.routing;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.AwsRegions;
import io.activeedge.input.AppSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.routing.healthchecks.HealthCheckSearch;
import io.activeedge.routing.zone.HostedZones;
import io.activeedge.teardown.TeardownScope;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Finds where the application's resources can be before anything is removed: its hosted zone (never created
 * here) and every Region it may have left something in, including Regions the input no longer lists but its
 * health checks are still tagged with.
 */
public final class ApplicationSearch {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationSearch.class);
    private final HostedZones zones;
    private final HealthCheckSearch checks;

    public ApplicationSearch(Route53Client route53) {
        this.zones = new HostedZones(route53);
        this.checks = new HealthCheckSearch(route53);
    }

    public TeardownScope find(AppSpec input) {
        HostedZone zone = zones.find(input);
        SortedSet<String> fromChecks = new TreeSet<>();
        checks.ofApp(input.app()).stream()
                .map(HealthCheckSearch.Tagged::region)
                .filter(Objects::nonNull)
                .filter(AwsRegions.LATENCY_ROUTING::contains)
                .forEach(fromChecks::add);
        SortedSet<String> regions = new TreeSet<>(fromChecks);
        if (input.regions() != null) {
            input.regions().stream().map(RegionSpec::region).forEach(regions::add);
        }
        regions.add(AwsConstants.CLOUDFRONT_CERTIFICATE_REGION);
        LOG.info("application found", entry("zone", input.zone()), entry("zoneId", zone == null ? null : zone.id()),
                entry("regions", List.copyOf(regions)), entry("regionsOfHealthChecks", List.copyOf(fromChecks)));
        return new TeardownScope(zone, List.copyOf(regions));
    }
}
