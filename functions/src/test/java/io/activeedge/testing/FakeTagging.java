package io.activeedge.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesRequest;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.InvalidParameterException;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.Tag;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

/**
 * The Resource Groups Tagging API of one Region in memory, answering GetResources from the alarms and tags of a
 * {@link FakeCloudWatch} (the index over CloudWatch's tags that the real service keeps). Like the service it
 * pages its answers, checks ResourcesPerPage (1 to 100) and the tag filter limits, and returns only resources
 * that match every filter.
 */
public final class FakeTagging implements ResourceGroupsTaggingApiClient {
    public final List<GetResourcesRequest> requests = new ArrayList<>();
    private final FakeCloudWatch cloudWatch;

    public FakeTagging(FakeCloudWatch cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public GetResourcesResponse getResources(GetResourcesRequest request) {
        requests.add(request);
        // https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html
        int perPage = request.resourcesPerPage() == null ? 50 : request.resourcesPerPage();
        if (perPage < 1 || perPage > 100) {
            throw InvalidParameterException.builder().message("ResourcesPerPage must be 1 to 100").build();
        }
        if (request.tagFilters().size() > 50 || request.tagFilters().stream().anyMatch(f -> f.values().size() > 20)) {
            throw InvalidParameterException.builder().message("at most 50 tag keys of 20 values each").build();
        }
        boolean alarms = !request.hasResourceTypeFilters() || request.resourceTypeFilters().stream()
                .anyMatch(t -> t.equals("cloudwatch") || t.equals("cloudwatch:alarm"));
        List<ResourceTagMapping> matching = new ArrayList<>();
        if (alarms) {
            cloudWatch.alarms.values().forEach(alarm -> {
                Map<String, String> tags = cloudWatch.tags.get(alarm.arn());
                if (!tags.isEmpty() && request.tagFilters().stream().allMatch(f -> matches(f, tags))) {
                    matching.add(ResourceTagMapping.builder().resourceARN(alarm.arn()).tags(tags.entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build());
                }
            });
        }
        int from = request.paginationToken() == null || request.paginationToken().isEmpty() ? 0
                : Integer.parseInt(request.paginationToken());
        int to = Math.min(matching.size(), from + perPage);
        return GetResourcesResponse.builder().resourceTagMappingList(matching.subList(from, to))
                .paginationToken(to < matching.size() ? String.valueOf(to) : "").build();
    }

    private static boolean matches(TagFilter filter, Map<String, String> tags) {
        String value = tags.get(filter.key());
        return value != null && (filter.values().isEmpty() || filter.values().contains(value));
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
