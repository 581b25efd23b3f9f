package io.activeedge.failover;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.failover.MarkedAlarms.Marked;
import io.activeedge.failover.Observation.Alarm;
import io.activeedge.failover.Observation.Hold;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import io.activeedge.routing.healthchecks.HealthCheckSearch;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * Reads what {@link FailoverPlanner} decides from ({@link Observation}); writes nothing. Every read is fresh except
 * the index of marked alarms ({@link MarkedAlarms}, less than a minute old).
 * <ul>
 *   <li>Health checks: one paged ListHealthChecks and the tags of the application's checks (switch state, version,
 *       hold, last change).</li>
 *   <li>Alarms: per Region, the marked alarms' current state from DescribeAlarms; where an event reports a newer
 *       state of an alarm than DescribeAlarms does, the event's counts.</li>
 *   <li>Endpoint health by Route 53's rule ({@link EndpointHealth}).</li>
 *   <li>Latency records: one ListResourceRecordSets at the record name the switch's tags give.</li>
 * </ul>
 */
final class FailoverObserver {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverObserver.class);
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html: AlarmNames
    // "Array Members: Maximum number of 100 items."
    static final int NAMES_PER_CALL = 100;

    private final HealthCheckSearch search;
    private final Route53Client route53;
    private final RegionalClients<CloudWatchClient> cloudWatch;
    private final MarkedAlarms marked;
    private final EndpointHealth health;
    private final Clock clock;

    FailoverObserver(Route53Client route53, RegionalClients<CloudWatchClient> cloudWatch, MarkedAlarms marked,
            EndpointHealth health, Clock clock) {
        this.search = new HealthCheckSearch(route53);
        this.route53 = route53;
        this.cloudWatch = cloudWatch;
        this.marked = marked;
        this.health = health;
        this.clock = clock;
    }

    /** Every application that has health checks, with them: one read for a scheduled run. */
    Map<String, List<HealthCheckSearch.Tagged>> applications() {
        return search.find(reference -> reference.startsWith("ae/")).stream()
                .filter(c -> c.tags().get(Tags.APP) != null)
                .collect(Collectors.groupingBy(c -> c.tags().get(Tags.APP), TreeMap::new, Collectors.toList()));
    }

    List<HealthCheckSearch.Tagged> checksOf(String app) {
        return search.ofApp(app);
    }

    /**
     * The switches {@code observation} found, read afresh with ListHealthChecks alone (after a write: did another
     * writer leave no Region serving?), by Region; a switch deleted since is absent.
     */
    Map<String, HealthCheck> switches(Observation observation) {
        Map<String, String> regionOf = new HashMap<>();
        observation.regions().forEach(r -> {
            if (r.switchId() != null) {
                regionOf.put(r.switchId(), r.region());
            }
        });
        Map<String, HealthCheck> switches = new HashMap<>();
        route53.listHealthChecksPaginator(ListHealthChecksRequest.builder().build()).healthChecks().forEach(c -> {
            if (regionOf.containsKey(c.id())) {
                switches.put(regionOf.get(c.id()), c);
            }
        });
        return switches;
    }

    /**
     * @param checks the application's health checks, with their tags
     * @param events alarm states the triggering events report, by alarm ARN
     */
    Observation observe(String app, List<HealthCheckSearch.Tagged> checks, Map<String, AlarmChange> events) {
        Instant now = clock.instant();
        Map<String, HealthCheckSearch.Tagged> byId = checks.stream()
                .collect(Collectors.toMap(HealthCheckSearch.Tagged::id, c -> c, (a, b) -> a));
        Map<String, RegionHealthChecksResult> regions = HealthCheckLookup.regions(app, checks);
        Map<String, Boolean> endpoints = health.of(regions.values().stream()
                .map(RegionHealthChecksResult::endpointId).filter(id -> id != null).toList());

        // Every gate of the application carries the same location (MarkAlarms writes it on each); any one serves.
        Set<String> records = regions.values().stream().map(RegionHealthChecksResult::gateId)
                .filter(id -> id != null && byId.get(id) != null)
                .map(id -> FailoverTags.records(byId.get(id).tags().get(FailoverTags.RECORDS)))
                .filter(location -> location != null).findFirst()
                .map(location -> records(app, location[0], location[1])).orElse(null);
        List<Observation.Region> observed = new ArrayList<>();
        for (RegionHealthChecksResult ids : regions.values()) {
            String region = ids.region();
            HealthCheckSearch.Tagged sw = ids.switchId() == null ? null : byId.get(ids.switchId());
            if (sw == null) {
                observed.add(new Observation.Region(region, null, ids.gateId(), null, false, null, null, null, List.of(), null,
                        false, 0, false, false));
                continue;
            }
            Map<String, String> tags = sw.tags();
            Map<String, String> gateTags = ids.gateId() == null || byId.get(ids.gateId()) == null ? Map.of()
                    : byId.get(ids.gateId()).tags();
            List<Marked> alarms = marked.drainingApp(app, region);
            observed.add(new Observation.Region(region, sw.id(), ids.gateId(), sw.check().healthCheckVersion(),
                    Boolean.TRUE.equals(sw.check().healthCheckConfig().inverted()),
                    instant(tags.get(FailoverTags.CHANGED_AT)), FailoverTags.cause(tags.get(FailoverTags.CHANGED_BY)),
                    hold(gateTags),
                    states(region, alarms, events), endpoints.get(ids.endpointId()),
                    records == null || records.contains(region),
                    alarms.stream().mapToInt(Marked::minDrainSeconds).max().orElse(0),
                    alarms.stream().anyMatch(Marked::dataPlane), ids.complete()));
        }
        return new Observation(app, now, List.copyOf(observed));
    }

    /** The current state of each alarm: DescribeAlarms, or the event's when it is newer. */
    private List<Alarm> states(String region, List<Marked> alarms, Map<String, AlarmChange> events) {
        if (alarms.isEmpty()) {
            return List.of();
        }
        Map<String, Alarm> described = new HashMap<>();
        List<String> names = alarms.stream().map(Marked::name).toList();
        for (int i = 0; i < names.size(); i += NAMES_PER_CALL) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + NAMES_PER_CALL));
            for (DescribeAlarmsResponse page : cloudWatch.in(region).describeAlarmsPaginator(r -> r.alarmNames(batch)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM))) {
                page.metricAlarms().forEach(a -> described.put(a.alarmArn(),
                        new Alarm(a.alarmName(), a.stateValueAsString(), a.stateUpdatedTimestamp())));
                page.compositeAlarms().forEach(a -> described.put(a.alarmArn(),
                        new Alarm(a.alarmName(), a.stateValueAsString(), a.stateUpdatedTimestamp())));
            }
        }
        List<Alarm> states = new ArrayList<>();
        for (Marked alarm : alarms) {
            Alarm now = AlarmStates.current(alarm.name(), described.get(alarm.arn()), events.get(alarm.arn()));
            if (now != null) {
                states.add(now);
            }
        }
        return List.copyOf(states);
    }

    /**
     * Which Regions have a latency record: the records at {@code name} whose SetIdentifier is the application's.
     * Null (every Region counts as having one) when the switch does not say where the records are.
     */
    private Set<String> records(String app, String zoneId, String name) {
        Set<String> found = new HashSet<>();
        if (zoneId == null || name == null) {
            LOG.info("latency records not located", LogContext.app(app), entry("action", "assume-present"),
                    entry("fix", "run provisioning again"));
            return null;
        }
        String fqdn = name.endsWith(".") ? name : name + ".";
        String prefix = Tags.setIdentifierPrefix(app);
        try {
            // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListResourceRecordSets.html: records are
            // listed from StartRecordName "in ASCII order", so one page from the name holds its latency group.
            for (ResourceRecordSet set : route53.listResourceRecordSets(r -> r.hostedZoneId(zoneId)
                    .startRecordName(fqdn).startRecordType(RRType.A)).resourceRecordSets()) {
                if (!set.name().equalsIgnoreCase(fqdn)) {
                    break;
                }
                if (set.setIdentifier() != null && set.setIdentifier().startsWith(prefix) && set.region() != null) {
                    found.add(set.regionAsString());
                }
            }
        } catch (NoSuchHostedZoneException e) {
            LOG.warn("hosted zone gone", LogContext.app(app), entry("zone", zoneId), entry("action", "assume-no-records"));
            return Set.of();
        }
        return found;
    }

    private static Hold hold(Map<String, String> tags) {
        FailoverTags.HoldTag hold = FailoverTags.HoldTag.parse(tags.get(FailoverTags.HOLD));
        return hold == null ? null : new Hold(hold.reason(), hold.since(), hold.by());
    }

    private static Instant instant(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
