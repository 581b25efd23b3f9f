package io.activeedge.testing;

import io.activeedge.core.Tags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsResponse;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.InvalidIfMatchVersionException;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudfront.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.NoSuchResourceException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;

/**
 * CloudFront distributions in memory, as the teardown sees them: paged listing, tags, an ETag that changes with
 * every change of the config (IfMatch enforced: PreconditionFailed), an update that leaves the distribution
 * InProgress until the test deploys it, a delete that CloudFront refuses unless the distribution is
 * disabled and Deployed, and a create that refuses a caller reference it has seen (DistributionAlreadyExists) while
 * the listing may not show new distributions yet, which moto cannot show.
 */
public final class FakeCloudFront implements CloudFrontClient {
    /** One distribution: what CloudFront stores. */
    public static final class Stored {
        public final String id;
        public final String domainName;
        public final Map<String, String> tags;
        public DistributionConfig config;
        public String status;
        public String eTag;

        Stored(String id, String domainName, Map<String, String> tags, DistributionConfig config, String status) {
            this.id = id;
            this.domainName = domainName;
            this.tags = tags;
            this.config = config;
            this.status = status;
        }

        public String arn() {
            return "arn:aws:cloudfront::123456789012:distribution/" + id;
        }

        public boolean enabled() {
            return Boolean.TRUE.equals(config.enabled());
        }
    }

    public final Map<String, Stored> distributions = new LinkedHashMap<>();
    public final List<UpdateDistributionRequest> updates = new ArrayList<>();
    public final List<DeleteDistributionRequest> deletes = new ArrayList<>();
    /** Small pages, so that every caller has to follow the markers. */
    public int pageSize = 1;
    /** The emulator's summaries carry neither aliases nor comment. */
    public boolean summariesWithoutAliases;
    /** Runs once, just before the next update or delete is applied: someone else changing the config first. */
    public Runnable beforeNextWrite;
    /** When true, ListDistributions does not show the distributions created through the API yet. */
    public boolean listLags;
    /** Runs once, just before the next create is handled. */
    public Runnable beforeNextCreate;
    /** When false, DistributionAlreadyExists does not name the distribution that holds the caller reference. */
    public boolean alreadyExistsNamesId = true;
    private final Set<String> created = new HashSet<>();
    private int versions;

    /** A distribution tagged for {@code app} (untagged when it is null), with "active-edge APP" as comment. */
    public Stored add(String id, String domainName, String app, List<String> aliases, boolean enabled, String status) {
        Map<String, String> tags = app == null ? new LinkedHashMap<>() : Tags.of(Map.of("team", "web"), app, Tags.GLOBAL,
                Tags.ROLE_DISTRIBUTION);
        DistributionConfig config = DistributionConfig.builder().callerReference("ref-" + id)
                .aliases(a -> a.quantity(aliases.size()).items(aliases))
                .comment(app == null ? "hand made" : "active-edge " + app).enabled(enabled).build();
        Stored stored = new Stored(id, domainName, tags, config, status);
        stored.eTag = nextETag();
        distributions.put(id, stored);
        return stored;
    }

    /** CloudFront finishes propagating the last change. */
    public void deploy(String id) {
        distributions.get(id).status = "Deployed";
    }

    /** Someone changes the config elsewhere (the console): its ETag moves on. */
    public void editElsewhere(String id, boolean enabled) {
        Stored d = distributions.get(id);
        d.config = d.config.toBuilder().enabled(enabled).build();
        d.eTag = nextETag();
        d.status = "InProgress";
    }

    private String nextETag() {
        return "E" + (++versions) + "TAG";
    }

    private Stored existing(String id) {
        Stored d = distributions.get(id);
        if (d == null) {
            throw NoSuchDistributionException.builder().statusCode(404).message("The specified distribution does not exist.")
                    .build();
        }
        return d;
    }

    private void beforeWrite() {
        if (beforeNextWrite != null) {
            Runnable change = beforeNextWrite;
            beforeNextWrite = null;
            change.run();
        }
    }

    private static void requireIfMatch(Stored d, String ifMatch) {
        if (ifMatch == null) {
            throw InvalidIfMatchVersionException.builder().statusCode(400).message("IfMatch is required").build();
        }
        if (!ifMatch.equals(d.eTag)) {
            throw PreconditionFailedException.builder().statusCode(412)
                    .message("The precondition given in one or more of the request-header fields evaluated to false.")
                    .build();
        }
    }

    /** Tags from the request, the caller reference remembered; a caller reference seen before is refused. */
    @Override
    public CreateDistributionWithTagsResponse createDistributionWithTags(CreateDistributionWithTagsRequest request) {
        if (beforeNextCreate != null) {
            Runnable change = beforeNextCreate;
            beforeNextCreate = null;
            change.run();
        }
        DistributionConfig config = request.distributionConfigWithTags().distributionConfig();
        Stored holder = distributions.values().stream()
                .filter(d -> config.callerReference().equals(d.config.callerReference())).findFirst().orElse(null);
        if (holder != null) {
            String message = "The caller reference that you are using to create a distribution is associated with"
                    + " another distribution." + (alreadyExistsNamesId ? " Already exists: " + holder.id : "");
            throw DistributionAlreadyExistsException.builder().statusCode(409).message(message)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("DistributionAlreadyExists")
                            .errorMessage(message).build())
                    .build();
        }
        String id = "E" + (distributions.size() + 1) + "CREATED";
        Map<String, String> tags = new LinkedHashMap<>();
        request.distributionConfigWithTags().tags().items().forEach(t -> tags.put(t.key(), t.value()));
        Stored stored = new Stored(id, "d" + id.toLowerCase() + ".cloudfront.net", tags, config, "InProgress");
        stored.eTag = nextETag();
        distributions.put(id, stored);
        created.add(id);
        return CreateDistributionWithTagsResponse.builder().distribution(distribution(stored)).eTag(stored.eTag)
                .build();
    }

    @Override
    public ListDistributionsResponse listDistributions(ListDistributionsRequest request) {
        List<Stored> all = distributions.values().stream().filter(d -> !listLags || !created.contains(d.id)).toList();
        int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
        int to = Math.min(all.size(), from + pageSize);
        boolean truncated = to < all.size();
        List<DistributionSummary> items = all.subList(from, to).stream().map(this::summary).toList();
        return ListDistributionsResponse.builder().distributionList(l -> l.items(items).quantity(items.size())
                .isTruncated(truncated).nextMarker(truncated ? String.valueOf(to) : null)
                .maxItems(pageSize).marker(request.marker())).build();
    }

    private DistributionSummary summary(Stored d) {
        DistributionSummary.Builder summary = DistributionSummary.builder().id(d.id).arn(d.arn())
                .domainName(d.domainName).status(d.status).enabled(d.enabled());
        if (!summariesWithoutAliases) {
            summary.aliases(d.config.aliases()).comment(d.config.comment());
        }
        return summary.build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        Stored d = distributions.values().stream().filter(x -> x.arn().equals(request.resource())).findFirst()
                .orElseThrow(() -> NoSuchResourceException.builder().statusCode(404).message("no such resource").build());
        List<Tag> tags = d.tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .toList();
        return ListTagsForResourceResponse.builder().tags(t -> t.items(tags)).build();
    }

    @Override
    public GetDistributionResponse getDistribution(GetDistributionRequest request) {
        Stored d = existing(request.id());
        return GetDistributionResponse.builder().distribution(distribution(d)).eTag(d.eTag).build();
    }

    @Override
    public GetDistributionConfigResponse getDistributionConfig(GetDistributionConfigRequest request) {
        Stored d = existing(request.id());
        return GetDistributionConfigResponse.builder().distributionConfig(d.config).eTag(d.eTag).build();
    }

    @Override
    public UpdateDistributionResponse updateDistribution(UpdateDistributionRequest request) {
        beforeWrite();
        Stored d = existing(request.id());
        requireIfMatch(d, request.ifMatch());
        updates.add(request);
        d.config = request.distributionConfig();
        d.eTag = nextETag();
        d.status = "InProgress";
        return UpdateDistributionResponse.builder().distribution(distribution(d)).eTag(d.eTag).build();
    }

    @Override
    public DeleteDistributionResponse deleteDistribution(DeleteDistributionRequest request) {
        beforeWrite();
        Stored d = existing(request.id());
        requireIfMatch(d, request.ifMatch());
        if (d.enabled() || !"Deployed".equals(d.status)) {
            throw DistributionNotDisabledException.builder().statusCode(409)
                    .message("The distribution you are trying to delete has not been disabled.").build();
        }
        deletes.add(request);
        distributions.remove(d.id);
        return DeleteDistributionResponse.builder().build();
    }

    private static Distribution distribution(Stored d) {
        return Distribution.builder().id(d.id).arn(d.arn()).domainName(d.domainName).status(d.status)
                .distributionConfig(d.config).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
