package io.activeedge.teardown;

import io.activeedge.core.Json;
import io.activeedge.core.JsonHandler;
import io.activeedge.input.AppSpec;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.input.TimingSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.RegionHealthChecks;
import io.activeedge.provisioning.Run;
import io.activeedge.routing.ExampleState;
import io.activeedge.routing.HealthChecks;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The application "shop" of DESIGN.md (zone example.com), as provisioning leaves it and teardown finds it. */
final class TeardownExample {
    static final String APP = "shop";
    static final String ZONE_ID = ExampleState.ZONE_ID;
    static final String DISTRIBUTION_ID = "E2EXAMPLE12345";
    static final String DISTRIBUTION_DOMAIN = ExampleState.DISTRIBUTION_DOMAIN;
    static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");
    static final Run RUN = new Run("teardown-run", STARTED);
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

    private TeardownExample() {
    }

    /** The provisioning input of {@code app} serving from {@code regions}, defaults filled in (45 minutes for CloudFront). */
    static AppSpec input(String app, String... regions) {
        List<RegionSpec> specs = Arrays.stream(regions).map(region -> new RegionSpec(region,
                new OriginSpec(new OriginSpec.ApiGatewayOrigin("a1b2c3d4e5", "prod"), null, null, null, null),
                List.of())).toList();
        return new AppSpec(app, "example.com", null, List.of("example.com", "www.example.com"), "api.example.com",
                specs, new HealthCheckSpec("/health", 10, 3, 443), null, new TimingSpec(15, 60, 30, 45), Map.of(), false);
    }

    static AppSpec input() {
        return input(APP, "us-east-1", "us-west-2");
    }

    /** The teardown input of a user who gives only the app and its zone. */
    static AppSpec appAndZoneOnly() {
        return new AppSpec(APP, "example.com", null, null, null, List.of(), null, null, new TimingSpec(15, 60, 30, 45),
                null, null);
    }

    static HostedZone zone() {
        return ExampleState.zone();
    }

    /** What FindApplication finds for the example: its zone and its two Regions. */
    static TeardownScope scope() {
        return new TeardownScope(zone(), REGIONS);
    }

    /** The state after FindApplication found the zone (null: no zone). */
    static TeardownState state(AppSpec input, HostedZone zone) {
        return new TeardownState(input, RUN, new TeardownScope(zone, REGIONS), null, null,
                null, null, null, null, null, null, null);
    }

    static TeardownState withDistribution(TeardownState state, DistributionRemoval distribution) {
        return new TeardownState(state.input(), state.run(), state.scope(), state.aliasRecords(), distribution,
                state.latencyRecords(), state.healthChecks(), state.originDomains(), state.certificates(),
                state.validationRecords(), state.hostedZone(), state.alarms());
    }

    /** Route 53 holding the public zone example.com (id {@link #ZONE_ID}). */
    static FakeRoute53 route53() {
        FakeRoute53 route53 = new FakeRoute53(ZONE_ID);
        route53.addZone(ZONE_ID, "example.com", false);
        return route53;
    }

    /** The endpoint, switch and gate that provisioning creates for {@code input.app()} in {@code region}. */
    static RegionHealthChecks provisionChecks(FakeRoute53 route53, AppSpec input, String region) {
        return new HealthChecks(route53).ensure(ExampleState.withTarget(
                ExampleState.regionState(input, region, "provision-run"), ExampleState.target(region)));
    }

    /** The function's sample event, events/<function>-example.json; a missing file fails the test. */
    static byte[] sampleEvent(String function) throws IOException {
        return SampleEvents.example(function);
    }

    /** Runs a handler on the function's sample event. */
    static <O> O onSampleEvent(JsonHandler<TeardownState, O> handler, String function, Class<O> type) throws IOException {
        return invoke(handler, sampleEvent(function), type);
    }

    /** The state a sample event holds. */
    static TeardownState state(byte[] event) throws IOException {
        return Json.MAPPER.readValue(event, TeardownState.class);
    }

    /** Runs a handler as Lambda does, on {@code event} as it is. */
    static <O> O invoke(JsonHandler<TeardownState, O> handler, byte[] event, Class<O> type) throws IOException {
        return run(handler, new ByteArrayInputStream(event), type);
    }

    /** Runs a handler as Lambda does: the state as JSON in, the result as JSON out. */
    static <O> O invoke(JsonHandler<TeardownState, O> handler, TeardownState state, Class<O> type) throws IOException {
        return run(handler, new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(state)), type);
    }

    private static <O> O run(JsonHandler<TeardownState, O> handler, InputStream in, Class<O> type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(in, out, null);
        return Json.MAPPER.readValue(out.toByteArray(), type);
    }
}
