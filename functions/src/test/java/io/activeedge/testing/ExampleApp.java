package io.activeedge.testing;

import io.activeedge.core.Json;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverTags;
import io.activeedge.failover.Reconciler;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import io.activeedge.input.AppSpec;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.input.TimingSpec;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.Run;
import io.activeedge.routing.healthchecks.HealthChecks;
import io.activeedge.teardown.TeardownScope;
import io.activeedge.teardown.TeardownState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The example application of DESIGN.md and events/provision.json, the one every test of the functions uses: app
 * "shop" in the zone example.com (id {@link #ZONE_ID}), aliases example.com and www.example.com, origin name
 * api.example.com, served from us-east-1 and us-west-2: its input, what the provisioning steps return for it, the
 * teardown state handler tests read, and how it looks in AWS after provisioning ({@link Provisioned}, for failover).
 */
public final class ExampleApp {
    public static final String APP = "shop";
    public static final String ZONE_ID = "Z0EXAMPLE";
    public static final List<String> REGIONS = List.of("us-east-1", "us-west-2");
    public static final Instant STARTED_AT = Instant.parse("2026-01-01T00:00:00Z");
    public static final String DISTRIBUTION_ID = "E2EXAMPLE12345";
    public static final String DISTRIBUTION_DOMAIN = "d111111abcdef8.cloudfront.net";
    public static final String EAST_ORIGIN_CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/22222222-2222-2222-2222-222222222222";

    private static final List<String> ALIASES = List.of("example.com", "www.example.com");
    private static final HealthCheckSpec HEALTH_CHECK = new HealthCheckSpec("/health", 10, 3, 443);
    private static final TimingSpec TIMING = new TimingSpec(15, 60, 30, 45);
    private static final Map<String, String> USER_TAGS = Map.of("team", "payments");

    private ExampleApp() {
    }

    // ---- input

    /**
     * The input as events/provision.json has it, defaults filled in: us-east-1 behind API Gateway, us-west-2 a
     * ready alias target with its own health-check domain.
     */
    public static AppSpec input(boolean takeOverRecords) {
        return new AppSpec(APP, "example.com", null, ALIASES, "api.example.com",
                List.of(new RegionSpec("us-east-1",
                                new OriginSpec(new OriginSpec.ApiGatewayOrigin("a1b2c3d4e5", "prod"), null, null, null, null),
                                List.of()),
                        new RegionSpec("us-west-2", new OriginSpec(null, "d-abc123.execute-api.us-west-2.amazonaws.com",
                                "Z2OJLYMUO9EFXC", "a1b2c3d4e5.execute-api.us-west-2.amazonaws.com", "/prod/health"),
                                List.of())),
                HEALTH_CHECK, null, TIMING, USER_TAGS, takeOverRecords, null);
    }

    /** {@link #input(boolean)} without takeOverRecords. */
    public static AppSpec input() {
        return input(false);
    }

    /** The example with other aliases, served from {@code regions}, each a ready alias target. */
    public static AppSpec input(List<String> aliases, String... regions) {
        List<RegionSpec> specs = Arrays.stream(regions).map(r -> new RegionSpec(r,
                new OriginSpec(null, "d-abc123.execute-api." + r + ".amazonaws.com", "Z2OJLYMUO9EFXC", null, null),
                List.of())).toList();
        return new AppSpec(APP, "example.com", null, aliases, "api.example.com", specs, HEALTH_CHECK, null, TIMING,
                USER_TAGS, false, null);
    }

    /** The example under the name {@code app}, served from {@code regions}, each behind API Gateway, no user tags. */
    public static AppSpec input(String app, String... regions) {
        List<RegionSpec> specs = Arrays.stream(regions).map(region -> new RegionSpec(region,
                new OriginSpec(new OriginSpec.ApiGatewayOrigin("a1b2c3d4e5", "prod"), null, null, null, null),
                List.of())).toList();
        return new AppSpec(app, "example.com", null, ALIASES, "api.example.com", specs, HEALTH_CHECK, null, TIMING,
                Map.of(), false, null);
    }

    /** {@link #input(boolean)} with {@code region}'s origin replaced by {@code origin} (e.g. a load balancer). */
    public static AppSpec withOrigin(String region, OriginSpec origin) {
        AppSpec example = input(false);
        List<RegionSpec> regions = example.regions().stream()
                .map(r -> r.region().equals(region) ? new RegionSpec(region, origin, r.alarms()) : r).toList();
        return new AppSpec(example.app(), example.zone(), null, example.aliases(), example.originDomain(), regions,
                example.healthCheck(), null, example.timing(), example.tags(), false, null);
    }

    /** The teardown input of a user who gives only the app and its zone (defaults filled in). */
    public static AppSpec appAndZoneOnly() {
        return new AppSpec(APP, "example.com", null, null, null, List.of(), null, null, TIMING, null, null, null);
    }

    public static RegionSpec region(AppSpec input, String region) {
        return input.regions().stream().filter(r -> r.region().equals(region)).findFirst().orElseThrow();
    }

    // ---- what the provisioning steps return

    public static Run run(String id) {
        return new Run(id, STARTED_AT);
    }

    public static HostedZone zone() {
        return new HostedZone(ZONE_ID, "example.com.", List.of("ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk"), false);
    }

    public static CertificatesResult certificates() {
        return new CertificatesResult(List.of(
                new Certificate(Tags.ROLE_EDGE_CERTIFICATE, "us-east-1",
                        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-1111-1111-1111-111111111111",
                        ALIASES, false),
                new Certificate(Tags.ROLE_ORIGIN_CERTIFICATE, "us-east-1", EAST_ORIGIN_CERTIFICATE,
                        List.of("api.example.com"), false),
                new Certificate(Tags.ROLE_ORIGIN_CERTIFICATE, "us-west-2",
                        "arn:aws:acm:us-west-2:123456789012:certificate/33333333-3333-3333-3333-333333333333",
                        List.of("api.example.com"), false)));
    }

    public static OriginTarget target(String region) {
        return new OriginTarget(region, "d-" + region + ".execute-api." + region + ".amazonaws.com", "Z1UJRXOUMOOFQ8",
                "a1b2c3d4e5.execute-api." + region + ".amazonaws.com", "/prod/health", "api.example.com", false);
    }

    // ---- teardown states, for handler tests

    /** The teardown state after FindApplication found {@code zone} (null: no zone) and the two Regions. */
    public static TeardownState teardownState(AppSpec input, HostedZone zone) {
        return new TeardownState(input, run("teardown-run"), new TeardownScope(zone, REGIONS), null, null,
                null, null, null, null, null, null, null);
    }

    /** The teardown state a sample event holds. */
    public static TeardownState teardownState(byte[] event) throws IOException {
        return Json.MAPPER.readValue(event, TeardownState.class);
    }

    // ---- in AWS

    /** Route 53 holding the public zone example.com (id {@link #ZONE_ID}). */
    public static FakeRoute53 route53() {
        FakeRoute53 route53 = new FakeRoute53(ZONE_ID);
        route53.addZone(ZONE_ID, "example.com", false);
        return route53;
    }

    /** The endpoint, switch and gate that provisioning creates for {@code input.app()} in {@code region}. */
    public static RegionHealthChecksResult provisionChecks(FakeRoute53 route53, AppSpec input, String region) {
        return new HealthChecks(route53).ensure(input, region, run("provision-run"), target(region));
    }

    /**
     * The example as provisioning leaves it for failover: three health checks per Region in Route 53, and in
     * each Region one alarm "shop-{region}-5xx" marked with the Region's switch.
     */
    public static final class Provisioned {
        public final FakeRoute53 route53 = new FakeRoute53(ZONE_ID);
        public final Map<String, FakeCloudWatch> cloudWatch = new HashMap<>();
        public final Map<String, RegionHealthChecksResult> regions = new LinkedHashMap<>();
        public final RecordingMetrics metrics = new RecordingMetrics();
        public final TestClock clock = new TestClock(Instant.parse("2026-11-24T01:00:00Z"));

        public Provisioned(String... regionNames) {
            for (String region : regionNames) {
                RegionHealthChecksResult ids = route53.addRegion(APP, region);
                regions.put(region, ids);
                String arn = cloudWatch(region).add(alarm(region), false, StateValue.OK);
                mark(region, arn, ids.switchId());
            }
        }

        /** A second application in the same account, with its checks and a marked alarm in each Region. */
        public Map<String, RegionHealthChecksResult> addApp(String app, String... regionNames) {
            Map<String, RegionHealthChecksResult> added = new LinkedHashMap<>();
            for (String region : regionNames) {
                RegionHealthChecksResult ids = route53.addRegion(app, region);
                added.put(region, ids);
                String arn = cloudWatch(region).add(app + "-" + region + "-5xx", false, StateValue.OK);
                Map<String, String> tags = cloudWatch(region).tags.get(arn);
                tags.put(Tags.APP, app);
                tags.put(Tags.REGION, region);
                tags.put(FailoverTags.SWITCH, ids.switchId());
            }
            return added;
        }

        public static String alarm(String region) {
            return APP + "-" + region + "-5xx";
        }

        public FakeCloudWatch cloudWatch(String region) {
            return cloudWatch.computeIfAbsent(region, FakeCloudWatch::new);
        }

        public void mark(String region, String arn, String switchId) {
            Map<String, String> tags = cloudWatch(region).tags.get(arn);
            tags.put(Tags.APP, APP);
            tags.put(Tags.REGION, region);
            tags.put(FailoverTags.SWITCH, switchId);
        }

        /** Marks every alarm of the application with {@code minDrainSeconds}, as MarkAlarms does from the input. */
        public void minDrainSeconds(int seconds) {
            cloudWatch.values().forEach(cw -> cw.tags.values().stream().filter(t -> APP.equals(t.get(Tags.APP)))
                    .forEach(t -> t.put(FailoverTags.MIN_DRAIN_SECONDS, String.valueOf(seconds))));
        }

        /** Sets an alarm's state in CloudWatch, entered at {@code since}. */
        public void alarmState(String region, String alarm, StateValue state, String since) {
            cloudWatch(region).state(alarm, state, Instant.parse(since));
        }

        public String switchOf(String region) {
            return regions.get(region).switchId();
        }

        public Reconciler reconciler() {
            return new Reconciler(route53, new RegionalClients<CloudWatchClient>(this::cloudWatch),
                    new RegionalClients<ResourceGroupsTaggingApiClient>(r -> new FakeTagging(cloudWatch(r))), clock,
                    metrics);
        }

        public AlarmChange change(String region, String state, String timestamp) {
            return change(region, alarm(region), state, timestamp);
        }

        public AlarmChange change(String region, String alarm, String state, String timestamp) {
            return new AlarmChange(cloudWatch(region).arn(alarm), alarm, region, state, Instant.parse(timestamp));
        }
    }
}
