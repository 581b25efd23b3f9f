package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.TransientNetworkException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.testing.FakeTagging;
import io.activeedge.testing.Lambda;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;

/** ReleaseAlarms over every Region of the scope, on in-memory CloudWatch and tagging fakes (one per Region). */
class ReleaseAlarmsHandlerTest {
    private final Map<String, FakeCloudWatch> cloudWatch = new HashMap<>();
    private final Map<String, FakeTagging> tagging = new HashMap<>();
    private final ReleaseAlarmsHandler handler = new ReleaseAlarmsHandler(new AlarmReleaser(
            new RegionalClients<CloudWatchClient>(this::cloudWatch),
            new RegionalClients<ResourceGroupsTaggingApiClient>(r -> tagging.computeIfAbsent(r,
                    region -> new FakeTagging(cloudWatch(region))))));

    private FakeCloudWatch cloudWatch(String region) {
        return cloudWatch.computeIfAbsent(region, FakeCloudWatch::new);
    }

    private String marked(String region, String name) {
        String arn = cloudWatch(region).add(name, false, StateValue.ALARM);
        cloudWatch(region).tags.get(arn).putAll(Map.of(Tags.APP, "shop", Tags.REGION, region,
                FailoverTags.SWITCH, "switch-" + region));
        return arn;
    }

    /** The input of "shop" in us-east-1 and us-west-2, each listing {@code alarms}. */
    private static TeardownState state(Map<String, List<String>> alarms) {
        List<RegionSpec> regions = ExampleApp.REGIONS.stream().map(region -> new RegionSpec(region,
                new OriginSpec(new OriginSpec.ApiGatewayOrigin("a1b2c3d4e5", "prod"), null, null, null, null),
                alarms.getOrDefault(region, List.of()))).toList();
        AppSpec base = ExampleApp.input();
        AppSpec input = new AppSpec(base.app(), base.zone(), base.hostedZoneId(), base.aliases(), base.originDomain(),
                regions, base.healthCheck(), base.distribution(), base.timing(), base.tags(), base.takeOverRecords(), null);
        return ExampleApp.teardownState(input, ExampleApp.zone());
    }

    @Test
    void handleRequest_alarmsListedAndNoLongerListed_releasesBothInEachRegionAndReportsThemKept() throws Exception {
        String east = marked("us-east-1", "shop-us-east-1-5xx");
        String eastDropped = marked("us-east-1", "shop-us-east-1-latency");
        String west = marked("us-west-2", "shop-us-west-2-5xx");
        cloudWatch("us-west-2").add("someone-elses", false, StateValue.OK);

        RemovalResult removal = Lambda.invoke(handler, state(Map.of(
                "us-east-1", List.of("shop-us-east-1-5xx"), "us-west-2", List.of("shop-us-west-2-5xx"))), RemovalResult.class);

        assertThat(removal.deleted()).isEmpty();
        assertThat(removal.kept()).containsExactly(
                "us-east-1 alarm shop-us-east-1-5xx (yours: kept, its active-edge tags removed)",
                "us-east-1 alarm shop-us-east-1-latency (yours: kept, its active-edge tags removed)",
                "us-west-2 alarm shop-us-west-2-5xx (yours: kept, its active-edge tags removed)");
        assertThat(List.of(cloudWatch("us-east-1").tags.get(east), cloudWatch("us-east-1").tags.get(eastDropped),
                cloudWatch("us-west-2").tags.get(west))).allSatisfy(tags -> assertThat(tags).isEmpty());
        assertThat(cloudWatch("us-west-2").alarms).hasSize(2);
    }

    @Test
    void handleRequest_sampleEvent_releasesTheAlarmOfEachRegion() throws Exception {
        String east = marked("us-east-1", "shop-us-east-1-5xx");
        String west = marked("us-west-2", "shop-us-west-2-5xx");

        RemovalResult removal = Lambda.onSampleEvent(handler, "ReleaseAlarmsFunction", RemovalResult.class);

        assertThat(removal.kept()).hasSize(2).allMatch(line -> line.contains("active-edge tags removed"));
        assertThat(cloudWatch("us-east-1").tags.get(east)).isEmpty();
        assertThat(cloudWatch("us-west-2").tags.get(west)).isEmpty();
    }

    @Test
    void handleRequest_taggingApiTimesOut_failsWithTransientNetworkErrorForTheWorkflowToRetry() {
        // A network timeout cannot be produced on moto at will: a stand-in client throws what the SDK throws.
        ResourceGroupsTaggingApiClient timingOut = new ResourceGroupsTaggingApiClient() {
            @Override
            public GetResourcesResponse getResources(GetResourcesRequest request) {
                throw ApiCallAttemptTimeoutException.create(5_000);
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
        ReleaseAlarmsHandler unreachable = new ReleaseAlarmsHandler(new AlarmReleaser(
                new RegionalClients<CloudWatchClient>(this::cloudWatch),
                new RegionalClients<ResourceGroupsTaggingApiClient>(r -> timingOut)));
        String east = marked("us-east-1", "shop-us-east-1-5xx");

        assertThatThrownBy(() -> Lambda.invoke(unreachable, state(Map.of()), RemovalResult.class))
                .isInstanceOf(TransientNetworkException.class)
                .hasCauseInstanceOf(ApiCallAttemptTimeoutException.class);
        assertThat(cloudWatch("us-east-1").tags.get(east)).containsEntry(Tags.APP, "shop");
    }
}
