package io.activeedge.failover;

import static io.activeedge.failover.FailoverDecision.Action.DRAINED;
import static io.activeedge.failover.FailoverDecision.Action.IGNORED;
import static io.activeedge.failover.FailoverDecision.Action.REFUSED;
import static io.activeedge.failover.FailoverDecision.Action.RESTORED;
import static io.activeedge.failover.FailoverDecision.Action.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.testing.ExampleApp.Provisioned;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.RecordingMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

class RegionSwitchTest {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    private static final String EU = "eu-west-1";

    @Test
    void apply_alarm_drainsOnlyThatRegionsSwitch() {
        Provisioned shop = new Provisioned(EAST, WEST);
        RegionHealthChecksResult east = shop.regions.get(EAST);

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03.456Z"));

        assertThat(decision.action()).isEqualTo(DRAINED.name());
        assertThat(decision).extracting(FailoverDecision::app, FailoverDecision::region, FailoverDecision::switchId,
                FailoverDecision::before, FailoverDecision::after)
                .containsExactly("shop", EAST, east.switchId(), "serving", "drained");
        assertThat(shop.route53.inverted(east.switchId())).isTrue();
        assertThat(shop.route53.inverted(east.endpointId())).isFalse();
        assertThat(shop.route53.inverted(east.gateId())).isFalse();
        assertThat(shop.route53.inverted(shop.switchOf(WEST))).isFalse();
        assertThat(shop.route53.updates).singleElement().satisfies(update -> {
            assertThat(update.healthCheckId()).isEqualTo(east.switchId());
            assertThat(update.healthCheckVersion()).isEqualTo(1L);
            assertThat(update.toBuilder().healthCheckId(null).healthCheckVersion(null).inverted(null).build())
                    .as("nothing but Inverted changes").isEqualTo(UpdateHealthCheckRequest.builder().build());
        });
        assertThat(shop.route53.tags.get(east.switchId()))
                .containsEntry(FailoverTags.CHANGED_AT, "2026-11-24T01:02:03.456Z")
                .containsEntry(FailoverTags.CHANGED_BY, "shop-us-east-1-5xx");
        assertThat(shop.metrics.counted).containsExactly("RegionDrained shop us-east-1");
    }

    @Test
    void apply_alarmWhileRegionHasOldAndNewSwitch_drainsTheSwitchTheGateMonitors() {
        Provisioned shop = new Provisioned(EAST, WEST);
        RegionHealthChecksResult east = shop.regions.get(EAST);
        String old = shop.route53.addOldSwitchMonitoredByGate("shop", EAST, east);
        shop.cloudWatch(EAST).tags.get(shop.cloudWatch(EAST).arn(Provisioned.alarm(EAST))).remove(FailoverTags.SWITCH);

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(DRAINED.name());
        assertThat(decision.switchId()).isEqualTo(old);
        assertThat(shop.route53.inverted(old)).isTrue();
        assertThat(shop.route53.inverted(east.switchId())).isFalse();
    }

    @Test
    void apply_okAfterAlarm_restoresRegion() {
        Provisioned shop = new Provisioned(EAST, WEST);
        RegionSwitch regionSwitch = shop.regionSwitch();
        regionSwitch.apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        FailoverDecision decision = regionSwitch.apply(shop.change(EAST, "OK", "2026-11-24T01:12:03Z"));

        assertThat(decision.action()).isEqualTo(RESTORED.name());
        assertThat(decision.before()).isEqualTo("drained");
        assertThat(decision.after()).isEqualTo("serving");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
        assertThat(shop.route53.tags.get(shop.switchOf(EAST)))
                .containsEntry(FailoverTags.CHANGED_AT, "2026-11-24T01:12:03Z");
        assertThat(shop.metrics.counted)
                .containsExactly("RegionDrained shop us-east-1", "RegionRestored shop us-east-1");
    }

    @Test
    void apply_insufficientData_makesNoAwsCall() {
        CloudWatchClient cloudWatch = mock(CloudWatchClient.class);
        Route53Client route53 = mock(Route53Client.class);
        RecordingMetrics metrics = new RecordingMetrics();
        RegionSwitch regionSwitch = new RegionSwitch(new RegionalClients<>(r -> cloudWatch), route53,
                Clock.systemUTC(), metrics);

        FailoverDecision decision = regionSwitch.apply(new AlarmChange(
                "arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-us-east-1-5xx", "shop-us-east-1-5xx", EAST,
                "INSUFFICIENT_DATA", Instant.parse("2026-11-24T01:02:03Z")));

        assertThat(decision.action()).isEqualTo(IGNORED.name());
        verifyNoInteractions(cloudWatch, route53);
        assertThat(metrics.counted).isEmpty();
    }

    @Test
    void apply_alarmWithoutActiveEdgeTags_ignoredWithoutRoute53Call() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.cloudWatch(EAST).add("someone-elses-alarm", false, StateValue.ALARM);
        Route53Client route53 = mock(Route53Client.class);
        RegionSwitch regionSwitch = new RegionSwitch(new RegionalClients<CloudWatchClient>(shop::cloudWatch), route53,
                shop.clock, shop.metrics);

        FailoverDecision decision = regionSwitch.apply(
                shop.change(EAST, "someone-elses-alarm", "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(IGNORED.name());
        assertThat(decision.app()).isNull();
        verifyNoInteractions(route53);
        assertThat(shop.metrics.counted).isEmpty();
    }

    @Test
    void apply_alarmWithoutActiveEdgeTags_logsOneLineSayingWhy() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.cloudWatch(EAST).add("someone-elses-alarm", false, StateValue.ALARM);

        try (CapturedLogs logs = new CapturedLogs()) {
            shop.regionSwitch().apply(shop.change(EAST, "someone-elses-alarm", "ALARM", "2026-11-24T01:02:03Z"));

            assertThat(logs.lines()).singleElement().asString()
                    .startsWith("INFO failover decision")
                    .contains("action=IGNORED", "alarm=someone-elses-alarm")
                    .contains("not one of the alarms provisioning marked");
        }
    }

    @Test
    void apply_refusedDrain_logsOneWarningNamingTheOtherRegions() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.route53.edit(shop.switchOf(WEST), c -> c.inverted(true));

        try (CapturedLogs logs = new CapturedLogs()) {
            shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

            assertThat(logs.lines()).filteredOn(l -> l.contains("failover decision")).singleElement().asString()
                    .startsWith("WARN failover decision")
                    .contains("app=shop", "region=us-east-1", "action=REFUSED", "us-west-2 is drained");
        }
    }

    @Test
    void apply_unmarkedAlarmMarkedLater_followsItOnceTheShortMemoryExpires() {
        Provisioned shop = new Provisioned(EAST, WEST);
        String arn = shop.cloudWatch(EAST).add("shop-us-east-1-latency", false, StateValue.ALARM);
        RegionSwitch regionSwitch = shop.regionSwitch();
        regionSwitch.apply(shop.change(EAST, "shop-us-east-1-latency", "ALARM", "2026-11-24T01:02:03Z"));
        shop.mark(EAST, arn, shop.switchOf(EAST));

        shop.clock.advance(Duration.ofMinutes(6));
        FailoverDecision decision = regionSwitch.apply(
                shop.change(EAST, "shop-us-east-1-latency", "ALARM", "2026-11-24T01:08:03Z"));

        assertThat(decision.action()).isEqualTo(DRAINED.name());
    }

    @Test
    void apply_threeRegionsAlarmOneAfterAnother_drainsTwoAndRefusesTheLast() {
        Provisioned shop = new Provisioned(EAST, WEST, EU);
        RegionSwitch regionSwitch = shop.regionSwitch();

        FailoverDecision east = regionSwitch.apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));
        FailoverDecision west = regionSwitch.apply(shop.change(WEST, "ALARM", "2026-11-24T01:02:04Z"));
        FailoverDecision eu = regionSwitch.apply(shop.change(EU, "ALARM", "2026-11-24T01:02:05Z"));

        assertThat(List.of(east.action(), west.action(), eu.action()))
                .containsExactly(DRAINED.name(), DRAINED.name(), REFUSED.name());
        assertThat(eu.after()).isEqualTo("serving");
        assertThat(eu.reason()).contains("us-east-1 is drained").contains("us-west-2 is drained");
        assertThat(shop.route53.inverted(shop.switchOf(EU))).isFalse();
        assertThat(shop.route53.updates).hasSize(2)
                .noneMatch(u -> u.healthCheckId().equals(shop.switchOf(EU)));
        assertThat(shop.metrics.of(FailoverMetrics.REGION_DRAINED)).isEqualTo(2);
        assertThat(shop.metrics.counted).contains("DrainRefused shop eu-west-1");
    }

    @Test
    void apply_otherRegionFailsItsEndpointCheck_refusesToDrain() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.route53.statuses.put(shop.regions.get(WEST).endpointId(),
                List.of(FakeRoute53.FAILURE, FakeRoute53.FAILURE, FakeRoute53.SUCCESS));

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(REFUSED.name());
        assertThat(decision.reason()).contains("us-west-2 fails its endpoint check");
        assertThat(shop.route53.updates).isEmpty();
        assertThat(shop.metrics.counted).containsExactly("DrainRefused shop us-east-1");
    }

    @Test
    void apply_otherRegionNotYetObserved_countsAsServing() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.route53.statuses.put(shop.regions.get(WEST).endpointId(), List.of());

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(DRAINED.name());
    }

    @Test
    void apply_onlyRegion_refusesToDrain() {
        Provisioned shop = new Provisioned(EAST);

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(REFUSED.name());
        assertThat(decision.reason()).contains("no other Region");
        assertThat(shop.route53.updates).isEmpty();
    }

    @Test
    void apply_okOlderThanAppliedAlarm_changesNothing() {
        Provisioned shop = new Provisioned(EAST, WEST);
        RegionSwitch regionSwitch = shop.regionSwitch();
        regionSwitch.apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        FailoverDecision decision = regionSwitch.apply(shop.change(EAST, "OK", "2026-11-24T01:01:00Z"));

        assertThat(decision.action()).isEqualTo(IGNORED.name());
        assertThat(decision.reason()).contains("older than the last change applied");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
        assertThat(shop.route53.updates).hasSize(1);
        assertThat(shop.route53.tags.get(shop.switchOf(EAST)))
                .containsEntry(FailoverTags.CHANGED_AT, "2026-11-24T01:02:03Z");
    }

    @Test
    void apply_sameEventTwice_updatesOnce() {
        Provisioned shop = new Provisioned(EAST, WEST);
        RegionSwitch regionSwitch = shop.regionSwitch();
        AlarmChange alarm = shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z");

        FailoverDecision first = regionSwitch.apply(alarm);
        FailoverDecision second = regionSwitch.apply(alarm);

        assertThat(first.action()).isEqualTo(DRAINED.name());
        assertThat(second.action()).isEqualTo(IGNORED.name());
        assertThat(second.reason()).contains("already applied");
        assertThat(shop.route53.updates).hasSize(1);
        assertThat(shop.metrics.counted).containsExactly("RegionDrained shop us-east-1");
    }

    @Test
    void apply_alarmWhileAlreadyDrained_leavesSwitchAlone() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.route53.edit(shop.switchOf(EAST), c -> c.inverted(true));

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(UNCHANGED.name());
        assertThat(decision.reason()).isEqualTo("already drained");
        assertThat(shop.route53.updates).isEmpty();
        assertThat(shop.metrics.counted).isEmpty();
    }

    @Test
    void apply_okWhileAnotherAlarmOfTheRegionFires_keepsRegionDrained() {
        Provisioned shop = new Provisioned(EAST, WEST);
        String latency = shop.cloudWatch(EAST).add("shop-us-east-1-latency", true, StateValue.ALARM);
        shop.mark(EAST, latency, shop.switchOf(EAST));
        shop.cloudWatch(EAST).add("unrelated-alarm", false, StateValue.ALARM);
        RegionSwitch regionSwitch = shop.regionSwitch();
        regionSwitch.apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        FailoverDecision held = regionSwitch.apply(shop.change(EAST, "OK", "2026-11-24T01:12:03Z"));
        shop.cloudWatch(EAST).state("shop-us-east-1-latency", StateValue.OK);
        FailoverDecision restored = regionSwitch.apply(
                shop.change(EAST, "shop-us-east-1-latency", "OK", "2026-11-24T01:15:00Z"));

        assertThat(held.action()).isEqualTo(UNCHANGED.name());
        assertThat(held.reason()).contains("shop-us-east-1-latency").contains("still in ALARM");
        assertThat(restored.action()).isEqualTo(RESTORED.name());
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    @Test
    void apply_okWhileAnotherAlarmOfTheRegionFiresOnALaterPage_keepsRegionDrained() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.cloudWatch(EAST).pageSize = 1;
        shop.cloudWatch(EAST).add("unrelated-alarm-1", false, StateValue.ALARM);
        shop.cloudWatch(EAST).add("unrelated-alarm-2", false, StateValue.ALARM);
        String latency = shop.cloudWatch(EAST).add("shop-us-east-1-latency", false, StateValue.ALARM);
        shop.mark(EAST, latency, shop.switchOf(EAST));
        RegionSwitch regionSwitch = shop.regionSwitch();
        regionSwitch.apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        FailoverDecision held = regionSwitch.apply(shop.change(EAST, "OK", "2026-11-24T01:12:03Z"));

        assertThat(held.action()).isEqualTo(UNCHANGED.name());
        assertThat(held.reason()).contains("shop-us-east-1-latency").contains("still in ALARM");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
    }

    @Test
    void apply_versionConflict_rereadsAndRetriesWithFreshVersion() {
        Provisioned shop = new Provisioned(EAST, WEST);
        String eastSwitch = shop.switchOf(EAST);
        shop.route53.beforeNextUpdate = () -> shop.route53.edit(eastSwitch, c -> c.healthThreshold(0));

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(DRAINED.name());
        assertThat(shop.route53.inverted(eastSwitch)).isTrue();
        assertThat(shop.route53.count("UpdateHealthCheck")).isEqualTo(2);
        assertThat(shop.route53.updates).singleElement()
                .satisfies(u -> assertThat(u.healthCheckVersion()).isEqualTo(2L));
    }

    @Test
    void apply_versionConflictBecauseSomeoneDrainedMeanwhile_leavesTheirChange() {
        Provisioned shop = new Provisioned(EAST, WEST);
        String eastSwitch = shop.switchOf(EAST);
        shop.route53.beforeNextUpdate = () -> shop.route53.edit(eastSwitch, c -> c.inverted(true));

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(UNCHANGED.name());
        assertThat(shop.route53.updates).isEmpty();
        assertThat(shop.route53.inverted(eastSwitch)).isTrue();
    }

    /**
     * Throttling that the Route 53 client's own retries could not get past (they are shown on the wire in
     * ClientsTest; an in-memory fake stands for the client here, as no emulator throttles on demand): the decision
     * fails with the throttling error after one UpdateHealthCheck, with no second retry layer, and the switch
     * stays as it was.
     */
    @Test
    void apply_throttledBeyondTheClientsRetries_failsWithTheThrottlingAndLeavesTheSwitch() {
        for (String code : List.of("Throttling", "PriorRequestNotComplete")) {
            Provisioned shop = new Provisioned(EAST, WEST);
            shop.route53.failNext("UpdateHealthCheck", FakeRoute53.error(code, 400));

            assertThatThrownBy(() -> shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z")))
                    .as(code).isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code));
            assertThat(shop.route53.count("UpdateHealthCheck")).as(code).isEqualTo(1);
            assertThat(shop.route53.inverted(shop.switchOf(EAST))).as(code).isFalse();
            assertThat(shop.metrics.counted).as(code).isEmpty();
        }
    }

    @Test
    void apply_manyEventsInWarmContainer_findsTheApplicationsChecksOnce() {
        Provisioned shop = new Provisioned(EAST, WEST, EU);
        RegionSwitch regionSwitch = shop.regionSwitch();

        regionSwitch.apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));
        regionSwitch.apply(shop.change(EAST, "OK", "2026-11-24T01:03:03Z"));
        regionSwitch.apply(shop.change(WEST, "ALARM", "2026-11-24T01:04:03Z"));
        long listingsAfterWarmUp = shop.route53.count("ListHealthChecks");
        regionSwitch.apply(shop.change(EU, "ALARM", "2026-11-24T01:05:03Z"));

        assertThat(shop.route53.count("ListHealthChecks")).isEqualTo(listingsAfterWarmUp);
        assertThat(shop.cloudWatch(EAST).calls.stream().filter("ListTagsForResource"::equals)).hasSize(1);
    }

    @Test
    void apply_checksOfOtherApplications_areNotCounted() {
        Provisioned shop = new Provisioned(EAST);
        shop.route53.addRegion("blog", WEST);
        shop.route53.addForeign("console-made-check");

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(REFUSED.name());
    }

    @Test
    void apply_alarmNamesADeletedSwitch_usesTheRegionsCurrentSwitch() {
        Provisioned shop = new Provisioned(EAST, WEST);
        String arn = shop.cloudWatch(EAST).arn(Provisioned.alarm(EAST));
        shop.mark(EAST, arn, "00000000-dead-dead-dead-000000000000");

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.action()).isEqualTo(DRAINED.name());
        assertThat(decision.switchId()).isEqualTo(shop.switchOf(EAST));
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
    }

    @Test
    void apply_alarmNamesAnotherRegionsCheck_usesItsOwnRegionsSwitch() {
        Provisioned shop = new Provisioned(EAST, WEST);
        String arn = shop.cloudWatch(EAST).arn(Provisioned.alarm(EAST));
        shop.mark(EAST, arn, shop.regions.get(WEST).gateId());

        FailoverDecision decision = shop.regionSwitch().apply(shop.change(EAST, "ALARM", "2026-11-24T01:02:03Z"));

        assertThat(decision.switchId()).isEqualTo(shop.switchOf(EAST));
        assertThat(shop.route53.inverted(shop.regions.get(WEST).gateId())).isFalse();
        assertThat(shop.route53.tags.get(shop.regions.get(WEST).gateId())).containsEntry(Tags.ROLE, Tags.ROLE_GATE_CHECK)
                .doesNotContainKey(FailoverTags.CHANGED_AT);
    }
}
