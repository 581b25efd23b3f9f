package io.activeedge.failover;

import io.activeedge.core.LogContext;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.teardown.RemovalResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;

/**
 * The inverse of {@link AlarmMarker}, for teardown: takes the marks of an application off its CloudWatch alarms
 * of one Region. The alarms are the user's and stay, but no longer drive a switch.
 *
 * <p>The alarms are found by their {@link Tags#APP} tag through the Resource Groups Tagging API, so an alarm the
 * input no longer names is released too, and the Region's other alarms are never read, however many there are.
 * The alarms the input still names are read directly as well (CloudWatch's own answer, not only the tagging
 * index's), at most 100 names a DescribeAlarms call.
 */
public final class AlarmReleaser {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmReleaser.class);
    // https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html: ResourceTypeFilters
    // "The format of each resource type is service[:resourceType]"; an alarm's ARN is
    // arn:aws:cloudwatch:Region:account-id:alarm:alarm-name (CloudWatch API reference, ListTagsForResource).
    static final String ALARM_RESOURCE_TYPE = "cloudwatch:alarm";
    // API_GetResources.html, ResourcesPerPage: "You can specify a minimum of 1 and a maximum value of 100."
    static final int RESOURCES_PER_PAGE = 100;

    private final RegionalClients<CloudWatchClient> cloudWatch;
    private final RegionalClients<ResourceGroupsTaggingApiClient> tagging;

    public AlarmReleaser(RegionalClients<CloudWatchClient> cloudWatch,
                        RegionalClients<ResourceGroupsTaggingApiClient> tagging) {
        this.cloudWatch = cloudWatch;
        this.tagging = tagging;
    }

    /**
     * Releases the application's alarms in each of {@code regions}: those its tag finds there, and those the input
     * names for that Region. Every alarm released is reported as kept (it is the user's), none as deleted.
     */
    public RemovalResult release(AppSpec input, List<String> regions) {
        Map<String, Set<String>> named = new TreeMap<>();
        if (input.regions() != null) {
            for (RegionSpec region : input.regions()) {
                if (region.alarms() != null) {
                    named.computeIfAbsent(region.region(), r -> new LinkedHashSet<>()).addAll(region.alarms());
                }
            }
        }
        List<String> kept = new ArrayList<>();
        for (String region : regions) {
            release(input.app(), region, named.getOrDefault(region, Set.of()))
                    .forEach(alarm -> kept.add(region + " alarm " + alarm
                            + " (yours: kept, its active-edge tags removed)"));
        }
        return new RemovalResult(List.of(), List.copyOf(kept));
    }

    /**
     * Removes the marks of {@code app} (app, Region, switch) from each alarm of {@code region} that carries
     * {@link Tags#APP} = {@code app}: those its tag finds, and those of {@code named} (the input's alarms of the
     * Region). Other tags, other applications' alarms and the alarms themselves stay. Returns the names of the
     * alarms released, sorted.
     */
    public List<String> release(String app, String region, Collection<String> named) {
        Map<String, Map<String, String>> tagsByArn = new HashMap<>(taggedFor(app, region));
        int byTag = tagsByArn.size();
        Set<String> found = tagsByArn.keySet().stream().map(AlarmReleaser::nameOf).collect(Collectors.toSet());
        List<String> unseen = named == null ? List.of()
                : named.stream().distinct().filter(name -> !found.contains(name)).toList();
        CloudWatchClient client = cloudWatch.in(region);
        if (!unseen.isEmpty()) {
            for (String arn : AlarmMarker.arnsByName(client, unseen).values()) {
                try {
                    tagsByArn.put(arn, AlarmMarker.tagsOf(client, arn));
                } catch (ResourceNotFoundException e) {
                    LOG.info("alarm gone", LogContext.app(app), LogContext.region(region), entry("alarm", nameOf(arn)),
                            entry("action", "none"));
                }
            }
        }

        Map<String, String> released = new TreeMap<>();
        for (Map.Entry<String, Map<String, String>> alarm : tagsByArn.entrySet()) {
            String arn = alarm.getKey();
            String name = nameOf(arn);
            Map<String, String> tags = alarm.getValue();
            if (!app.equals(tags.get(Tags.APP))) {
                LOG.info("alarm kept: another application's", LogContext.app(app), LogContext.region(region),
                        entry("alarm", name), entry("owner", tags.get(Tags.APP)), entry("action", "none"));
                continue;
            }
            try {
                client.untagResource(r -> r.resourceARN(arn).tagKeys(Tags.APP, Tags.REGION, FailoverTags.SWITCH,
                        FailoverTags.MIN_DRAIN_SECONDS, FailoverTags.DATA_PLANE));
            } catch (ResourceNotFoundException e) {
                // Deleted since it was found: nothing of it is left to release.
                LOG.info("alarm gone", LogContext.app(app), LogContext.region(region), entry("alarm", name),
                        entry("action", "none"));
                continue;
            }
            LOG.info("alarm unmarked", LogContext.app(app), LogContext.region(region), entry("alarm", name),
                    entry("switch", tags.get(FailoverTags.SWITCH)), entry("action", "tags-removed"));
            released.put(name, arn);
        }
        LOG.info("alarms released", LogContext.app(app), LogContext.region(region), entry("foundByTag", byTag),
                entry("namedInInput", named == null ? 0 : named.size()), entry("released", released.size()));
        return new ArrayList<>(released.keySet());
    }

    /** The alarms of {@code region} tagged {@link Tags#APP} = {@code app}, with their tags, by ARN. */
    private Map<String, Map<String, String>> taggedFor(String app, String region) {
        Map<String, Map<String, String>> found = new HashMap<>();
        // https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/supported-services.html:
        // "The GetResources, GetTagKeys, and GetTagValues operations support all resource types."
        tagging.in(region).getResourcesPaginator(r -> r
                        .tagFilters(f -> f.key(Tags.APP).values(app))
                        .resourceTypeFilters(ALARM_RESOURCE_TYPE)
                        .resourcesPerPage(RESOURCES_PER_PAGE))
                .resourceTagMappingList()
                .forEach((ResourceTagMapping mapping) ->
                        found.put(mapping.resourceARN(), Tags.toMap(mapping.tags(), Tag::key, Tag::value)));
        return found;
    }

    /** arn:partition:cloudwatch:region:account:alarm:name; the name itself may hold colons. */
    static String nameOf(String alarmArn) {
        String[] parts = alarmArn.split(":", 7);
        return parts.length == 7 ? parts[6] : alarmArn;
    }
}
