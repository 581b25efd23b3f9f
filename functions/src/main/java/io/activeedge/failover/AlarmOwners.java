package io.activeedge.failover;

import io.activeedge.core.Backoff;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Which application, Region and switch an alarm drives, read from the tags MarkAlarms put on it and kept
 * while the container is warm. An alarm without them is remembered for a few minutes only, so that an alarm
 * marked later is picked up without a cold start.
 */
final class AlarmOwners {
    static final Duration UNOWNED_FOR = Duration.ofMinutes(5);

    /** @param switchId null when the alarm names no switch: the Region's switch is then found by its tags */
    record Owner(String app, String region, String switchId) {
    }

    private record Entry(Owner owner, Instant resolvedAt) {
    }

    private final RegionalClients<CloudWatchClient> cloudWatch;
    private final Backoff backoff;
    private final Clock clock;
    private final Map<String, Entry> byArn = new ConcurrentHashMap<>();

    AlarmOwners(RegionalClients<CloudWatchClient> cloudWatch, Backoff backoff, Clock clock) {
        this.cloudWatch = cloudWatch;
        this.backoff = backoff;
        this.clock = clock;
    }

    Optional<Owner> of(String region, String alarmArn) {
        Instant now = clock.instant();
        Entry cached = byArn.get(alarmArn);
        if (cached != null && (cached.owner() != null || now.isBefore(cached.resolvedAt().plus(UNOWNED_FOR)))) {
            return Optional.ofNullable(cached.owner());
        }
        Map<String, String> tags = new HashMap<>();
        try {
            backoff.call("ListTagsForResource", () -> cloudWatch.in(region)
                    .listTagsForResource(r -> r.resourceARN(alarmArn))).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
        } catch (ResourceNotFoundException e) {
            // Deleted since it sent the event: it drives nothing.
        }
        String app = tags.get(Tags.APP);
        String ownRegion = tags.get(Tags.REGION);
        Owner owner = app == null || ownRegion == null ? null : new Owner(app, ownRegion, tags.get(FailoverTags.SWITCH));
        byArn.put(alarmArn, new Entry(owner, now));
        return Optional.ofNullable(owner);
    }

    void forget(String alarmArn) {
        byArn.remove(alarmArn);
    }

    /** The name of another alarm in ALARM that drives the same Region of the same application, if any. */
    Optional<String> otherInAlarm(String region, String alarmArn, Owner owner) {
        CloudWatchClient client = cloudWatch.in(region);
        String token = null;
        do {
            String from = token;
            DescribeAlarmsResponse page = backoff.call("DescribeAlarms", () -> client.describeAlarms(r -> r
                    .stateValue(StateValue.ALARM).alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM)
                    .nextToken(from)));
            Map<String, String> firing = new HashMap<>();
            page.metricAlarms().forEach(a -> firing.put(a.alarmArn(), a.alarmName()));
            page.compositeAlarms().forEach(a -> firing.put(a.alarmArn(), a.alarmName()));
            for (Map.Entry<String, String> alarm : firing.entrySet()) {
                if (alarm.getKey().equals(alarmArn)) {
                    continue;
                }
                Optional<Owner> other = of(region, alarm.getKey());
                if (other.isPresent() && other.get().app().equals(owner.app())
                        && other.get().region().equals(owner.region())) {
                    return Optional.of(alarm.getValue());
                }
            }
            token = page.nextToken();
        } while (token != null);
        return Optional.empty();
    }
}
