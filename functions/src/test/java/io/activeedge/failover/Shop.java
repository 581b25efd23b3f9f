package io.activeedge.failover;

import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RegionHealthChecks;
import io.activeedge.routing.ExampleState;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.testing.FakeRoute53;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The application "shop" as provisioning leaves it: three health checks per Region in Route 53, and in each
 * Region one alarm "shop-{region}-5xx" marked with the Region's switch.
 */
final class Shop {
    static final String APP = "shop";

    final FakeRoute53 route53 = new FakeRoute53(ExampleState.ZONE_ID);
    final Map<String, FakeCloudWatch> cloudWatch = new HashMap<>();
    final Map<String, RegionHealthChecks> regions = new LinkedHashMap<>();
    final List<Duration> slept = new ArrayList<>();
    final RecordingMetrics metrics = new RecordingMetrics();
    final TestClock clock = new TestClock(Instant.parse("2026-11-24T01:00:00Z"));

    Shop(String... regionNames) {
        for (String region : regionNames) {
            RegionHealthChecks ids = route53.addRegion(APP, region);
            regions.put(region, ids);
            String arn = cloudWatch(region).add(alarm(region), false, StateValue.OK);
            mark(region, arn, ids.switchId());
        }
    }

    static String alarm(String region) {
        return "shop-" + region + "-5xx";
    }

    FakeCloudWatch cloudWatch(String region) {
        return cloudWatch.computeIfAbsent(region, FakeCloudWatch::new);
    }

    void mark(String region, String arn, String switchId) {
        Map<String, String> tags = cloudWatch(region).tags.get(arn);
        tags.put(Tags.APP, APP);
        tags.put(Tags.REGION, region);
        tags.put(FailoverTags.SWITCH, switchId);
    }

    String switchOf(String region) {
        return regions.get(region).switchId();
    }

    RegionSwitch regionSwitch() {
        return new RegionSwitch(new RegionalClients<CloudWatchClient>(this::cloudWatch), route53, clock, slept::add,
                metrics);
    }

    AlarmChange change(String region, String state, String timestamp) {
        return change(region, alarm(region), state, timestamp);
    }

    AlarmChange change(String region, String alarm, String state, String timestamp) {
        return new AlarmChange(cloudWatch(region).arn(alarm), alarm, region, state, Instant.parse(timestamp));
    }

    /** Counts the metrics a decision emitted. */
    static final class RecordingMetrics implements FailoverMetrics {
        final List<String> counted = new ArrayList<>();

        @Override
        public void count(String metric, String app, String region) {
            counted.add(metric + " " + app + " " + region);
        }

        long of(String metric) {
            return counted.stream().filter(c -> c.startsWith(metric + " ")).count();
        }
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
