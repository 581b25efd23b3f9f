package io.activeedge.routing.healthchecks;

import io.activeedge.core.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Finds health checks the way provisioning marks them: every page of ListHealthChecks narrowed by
 * CallerReference (provisioning writes "ae/{app}/{region}/{role}/..." or, for a long name, "ae/{hash of
 * app}/..."), then the tags of what is left, which alone decide whose a check is.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHealthCheck.html (CallerReference, 1 to 64
 * characters): "A unique string that identifies the request and that allows you to retry a failed CreateHealthCheck
 * request without the risk of creating two identical health checks".
 */
public final class HealthCheckSearch {
    /**
     * Route 53: resource ids per ListTagsForResources call (ResourceIds: 1 to 10 items).
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListTagsForResources.html: "Lists tags for up to 10
     * health checks or hosted zones".
     */
    public static final int TAGS_BATCH = 10;
    private static final Pattern HASHED_APP = Pattern.compile("^ae/[0-9a-f]{8}/.*");

    /** A health check and its tags. */
    public record Tagged(HealthCheck check, Map<String, String> tags) {
        public String id() {
            return check.id();
        }

        public String region() {
            return tags.get(Tags.REGION);
        }

        public String role() {
            return tags.get(Tags.ROLE);
        }
    }

    private final Route53Client route53;

    public HealthCheckSearch(Route53Client route53) {
        this.route53 = route53;
    }

    /** Every check whose CallerReference {@code reference} accepts, with its tags, in Route 53's order. */
    public List<Tagged> find(Predicate<String> reference) {
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHealthChecks.html: "If the value of
        // IsTruncated in the previous response was true, you have more health checks"; Marker takes NextMarker. The
        // SDK's paginator asks for every page (https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/pagination.html).
        List<HealthCheck> candidates = route53.listHealthChecksPaginator(ListHealthChecksRequest.builder().build())
                .healthChecks().stream()
                .filter(c -> c.callerReference() != null && reference.test(c.callerReference()))
                .toList();

        Map<String, Map<String, String>> tags = new HashMap<>();
        for (int i = 0; i < candidates.size(); i += TAGS_BATCH) {
            List<String> batch = candidates.subList(i, Math.min(candidates.size(), i + TAGS_BATCH)).stream()
                    .map(HealthCheck::id).toList();
            ListTagsForResourcesResponse response = route53
                    .listTagsForResources(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceIds(batch));
            for (ResourceTagSet set : response.resourceTagSets()) {
                tags.put(set.resourceId(), Tags.toMap(set.tags(), Tag::key, Tag::value));
            }
        }
        return candidates.stream().map(c -> new Tagged(c, Map.copyOf(tags.getOrDefault(c.id(), Map.of())))).toList();
    }

    /** Every check tagged for {@code app}, in every Region and role, duplicates included. */
    public List<Tagged> ofApp(String app) {
        return find(reference -> mayBelongTo(reference, app)).stream()
                .filter(c -> app.equals(c.tags().get(Tags.APP)))
                .toList();
    }

    /** "ae/{app}/..." is the app's; "ae/{8 hex}/..." is some long-named app's, which its tags tell. */
    static boolean mayBelongTo(String callerReference, String app) {
        return callerReference.startsWith("ae/" + app + "/") || HASHED_APP.matcher(callerReference).matches();
    }
}
