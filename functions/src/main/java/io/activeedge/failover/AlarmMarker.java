package io.activeedge.failover;

import io.activeedge.core.LogContext;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.AlarmNotFoundException;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.provisioning.AlarmMarksResult;
import io.activeedge.provisioning.RegionHealthChecksResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import io.activeedge.input.FailoverSpec;
import java.util.List;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * Marks the Region's CloudWatch alarms so that the failover function knows, from the alarm alone, which
 * application, Region and switch it drives: tags {@link Tags#APP}, {@link Tags#REGION} and
 * {@link FailoverTags#SWITCH}. Every alarm is checked before any is tagged, so a conflict changes nothing.
 */
public final class AlarmMarker {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmMarker.class);
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html: AlarmNames
    // "Array Members: Maximum number of 100 items."
    static final int NAMES_PER_CALL = 100;
    static final String INPUT_FIELD = "regions[].alarms";

    private final RegionalClients<CloudWatchClient> cloudWatch;
    private final Route53Client route53;

    public AlarmMarker(RegionalClients<CloudWatchClient> cloudWatch, Route53Client route53) {
        this.cloudWatch = cloudWatch;
        this.route53 = route53;
    }

    /**
     * Marks the alarms named {@code alarms} (the input's, may be null) of {@code app} in {@code region}, with the
     * application's failover settings, and tells the Region's gate where the latency record is (the failover
     * function's guard reads it there).
     *
     * @param failover the input's failover settings (null: the defaults)
     * @param zoneId   the hosted zone of the latency records (null: not told)
     * @param record   the latency records' name, the input's originDomain (null: not told)
     */
    public AlarmMarksResult mark(String app, String region, List<String> alarms, RegionHealthChecksResult checks,
            FailoverSpec failover, String zoneId, String record) {
        List<String> names = alarms == null ? List.of() : alarms.stream().distinct().toList();
        if (checks == null || checks.switchId() == null) {
            if (names.isEmpty()) {
                return new AlarmMarksResult(region, List.of());
            }
            throw new IllegalStateException("The state of " + region + " has no switch health check: "
                    + "MarkAlarms runs after EnsureHealthChecks");
        }
        locateRecords(region, checks.gateId(), zoneId, record);
        if (names.isEmpty()) {
            return new AlarmMarksResult(region, List.of());
        }
        FailoverSpec settings = failover == null ? FailoverSpec.DEFAULT : failover;
        CloudWatchClient client = cloudWatch.in(region);

        Map<String, String> arns = arnsByName(client, names);
        List<String> missing = names.stream().filter(n -> !arns.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new AlarmNotFoundException(INPUT_FIELD + ": no CloudWatch alarm named "
                    + String.join(", ", missing.stream().map(n -> "\"" + n + "\"").toList()) + " in " + region
                    + " (metric or composite); create it in " + region + " or fix the name, then run again");
        }

        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(Tags.APP, app);
        wanted.put(Tags.REGION, region);
        wanted.put(FailoverTags.SWITCH, checks.switchId());
        wanted.put(FailoverTags.MIN_DRAIN_SECONDS, String.valueOf(
                settings.minDrainSeconds() == null ? 0 : settings.minDrainSeconds()));
        wanted.put(FailoverTags.DATA_PLANE, String.valueOf(Boolean.TRUE.equals(settings.dataPlane())));

        Map<String, Map<String, String>> current = new HashMap<>();
        for (String name : names) {
            String arn = arns.get(name);
            Map<String, String> tags = tagsOf(client, arn);
            String owner = tags.get(Tags.APP);
            if (owner != null && !owner.equals(app)) {
                throw new ResourceConflictException("CloudWatch alarm \"" + name + "\" in " + region
                        + " already drives app \"" + owner + "\" (tag " + Tags.APP + "); an alarm fails over one"
                        + " application only: give app \"" + app + "\" its own alarm in " + INPUT_FIELD
                        + ", or remove the tag if \"" + owner + "\" no longer uses it");
            }
            current.put(arn, tags);
        }

        List<String> marked = new ArrayList<>();
        for (String name : names) {
            String arn = arns.get(name);
            Map<String, String> tags = current.get(arn);
            boolean same = wanted.entrySet().stream().allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
            if (same) {
                LOG.info("alarm already marked", LogContext.region(region), entry("alarm", name),
                        entry("switch", checks.switchId()), entry("action", "none"));
            } else {
                client.tagResource(r -> r.resourceARN(arn).tags(Tags.toList(wanted,
                        (key, value) -> Tag.builder().key(key).value(value).build())));
                LOG.info("alarm marked", LogContext.region(region), entry("alarm", name),
                        entry("switch", checks.switchId()), entry("previousSwitch", tags.get(FailoverTags.SWITCH)),
                        entry("action", "tagged"));
            }
            marked.add(arn);
        }
        return new AlarmMarksResult(region, List.copyOf(marked));
    }

    /**
     * The ARNs of the alarms named, metric and composite alike, by name; a name with no alarm is absent. Reads
     * only these alarms (DescribeAlarms with AlarmNames, 100 a call), never the rest of the Region's.
     */
    static Map<String, String> arnsByName(CloudWatchClient client, List<String> names) {
        Map<String, String> arns = new HashMap<>();
        for (int i = 0; i < names.size(); i += NAMES_PER_CALL) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + NAMES_PER_CALL));
            for (DescribeAlarmsResponse page : client.describeAlarmsPaginator(r -> r.alarmNames(batch)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM))) {
                page.metricAlarms().forEach(a -> arns.put(a.alarmName(), a.alarmArn()));
                page.compositeAlarms().forEach(a -> arns.put(a.alarmName(), a.alarmArn()));
            }
        }
        return arns;
    }

    /** Tags the gate with the zone and name of the latency records, unless it carries them already. */
    private void locateRecords(String region, String gateId, String zoneId, String record) {
        if (zoneId == null || record == null || gateId == null) {
            return;
        }
        String switchId = gateId;
        Map<String, String> wanted = Map.of(FailoverTags.RECORDS, FailoverTags.records(zoneId, record));
        Map<String, String> current = Tags.toMap(route53.listTagsForResource(r -> r
                .resourceType(TagResourceType.HEALTHCHECK).resourceId(switchId)).resourceTagSet().tags(),
                software.amazon.awssdk.services.route53.model.Tag::key,
                software.amazon.awssdk.services.route53.model.Tag::value);
        if (wanted.entrySet().stream().allMatch(e -> e.getValue().equals(current.get(e.getKey())))) {
            return;
        }
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(switchId)
                .addTags(Tags.toList(wanted, (k, v) -> software.amazon.awssdk.services.route53.model.Tag.builder()
                        .key(k).value(v).build())));
        LOG.info("gate told where the records are", LogContext.region(region), entry("gate", gateId),
                entry("zone", zoneId), entry("record", record));
    }

    static Map<String, String> tagsOf(CloudWatchClient client, String arn) {
        return Tags.toMap(client.listTagsForResource(r -> r.resourceARN(arn)).tags(), Tag::key, Tag::value);
    }
}
