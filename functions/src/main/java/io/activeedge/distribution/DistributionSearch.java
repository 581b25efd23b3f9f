package io.activeedge.distribution;

import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.core.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.NoSuchResourceException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.paginators.ListDistributionsIterable;

/**
 * Finds CloudFront distributions by their tags. ListDistributions is read page by page; a summary's aliases
 * and comment say which distributions could be the application's, and only those have their tags read.
 */
public final class DistributionSearch {
    private final CloudFrontClient cloudFront;

    public DistributionSearch(CloudFrontClient cloudFront) {
        this.cloudFront = cloudFront;
    }

    /**
     * The distributions tagged for {@code input.app()}. Provisioning keeps a distribution's aliases inside the
     * input's zone and its comment to the input's, so only those are asked for their tags.
     */
    public List<DistributionSummary> tagged(AppSpec input) {
        String zone = Names.bare(input.zone());
        String comment = DesiredConfig.comment(input);
        Predicate<DistributionSummary> mayBeOurs = summary -> comment.equals(summary.comment())
                || summary.aliases().items().stream().map(Names::bare)
                        .anyMatch(alias -> alias.equals(zone) || alias.endsWith("." + zone));
        return related(mayBeOurs).stream()
                .filter(summary -> Tags.matches(tags(summary.arn()), input.app(), Tags.GLOBAL, Tags.ROLE_DISTRIBUTION))
                .toList();
    }

    /**
     * Every distribution that {@code candidate} accepts. CloudFront always reports aliases and comment; a summary
     * without them (the emulator's) cannot be ruled out, so it is kept for its tags to decide.
     */
    List<DistributionSummary> related(Predicate<DistributionSummary> candidate) {
        List<DistributionSummary> related = new ArrayList<>();
        // The SDK's paginator follows NextMarker (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/pagination.html).
        // CloudFrontClient has no listDistributionsPaginator method (aws-sdk-java-v2#6636), so it is built directly.
        for (ListDistributionsResponse response
                : new ListDistributionsIterable(cloudFront, ListDistributionsRequest.builder().build())) {
            DistributionList page = response.distributionList();
            if (page == null) {
                return related;
            }
            for (DistributionSummary summary : page.items()) {
                boolean unknown = summary.aliases() == null || summary.aliases().items() == null
                        || summary.comment() == null;
                if (unknown || candidate.test(summary)) {
                    related.add(summary);
                }
            }
        }
        return related;
    }

    /** A distribution's tags; none when it was deleted since it was listed. */
    Map<String, String> tags(String arn) {
        try {
            var tags = cloudFront.listTagsForResource(ListTagsForResourceRequest.builder().resource(arn).build()).tags();
            return tags == null ? Map.of() : Tags.toMap(tags.items(), Tag::key, Tag::value);
        } catch (NoSuchResourceException e) {
            return Map.of();
        }
    }
}
