package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.testing.FakeTagging;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;

/**
 * Teardown's side of the alarms, on in-memory CloudWatch and Resource Groups Tagging API fakes: an account with
 * thousands of alarms is beyond what moto shows quickly, and the tagging index lagging behind CloudWatch is
 * beyond what it shows at all.
 */
class AlarmReleaserTest {
    private static final String REGION = "us-east-1";
    private static final String SWITCH = "5e1f0000-aaaa-bbbb-cccc-000000000002";

    private final FakeCloudWatch cloudWatch = new FakeCloudWatch(REGION);
    private final FakeTagging tagging = new FakeTagging(cloudWatch);
    private final AlarmReleaser release = release(tagging);

    private AlarmReleaser release(ResourceGroupsTaggingApiClient index) {
        return new AlarmReleaser(new RegionalClients<CloudWatchClient>(r -> {
            assertThat(r).isEqualTo(REGION);
            return cloudWatch;
        }), new RegionalClients<ResourceGroupsTaggingApiClient>(r -> {
            assertThat(r).isEqualTo(REGION);
            return index;
        }));
    }

    private String marked(String name, String app) {
        String arn = cloudWatch.add(name, false, StateValue.OK);
        cloudWatch.tags.get(arn).putAll(Map.of(Tags.APP, app, Tags.REGION, REGION, FailoverTags.SWITCH, app + "-switch"));
        return arn;
    }

    @Test
    void release_fiveThousandUnrelatedAlarmsInTheRegion_readsNoneOfThemAndReleasesTheAppsOwn() {
        cloudWatch.pageSize = 100;
        for (int i = 0; i < 5000; i++) {
            String arn = cloudWatch.add("someone-elses-" + i, false, StateValue.OK);
            cloudWatch.tags.get(arn).put("team", "payments");
        }
        String ours = marked("shop-us-east-1-5xx", "shop");

        List<String> released = release.release("shop", REGION, List.of("shop-us-east-1-5xx"));

        assertThat(released).containsExactly("shop-us-east-1-5xx");
        assertThat(cloudWatch.tags.get(ours)).doesNotContainKeys(Tags.APP, Tags.REGION, FailoverTags.SWITCH);
        assertThat(cloudWatch.tagsRead).as("no alarm's tags read one by one").isEmpty();
        assertThat(cloudWatch.calls).as("CloudWatch calls").containsExactly("UntagResource");
        assertThat(tagging.requests).singleElement().satisfies(r -> {
            assertThat(r.resourceTypeFilters()).containsExactly("cloudwatch:alarm");
            assertThat(r.tagFilters()).singleElement().satisfies(f -> {
                assertThat(f.key()).isEqualTo(Tags.APP);
                assertThat(f.values()).containsExactly("shop");
            });
        });
    }

    @Test
    void release_taggedAlarmTheInputNoLongerLists_isReleased() {
        String dropped = marked("shop-us-east-1-latency", "shop");
        cloudWatch.tags.get(dropped).put("team", "payments");

        List<String> released = release.release("shop", REGION, List.of());

        assertThat(released).containsExactly("shop-us-east-1-latency");
        assertThat(cloudWatch.alarms).containsKey("shop-us-east-1-latency");
        assertThat(cloudWatch.tags.get(dropped)).containsOnly(Map.entry("team", "payments"));
    }

    @Test
    void release_namedAlarmTheTagIndexDoesNotShowYet_isReleasedByItsName() {
        String ours = marked("shop-us-east-1-5xx", "shop");
        AlarmReleaser lagging = release(new FakeTagging(new FakeCloudWatch(REGION)));

        List<String> released = lagging.release("shop", REGION, List.of("shop-us-east-1-5xx"));

        assertThat(released).containsExactly("shop-us-east-1-5xx");
        assertThat(cloudWatch.tags.get(ours)).isEmpty();
        assertThat(cloudWatch.tagsRead).containsExactly(ours);
    }

    @Test
    void release_alarmsOfThisAndOtherApps_removesOnlyThisAppsMarksAndKeepsTheAlarms() {
        String ours = marked("shop-us-east-1-5xx", "shop");
        cloudWatch.tags.get(ours).put("team", "payments");
        String composite = cloudWatch.add("shop-us-east-1-health", true, StateValue.OK);
        cloudWatch.tags.get(composite).putAll(Map.of(Tags.APP, "shop", Tags.REGION, REGION, FailoverTags.SWITCH, SWITCH));
        String blogs = marked("blog-us-east-1-5xx", "blog");
        String shared = marked("shared-5xx", "blog");
        cloudWatch.add("unrelated", false, StateValue.OK);

        List<String> released = release.release("shop", REGION, List.of("shop-us-east-1-5xx", "shared-5xx"));

        assertThat(released).containsExactly("shop-us-east-1-5xx", "shop-us-east-1-health");
        assertThat(cloudWatch.alarms).hasSize(5);
        assertThat(cloudWatch.tags.get(ours)).containsOnly(Map.entry("team", "payments"));
        assertThat(cloudWatch.tags.get(composite)).isEmpty();
        assertThat(cloudWatch.tags.get(blogs)).containsEntry(Tags.APP, "blog").containsEntry(FailoverTags.SWITCH, "blog-switch");
        assertThat(cloudWatch.tags.get(shared)).as("named in shop's input, but blog's").containsEntry(Tags.APP, "blog");
    }

    @Test
    void release_moreTaggedAlarmsThanOnePage_releasesThemAll() {
        IntStream.range(0, 250).forEach(i -> marked("shop-" + i, "shop"));

        List<String> released = release.release("shop", REGION, null);

        assertThat(released).hasSize(250);
        assertThat(tagging.requests).hasSize(3).allSatisfy(r -> assertThat(r.resourcesPerPage()).isEqualTo(100));
        assertThat(cloudWatch.tags.values()).noneMatch(t -> t.containsKey(Tags.APP));
    }

    @Test
    void release_noMarkedAlarms_changesNothing() {
        cloudWatch.add("unrelated", false, StateValue.OK);

        assertThat(release.release("shop", REGION, List.of("shop-us-east-1-gone"))).isEmpty();
        assertThat(cloudWatch.calls).doesNotContain("UntagResource", "ListTagsForResource");
    }

    @Test
    void nameOf_alarmArnWithColonsInTheName_isTheWholeName() {
        assertThat(AlarmReleaser.nameOf("arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop:api:5xx"))
                .isEqualTo("shop:api:5xx");
    }
}
