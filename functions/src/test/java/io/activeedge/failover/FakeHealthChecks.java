package io.activeedge.failover;

import io.activeedge.core.Tags;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusResponse;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.StatusReport;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckResponse;

/**
 * Route 53 health checks in memory, as provisioning leaves them (endpoint, switch and gate per Region, tagged),
 * with what failover relies on: HealthCheckVersion enforced and incremented, at most 10 tags per check, no
 * status for calculated checks, paged listing, and errors that a test queues for the next call of an operation.
 */
final class FakeHealthChecks implements Route53Client {
    static final String SUCCESS = "Success: HTTP Status Code 200, OK";
    static final String FAILURE = "Failure: Connection timed out.";

    record RegionIds(String region, String endpointId, String switchId, String gateId) {
    }

    final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    final Map<String, Map<String, String>> tags = new HashMap<>();
    final Map<String, List<String>> statuses = new HashMap<>();
    final List<UpdateHealthCheckRequest> updates = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    private final Map<String, Deque<AwsServiceException>> failures = new HashMap<>();
    /** Runs once, just before the next UpdateHealthCheck is applied: someone else changing the check first. */
    Runnable beforeNextUpdate;
    int pageSize = 2;
    private int nextId = 1;

    /** The three checks provisioning makes for {@code app} in {@code region}. */
    RegionIds addRegion(String app, String region) {
        String endpoint = add("ae/" + app + "/" + region + "/endpoint/0a1b2c3d", HealthCheckConfig.builder()
                .type(HealthCheckType.HTTPS).fullyQualifiedDomainName("api-" + region + ".example.com")
                .resourcePath("/health").port(443).build(), app, region, Tags.ROLE_ENDPOINT_CHECK);
        String switchId = add("ae/" + app + "/" + region + "/switch/0a1b2c3d", HealthCheckConfig.builder()
                .type(HealthCheckType.TCP).fullyQualifiedDomainName("api-" + region + ".example.com").port(443)
                .requestInterval(30).failureThreshold(3).disabled(true).inverted(false).build(),
                app, region, Tags.ROLE_SWITCH_CHECK);
        String gate = add("ae/" + app + "/" + region + "/gate/0a1b2c3d", HealthCheckConfig.builder()
                .type(HealthCheckType.CALCULATED).childHealthChecks(endpoint, switchId).healthThreshold(2).build(),
                app, region, Tags.ROLE_GATE_CHECK);
        statuses.put(endpoint, List.of(SUCCESS, SUCCESS, SUCCESS));
        return new RegionIds(region, endpoint, switchId, gate);
    }

    /**
     * A switch of the kind earlier versions made (calculated, no children) beside the Region's switch, with the
     * gate monitoring it: a Region halfway through provisioning's conversion.
     */
    String addOldSwitchMonitoredByGate(String app, String region, RegionIds ids) {
        String old = add("ae/" + app + "/" + region + "/switch/00000000", HealthCheckConfig.builder()
                .type(HealthCheckType.CALCULATED).healthThreshold(0).inverted(false).build(),
                app, region, Tags.ROLE_SWITCH_CHECK);
        edit(ids.gateId(), c -> c.childHealthChecks(ids.endpointId(), old));
        return old;
    }

    /** A check that belongs to no one active-edge knows. */
    String addForeign(String callerReference) {
        String id = id();
        checks.put(id, HealthCheck.builder().id(id).callerReference(callerReference).healthCheckVersion(1L)
                .healthCheckConfig(HealthCheckConfig.builder().type(HealthCheckType.HTTP).build()).build());
        return id;
    }

    private String add(String reference, HealthCheckConfig config, String app, String region, String role) {
        String id = id();
        checks.put(id, HealthCheck.builder().id(id).callerReference(reference).healthCheckConfig(config)
                .healthCheckVersion(1L).build());
        Map<String, String> own = new LinkedHashMap<>();
        own.put("Name", app + " " + region + " " + role);
        own.putAll(Tags.of(Map.of(), app, region, role));
        tags.put(id, own);
        return id;
    }

    private String id() {
        return String.format("%08d-aaaa-bbbb-cccc-%012d", nextId, nextId++);
    }

    boolean inverted(String id) {
        return Boolean.TRUE.equals(checks.get(id).healthCheckConfig().inverted());
    }

    long version(String id) {
        return checks.get(id).healthCheckVersion();
    }

    /** Changes a check as the console would: its version moves on. */
    void edit(String id, Consumer<HealthCheckConfig.Builder> change) {
        HealthCheck check = checks.get(id);
        HealthCheckConfig.Builder config = check.healthCheckConfig().toBuilder();
        change.accept(config);
        checks.put(id, check.toBuilder().healthCheckConfig(config.build())
                .healthCheckVersion(check.healthCheckVersion() + 1).build());
    }

    void failNext(String operation, AwsServiceException error) {
        failures.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(error);
    }

    static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    private void call(String operation) {
        calls.add(operation);
        Deque<AwsServiceException> queued = failures.get(operation);
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
    }

    private HealthCheck existing(String id) {
        HealthCheck check = checks.get(id);
        if (check == null) {
            throw NoSuchHealthCheckException.builder().message("No health check exists with the specified ID " + id)
                    .build();
        }
        return check;
    }

    @Override
    public GetHealthCheckResponse getHealthCheck(GetHealthCheckRequest request) {
        call("GetHealthCheck");
        return GetHealthCheckResponse.builder().healthCheck(existing(request.healthCheckId())).build();
    }

    @Override
    public GetHealthCheckStatusResponse getHealthCheckStatus(GetHealthCheckStatusRequest request) {
        call("GetHealthCheckStatus");
        HealthCheck check = existing(request.healthCheckId());
        if (check.healthCheckConfig().type() == HealthCheckType.CALCULATED) {
            throw InvalidInputException.builder().message("calculated health checks have no status").build();
        }
        return GetHealthCheckStatusResponse.builder().healthCheckObservations(
                statuses.getOrDefault(check.id(), List.of()).stream().map(s -> HealthCheckObservation.builder()
                        .region("us-east-1").ipAddress("15.177.2.1")
                        .statusReport(StatusReport.builder().status(s).build()).build()).toList())
                .build();
    }

    @Override
    public ListHealthChecksResponse listHealthChecks(ListHealthChecksRequest request) {
        call("ListHealthChecks");
        List<HealthCheck> all = new ArrayList<>(checks.values());
        int from = request.marker() == null ? 0 : Integer.parseInt(request.marker());
        int to = Math.min(all.size(), from + pageSize);
        boolean truncated = to < all.size();
        return ListHealthChecksResponse.builder().healthChecks(all.subList(from, to)).marker(request.marker())
                .isTruncated(truncated).nextMarker(truncated ? String.valueOf(to) : null)
                .maxItems(String.valueOf(pageSize)).build();
    }

    @Override
    public ListTagsForResourcesResponse listTagsForResources(ListTagsForResourcesRequest request) {
        call("ListTagsForResources");
        if (request.resourceIds().size() > 10) {
            throw InvalidInputException.builder().message("at most 10 resource ids").build();
        }
        return ListTagsForResourcesResponse.builder().resourceTagSets(request.resourceIds().stream()
                .map(id -> tagSet(id, request.resourceTypeAsString())).toList()).build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        call("ListTagsForResource");
        existing(request.resourceId());
        return ListTagsForResourceResponse.builder()
                .resourceTagSet(tagSet(request.resourceId(), request.resourceTypeAsString())).build();
    }

    private ResourceTagSet tagSet(String id, String type) {
        return ResourceTagSet.builder().resourceId(id).resourceType(type)
                .tags(tags.getOrDefault(id, Map.of()).entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }

    @Override
    public ChangeTagsForResourceResponse changeTagsForResource(ChangeTagsForResourceRequest request) {
        call("ChangeTagsForResource");
        existing(request.resourceId());
        Map<String, String> changed = new LinkedHashMap<>(tags.getOrDefault(request.resourceId(), Map.of()));
        request.addTags().forEach(t -> changed.put(t.key(), t.value()));
        if (changed.size() > 10) {
            throw InvalidInputException.builder().message("at most 10 tags per resource").build();
        }
        tags.put(request.resourceId(), changed);
        return ChangeTagsForResourceResponse.builder().build();
    }

    @Override
    public UpdateHealthCheckResponse updateHealthCheck(UpdateHealthCheckRequest request) {
        call("UpdateHealthCheck");
        if (beforeNextUpdate != null) {
            Runnable change = beforeNextUpdate;
            beforeNextUpdate = null;
            change.run();
        }
        HealthCheck check = existing(request.healthCheckId());
        if (request.healthCheckVersion() != null && !request.healthCheckVersion().equals(check.healthCheckVersion())) {
            throw HealthCheckVersionMismatchException.builder().statusCode(409)
                    .message("The value of HealthCheckVersion in the request doesn't match the value of "
                            + "HealthCheckVersion in the health check (" + check.healthCheckVersion() + ")")
                    .build();
        }
        updates.add(request);
        HealthCheckConfig.Builder config = check.healthCheckConfig().toBuilder();
        if (request.inverted() != null) {
            config.inverted(request.inverted());
        }
        HealthCheck updated = check.toBuilder().healthCheckConfig(config.build())
                .healthCheckVersion(check.healthCheckVersion() + 1).build();
        checks.put(updated.id(), updated);
        return UpdateHealthCheckResponse.builder().healthCheck(updated).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
