package io.activeedge.routing;

import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.input.TimingSpec;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.Certificates;
import io.activeedge.provisioning.Distribution;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.provisioning.RegionHealthChecks;
import io.activeedge.provisioning.RegionState;
import io.activeedge.provisioning.Run;
import io.activeedge.provisioning.WorkflowState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The example application of DESIGN.md, as the routing and origin steps receive it. */
public final class ExampleState {
    public static final String ZONE_ID = "Z0EXAMPLE";
    public static final String DISTRIBUTION_DOMAIN = "d111111abcdef8.cloudfront.net";
    public static final String EAST_ORIGIN_CERTIFICATE =
            "arn:aws:acm:us-east-1:123456789012:certificate/22222222-2222-2222-2222-222222222222";

    private ExampleState() {
    }

    public static AppSpec input(boolean takeOverRecords) {
        return new AppSpec("shop", "example.com", null, List.of("example.com", "www.example.com"), "api.example.com",
                List.of(new RegionSpec("us-east-1",
                                new OriginSpec(new OriginSpec.ApiGatewayOrigin("a1b2c3d4e5", "prod"), null, null, null, null),
                                List.of()),
                        new RegionSpec("us-west-2", new OriginSpec(null, "d-abc123.execute-api.us-west-2.amazonaws.com",
                                "Z2OJLYMUO9EFXC", "a1b2c3d4e5.execute-api.us-west-2.amazonaws.com", "/prod/health"),
                                List.of())),
                new HealthCheckSpec("/health", 10, 3, 443), null, new TimingSpec(15, 60, 30, 45),
                Map.of("team", "payments"), takeOverRecords);
    }

    public static Run run(String id) {
        return new Run(id, Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static HostedZone zone() {
        return new HostedZone(ZONE_ID, "example.com.", List.of("ns-1.awsdns-01.org"), false);
    }

    public static Certificates certificates() {
        return new Certificates(List.of(
                new Certificate(Tags.ROLE_EDGE_CERTIFICATE, "us-east-1",
                        "arn:aws:acm:us-east-1:123456789012:certificate/11111111-1111-1111-1111-111111111111",
                        List.of("example.com", "www.example.com"), false),
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

    public static RegionSpec region(AppSpec input, String region) {
        return input.regions().stream().filter(r -> r.region().equals(region)).findFirst().orElseThrow();
    }

    /** The state as the per-Region branch has it before any step ran. */
    public static RegionState regionState(AppSpec input, String region, String runId) {
        return new RegionState(input, run(runId), region(input, region), zone(), certificates(), null, null, null, null);
    }

    public static RegionState withTarget(RegionState state, OriginTarget target) {
        return new RegionState(state.input(), state.run(), state.region(), state.zone(), state.certificates(),
                target, state.healthChecks(), state.alarms(), state.record());
    }

    public static RegionState withHealthChecks(RegionState state, RegionHealthChecks checks) {
        return new RegionState(state.input(), state.run(), state.region(), state.zone(), state.certificates(),
                state.target(), checks, state.alarms(), state.record());
    }

    public static WorkflowState workflowState(AppSpec input, String distributionDomain) {
        return new WorkflowState(input, run("example-run"), zone(), certificates(), null, null, List.of(),
                new Distribution("E2EXAMPLE12345", "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE12345",
                        distributionDomain, "Deployed", "CREATED"),
                null, null);
    }
}
