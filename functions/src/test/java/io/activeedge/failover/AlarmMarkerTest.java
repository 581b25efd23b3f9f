package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.AlarmNotFoundException;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.provisioning.AlarmMarksResult;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.input.FailoverSpec;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.testing.FakeRoute53;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class AlarmMarkerTest {
    private static final String REGION = "us-east-1";
    private static final String SWITCH = "5e1f0000-aaaa-bbbb-cccc-000000000002";

    private final FakeCloudWatch cloudWatch = new FakeCloudWatch(REGION);
    private final FakeRoute53 route53 = new FakeRoute53("Z1");
    private final AlarmMarker marker = new AlarmMarker(new RegionalClients<CloudWatchClient>(r -> {
        assertThat(r).isEqualTo(REGION);
        return cloudWatch;
    }), route53);

    /** MarkAlarms for {@code app} in {@link #REGION}, after EnsureHealthChecks made the switch {@code switchId}. */
    private AlarmMarksResult mark(AlarmMarker marker, String app, List<String> alarms, String switchId) {
        return marker.mark(app, REGION, alarms,
                new RegionHealthChecksResult(REGION, "endpoint-id", switchId, "gate-id", List.of()),
                FailoverSpec.DEFAULT, null, null);
    }

    @Test
    void mark_failoverSettings_tagEveryAlarmAndTheGateKnowsTheRecord() {
        RegionHealthChecksResult checks = route53.addRegion("shop", REGION);
        String metric = cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);

        marker.mark("shop", REGION, List.of("shop-us-east-1-5xx"), checks, new FailoverSpec(300, true), "Z1",
                "api.example.com");

        assertThat(cloudWatch.tags.get(metric)).containsEntry(FailoverTags.MIN_DRAIN_SECONDS, "300")
                .containsEntry(FailoverTags.DATA_PLANE, "true");
        assertThat(route53.tags.get(checks.gateId())).containsEntry(FailoverTags.RECORDS, "Z1 api.example.com");
        long writes = route53.count("ChangeTagsForResource");

        marker.mark("shop", REGION, List.of("shop-us-east-1-5xx"), checks, new FailoverSpec(300, true), "Z1",
                "api.example.com");

        assertThat(route53.count("ChangeTagsForResource")).as("a second run writes no tag").isEqualTo(writes);
        assertThat(cloudWatch.tagged).hasSize(1);
    }

    @Test
    void mark_unmarkedAlarms_tagsEachWithAppRegionAndSwitch() {
        String metric = cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);
        String composite = cloudWatch.add("shop-us-east-1-health", true, StateValue.INSUFFICIENT_DATA);
        cloudWatch.tags.get(metric).put("team", "payments");

        AlarmMarksResult marks = mark(marker, "shop", List.of("shop-us-east-1-5xx", "shop-us-east-1-health"), SWITCH);

        assertThat(marks).isEqualTo(new AlarmMarksResult(REGION, List.of(metric, composite)));
        Map<String, String> wanted = Map.of(Tags.APP, "shop", Tags.REGION, REGION, FailoverTags.SWITCH, SWITCH);
        assertThat(cloudWatch.tags.get(metric)).containsAllEntriesOf(wanted).containsEntry("team", "payments");
        assertThat(cloudWatch.tags.get(composite)).containsAllEntriesOf(wanted);
    }

    @Test
    void mark_alreadyMarkedAlarm_isNotTaggedAgain() {
        String marked = cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);
        cloudWatch.tags.get(marked).putAll(Map.of(Tags.APP, "shop", Tags.REGION, REGION, FailoverTags.SWITCH, SWITCH,
                FailoverTags.MIN_DRAIN_SECONDS, "0", FailoverTags.DATA_PLANE, "false"));
        String fresh = cloudWatch.add("shop-us-east-1-latency", false, StateValue.OK);

        AlarmMarksResult marks = mark(marker, "shop", List.of("shop-us-east-1-5xx", "shop-us-east-1-latency"), SWITCH);

        assertThat(marks.alarmArns()).containsExactly(marked, fresh);
        assertThat(cloudWatch.tagged).singleElement().satisfies(t -> assertThat(t.resourceARN()).isEqualTo(fresh));
    }

    @Test
    void mark_alarmOfThisAppWithAnOldSwitch_movesItToTheNewSwitch() {
        String alarm = cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);
        cloudWatch.tags.get(alarm).putAll(Map.of(Tags.APP, "shop", Tags.REGION, REGION, FailoverTags.SWITCH, "old"));

        mark(marker, "shop", List.of("shop-us-east-1-5xx"), SWITCH);

        assertThat(cloudWatch.tags.get(alarm)).containsEntry(FailoverTags.SWITCH, SWITCH);
    }

    @Test
    void mark_missingAlarm_throwsAlarmNotFoundNamingAlarmRegionAndField() {
        cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);

        assertThatThrownBy(() -> mark(marker, "shop", List.of("shop-us-east-1-5xx", "shop-us-east-1-typo"), SWITCH))
                .isInstanceOf(AlarmNotFoundException.class)
                .hasMessageContaining("\"shop-us-east-1-typo\"")
                .hasMessageContaining(REGION)
                .hasMessageContaining("regions[].alarms");
        assertThat(cloudWatch.tagged).isEmpty();
    }

    @Test
    void mark_alarmOfAnotherApp_throwsResourceConflictAndTagsNothing() {
        cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);
        String blogs = cloudWatch.add("shared-5xx", false, StateValue.OK);
        cloudWatch.tags.get(blogs).putAll(Map.of(Tags.APP, "blog", Tags.REGION, REGION, FailoverTags.SWITCH, "x"));

        assertThatThrownBy(() -> mark(marker, "shop", List.of("shop-us-east-1-5xx", "shared-5xx"), SWITCH))
                .isInstanceOf(ResourceConflictException.class)
                .hasMessageContaining("shared-5xx")
                .hasMessageContaining("\"blog\"");
        assertThat(cloudWatch.tagged).isEmpty();
        assertThat(cloudWatch.tags.get(blogs)).containsEntry(Tags.APP, "blog");
    }

    @Test
    void mark_noAlarms_returnsEmptyWithoutAnyCall() {
        CloudWatchClient client = mock(CloudWatchClient.class);
        AlarmMarker quiet = new AlarmMarker(new RegionalClients<>(r -> client), route53);

        assertThat(mark(quiet, "shop", List.of(), SWITCH)).isEqualTo(new AlarmMarksResult(REGION, List.of()));
        assertThat(mark(quiet, "shop", null, null)).isEqualTo(new AlarmMarksResult(REGION, List.of()));
        verifyNoInteractions(client);
    }

    @Test
    void mark_moreAlarmsThanOnePage_findsThemAll() {
        cloudWatch.pageSize = 1;
        List<String> names = List.of("a", "b", "c");
        names.forEach(n -> cloudWatch.add(n, false, StateValue.OK));

        assertThat(mark(marker, "shop", names, SWITCH).alarmArns()).hasSize(3);
    }

    // CloudWatch API reference, DescribeAlarms: AlarmNames "Maximum number of 100 items"; the fake refuses more.
    @Test
    void mark_fiveThousandUnrelatedAlarmsInTheRegion_readsOnlyTheNamedAlarms() {
        cloudWatch.pageSize = 100;
        for (int i = 0; i < 5000; i++) {
            cloudWatch.add("someone-elses-" + i, i % 10 == 0, StateValue.OK);
        }
        String metric = cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);
        String composite = cloudWatch.add("shop-us-east-1-health", true, StateValue.OK);

        AlarmMarksResult marks = mark(marker, "shop", List.of("shop-us-east-1-5xx", "shop-us-east-1-health"), SWITCH);

        assertThat(marks.alarmArns()).containsExactly(metric, composite);
        assertThat(cloudWatch.tagsRead).as("tags read: the named alarms only").containsExactly(metric, composite);
        assertThat(cloudWatch.calls).filteredOn("DescribeAlarms"::equals).hasSize(1);
        assertThat(cloudWatch.tags.values()).filteredOn(t -> t.containsKey(Tags.APP)).hasSize(2);
    }

    @Test
    void mark_twoHundredFiftyNamedAlarms_asksForAtMostOneHundredNamesACall() {
        cloudWatch.pageSize = 100;
        List<String> names = java.util.stream.IntStream.range(0, 250).mapToObj(i -> "shop-" + i).toList();
        names.forEach(n -> cloudWatch.add(n, false, StateValue.OK));
        for (int i = 0; i < 1000; i++) {
            cloudWatch.add("someone-elses-" + i, false, StateValue.OK);
        }

        AlarmMarksResult marks = mark(marker, "shop", names, SWITCH);

        assertThat(marks.alarmArns()).hasSize(250);
        assertThat(cloudWatch.calls).filteredOn("DescribeAlarms"::equals).hasSize(3);
        assertThat(cloudWatch.tagsRead).hasSize(250);
    }
}
