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
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * The alarms MarkAlarms tagged, Region by Region, read with one paged Resource Groups Tagging API call
 * (GetResources, resource type {@code cloudwatch:alarm}, tag key {@link Tags#APP}) and kept for less than a
 * minute, so that an alarm whose tags are removed stops acting within a minute, and an event of an alarm no
 * application marks is dropped without a call while the index is fresh.
 * https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html (TagFilters):
 * "If you specify a TagFilter with a Key but no Values, then resources with that key are returned, regardless
 * of the value".
 */
final class MarkedAlarms {
    private static final Logger LOG = LoggerFactory.getLogger(MarkedAlarms.class);
    /** How long a Region's index is used. */
    static final Duration FRESH_FOR = Duration.ofSeconds(50);
    /** An alarm the index does not know makes it read again, at most this often (an alarm storm reads it rarely). */
    static final Duration REREAD_UNKNOWN_AFTER = Duration.ofSeconds(10);
    static final String RESOURCE_TYPE = "cloudwatch:alarm";

    /** One marked alarm: the application and Region it drains, and the application's failover settings. */
    record Marked(String arn, String name, String app, String region, int minDrainSeconds, boolean dataPlane) {
    }

    private record Index(Instant readAt, Map<String, Marked> byArn) {
    }

    private final RegionalClients<ResourceGroupsTaggingApiClient> tagging;
    private final Clock clock;
    private final Map<String, Index> byRegion = new ConcurrentHashMap<>();

    MarkedAlarms(RegionalClients<ResourceGroupsTaggingApiClient> tagging, Clock clock) {
        this.tagging = tagging;
        this.clock = clock;
    }

    /** The marks of the alarm {@code arn} in {@code region}; empty when no application marks it. */
    Optional<Marked> of(String region, String arn) {
        Index index = index(region);
        Marked marked = index.byArn().get(arn);
        if (marked == null && clock.instant().isAfter(index.readAt().plus(REREAD_UNKNOWN_AFTER))) {
            marked = read(region).byArn().get(arn);
        }
        return Optional.ofNullable(marked);
    }

    /** The alarms that drain {@code app} in {@code region}, by name. */
    List<Marked> drainingApp(String app, String region) {
        return index(region).byArn().values().stream()
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
                Map<String, String> tags = Tags.toMap(mapping.tags(), Tag::key, Tag::value);
                String app = tags.get(Tags.APP);
                String drains = tags.get(Tags.REGION);
                if (app == null || app.isEmpty() || drains == null || !drains.equals(region)) {
                    continue;
                }
                byArn.put(mapping.resourceARN(), new Marked(mapping.resourceARN(), nameOf(mapping.resourceARN()),
                        app, drains, seconds(tags.get(FailoverTags.MIN_DRAIN_SECONDS)),
                        "true".equals(tags.get(FailoverTags.DATA_PLANE))));
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
