package io.activeedge.failover;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * The alarms MarkAlarms tagged, Region by Region, read with one paged Resource Groups Tagging API call
 * (GetResources, resource type {@code cloudwatch:alarm}, tag key {@link Tags#APP}) and kept for less than a
 * minute, so that an alarm whose tags are removed stops acting within a minute. An event of an alarm the index does
 * not know costs one ListTagsForResource of that alarm (it may have been marked since the index was read), and the
 * answer is kept as long as the index: an alarm storm of unmarked alarms costs one call per alarm and minute, and
 * no Route 53 call.
 * https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html (TagFilters):
 * "If you specify a TagFilter with a Key but no Values, then resources with that key are returned, regardless
 * of the value".
 */
final class MarkedAlarms {
    private static final Logger LOG = LoggerFactory.getLogger(MarkedAlarms.class);
    /** How long a Region's index is used. */
    static final Duration FRESH_FOR = Duration.ofSeconds(50);
    static final String RESOURCE_TYPE = "cloudwatch:alarm";

    /** One marked alarm: the application and Region it drains, and the application's failover settings. */
    record Marked(String arn, String name, String app, String region, int minDrainSeconds, boolean dataPlane) {
    }

    private record Index(Instant readAt, Map<String, Marked> byArn) {
    }

    /** What one alarm's own tags said, and when they were read. */
    private record Checked(Marked marked, Instant readAt) {
    }

    private final RegionalClients<ResourceGroupsTaggingApiClient> tagging;
    private final RegionalClients<CloudWatchClient> cloudWatch;
    private final Clock clock;
    private final Map<String, Index> byRegion = new ConcurrentHashMap<>();
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    MarkedAlarms(RegionalClients<ResourceGroupsTaggingApiClient> tagging, RegionalClients<CloudWatchClient> cloudWatch,
            Clock clock) {
        this.tagging = tagging;
        this.cloudWatch = cloudWatch;
        this.clock = clock;
    }

    /** The marks of the alarm {@code arn} in {@code region}; empty when no application marks it. */
    Optional<Marked> of(String region, String arn) {
        Index index = index(region);
        Marked marked = index.byArn().get(arn);
        if (marked != null) {
            return Optional.of(marked);
        }
        Checked known = checked.get(arn);
        if (known == null || !clock.instant().isBefore(known.readAt().plus(FRESH_FOR))) {
            known = new Checked(ownTags(region, arn), clock.instant());
            checked.put(arn, known);
        }
        return Optional.ofNullable(known.marked());
    }

    /** The alarm's marks from its own tags; null when it has none (or no longer exists). */
    private Marked ownTags(String region, String arn) {
        try {
            return marked(arn, region, Tags.toMap(cloudWatch.in(region).listTagsForResource(r -> r.resourceARN(arn))
                    .tags(), software.amazon.awssdk.services.cloudwatch.model.Tag::key,
                    software.amazon.awssdk.services.cloudwatch.model.Tag::value));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private static Marked marked(String arn, String region, Map<String, String> tags) {
        String app = tags.get(Tags.APP);
        String drains = tags.get(Tags.REGION);
        if (app == null || app.isEmpty() || drains == null || !drains.equals(region)) {
            return null;
        }
        return new Marked(arn, nameOf(arn), app, drains, seconds(tags.get(FailoverTags.MIN_DRAIN_SECONDS)),
                "true".equals(tags.get(FailoverTags.DATA_PLANE)));
    }

    /**
     * Forgets the indexes: a scheduled run reads every Region's afresh (one call per Region and run). What alarms'
     * own tags said stays while it is fresh, in case the tagging index lags behind a tag just written.
     */
    void expire() {
        byRegion.clear();
    }

    /** The alarms that drain {@code app} in {@code region}, by name (with those found by their own tags since). */
    List<Marked> drainingApp(String app, String region) {
        Map<String, Marked> all = new LinkedHashMap<>(index(region).byArn());
        Instant now = clock.instant();
        checked.forEach((arn, known) -> {
            if (known.marked() != null && known.marked().region().equals(region)
                    && now.isBefore(known.readAt().plus(FRESH_FOR))) {
                all.putIfAbsent(arn, known.marked());
            }
        });
        return all.values().stream()
                .filter(m -> m.app().equals(app) && m.region().equals(region))
                .sorted(Comparator.comparing(Marked::name)).toList();
    }

    private Index index(String region) {
        Index index = byRegion.get(region);
        if (index == null || !clock.instant().isBefore(index.readAt().plus(FRESH_FOR))) {
            index = read(region);
        }
        return index;
    }

    private Index read(String region) {
        Map<String, Marked> byArn = new LinkedHashMap<>();
        for (GetResourcesResponse page : tagging.in(region).getResourcesPaginator(r -> r
                .resourceTypeFilters(RESOURCE_TYPE).tagFilters(TagFilter.builder().key(Tags.APP).build()))) {
            for (ResourceTagMapping mapping : page.resourceTagMappingList()) {
                Marked marked = marked(mapping.resourceARN(), region,
                        Tags.toMap(mapping.tags(), Tag::key, Tag::value));
                if (marked != null) {
                    byArn.put(mapping.resourceARN(), marked);
                }
            }
        }
        Index index = new Index(clock.instant(), Map.copyOf(byArn));
        byRegion.put(region, index);
        LOG.info("marked alarms read", LogContext.region(region), entry("alarms", byArn.size()));
        return index;
    }

    /** arn:partition:cloudwatch:region:account:alarm:name (the name may itself hold colons). */
    static String nameOf(String arn) {
        int at = arn.indexOf(":alarm:");
        return at < 0 ? arn : arn.substring(at + ":alarm:".length());
    }

    private static int seconds(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
