package io.activeedge.testing;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RegionHealthChecksResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AliasTarget;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.CreateHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.DeleteHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckResponse;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusRequest;
import software.amazon.awssdk.services.route53.model.GetHealthCheckStatusResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckObservation;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListHealthChecksRequest;
import software.amazon.awssdk.services.route53.model.ListHealthChecksResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesRequest;
import software.amazon.awssdk.services.route53.model.ListTagsForResourcesResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.ResourceTagSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.route53.model.StatusReport;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckResponse;

/**
 * Route 53 in memory, the one fake of it every test uses.
 * <ul>
 *   <li>Health checks with tags and versions: HealthCheckVersion enforced and incremented, at most 10 tags per check,
 *       CallerReference idempotency, no calculated check among a calculated check's children, no status for
 *       calculated checks, paged listing; and the checks provisioning leaves per Region ({@link #addRegion}).</li>
 *   <li>The account's hosted zones, by name and id, with tags, created once per CallerReference, and (on request) a
 *       listing that does not show new zones yet, which moto cannot show.</li>
 *   <li>The record sets of one zone ({@link #zoneId}), with Route 53's sort order, paging, spelling (lower case,
 *       trailing dots, '*' as \052) and all-or-nothing change batches.</li>
 * </ul>
 * Every call is counted by operation name; a test queues an error for the next call of an operation.
 */
public final class FakeRoute53 implements Route53Client {
    /** What a Route 53 checker reports for an endpoint that answers, and for one that does not. */
    public static final String SUCCESS = "Success: HTTP Status Code 200, OK";
    public static final String FAILURE = "Failure: Connection timed out.";

    public final String zoneId;
    public final Map<String, HealthCheck> checks = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> tags = new HashMap<>();
    /** What the checkers report, by health check id (GetHealthCheckStatus); none reported when absent. */
    public final Map<String, List<String>> statuses = new HashMap<>();
    public final List<UpdateHealthCheckRequest> updates = new ArrayList<>();
    /** Every call, by operation name ("ListHealthChecks"), in order. */
    public final List<String> calls = new ArrayList<>();
    public final List<ChangeResourceRecordSetsRequest> batches = new ArrayList<>();
    /** Health checks deleted, in the order they were. */
    public final List<String> deletedChecks = new ArrayList<>();
    /** Health checks that Route 53 refuses to delete with HealthCheckInUse: something still refers to them. */
    public final Set<String> checksInUse = new HashSet<>();
    public final List<HostedZone> zones = new ArrayList<>();
    public List<ResourceRecordSet> records = new ArrayList<>();
    /** Small pages, so that every caller has to follow the markers. */
    public int pageSize = 2;
    /** How many more ListHostedZonesByName calls do not show the zones created through the API yet. */
    public int zoneListingLags;
    private final Set<String> created = new HashSet<>();
    private final Map<String, HealthCheckConfig> byReference = new HashMap<>();
    private final Map<String, Deque<AwsServiceException>> failures = new HashMap<>();
    private final Map<String, Deque<AwsServiceException>> failuresAfter = new HashMap<>();
    /** Runs once, just before the next UpdateHealthCheck is applied: someone else changing the check first. */
    public Runnable beforeNextUpdate;
    private int nextId = 1;

    public FakeRoute53(String zoneId) {
        this.zoneId = zoneId;
    }

    /** The next call of {@code operation} (e.g. "DeleteHealthCheck") fails with {@code error}. */
    public void failNext(String operation, AwsServiceException error) {
        failures.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(error);
    }

    /**
     * The next call of {@code operation} takes effect and then fails with {@code error}: what the SDK's retry of a
     * call whose answer was lost (a timeout, HTTP 500 after the change was made) surfaces.
     */
    public void failNextAfterApplying(String operation, AwsServiceException error) {
        failuresAfter.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(error);
    }

    /** An error as Route 53 sends one the SDK has no class for (or any other), by its code. */
    public static Route53Exception error(String code, int status) {
        return (Route53Exception) Route53Exception.builder().statusCode(status).message(code)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    /** How many calls of {@code operation} were made. */
    public long count(String operation) {
        return calls.stream().filter(operation::equals).count();
    }

    /** Counts the call, and throws the error queued for it, if any. */
    private void call(String operation) {
        calls.add(operation);
        Deque<AwsServiceException> queued = failures.get(operation);
        if (queued != null && !queued.isEmpty()) {
            throw queued.poll();
        }
    }

    // ---- hosted zones

    /** A hosted zone in the account; the zone whose records this fake holds is {@link #zoneId}. */
    public HostedZone addZone(String id, String name, boolean privateZone) {
        HostedZone zone = HostedZone.builder().id("/hostedzone/" + id).name(Names.fqdn(name)).callerReference(id)
                .config(c -> c.privateZone(privateZone)).build();
        zones.add(zone);
        return zone;
    }

    /**
     * A public zone with the request's CallerReference; HostedZoneAlreadyExists when a zone already has that
     * reference, as Route 53 answers.
     */
    @Override
    public CreateHostedZoneResponse createHostedZone(CreateHostedZoneRequest request) {
        call("CreateHostedZone");
        if (zones.stream().anyMatch(z -> request.callerReference().equals(z.callerReference()))) {
            throw HostedZoneAlreadyExistsException.builder().statusCode(409)
                    .message("A hosted zone has already been created with the specified caller reference.")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("HostedZoneAlreadyExists").build()).build();
        }
        HostedZone zone = HostedZone.builder().id("/hostedzone/Z" + (zones.size() + 1) + "CREATED")
                .name(Names.fqdn(request.name())).callerReference(request.callerReference())
                .config(c -> c.privateZone(false).comment(request.hostedZoneConfig() == null ? null
                        : request.hostedZoneConfig().comment()))
                .build();
        zones.add(zone);
        created.add(zone.id());
        return CreateHostedZoneResponse.builder().hostedZone(zone)
                .delegationSet(d -> d.nameServers("ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk")).build();
    }

    /** Sorted by name with the labels reversed, then id; from dnsName and hostedZoneId when given. */
    @Override
    public ListHostedZonesByNameResponse listHostedZonesByName(ListHostedZonesByNameRequest request) {
        call("ListHostedZonesByName");
        Comparator<HostedZone> order = Comparator.comparing((HostedZone z) -> reversed(z.name()))
                .thenComparing(HostedZone::id);
        boolean lagging = zoneListingLags > 0;
        if (lagging) {
            zoneListingLags--;
        }
        List<HostedZone> sorted = zones.stream().filter(z -> !lagging || !created.contains(z.id())).sorted(order)
                .toList();
        int from = 0;
        if (request.dnsName() != null) {
            HostedZone start = HostedZone.builder().name(Names.fqdn(request.dnsName()))
                    .id(request.hostedZoneId() == null ? "" : "/hostedzone/" + Names.zoneId(request.hostedZoneId()))
                    .build();
            while (from < sorted.size() && order.compare(sorted.get(from), start) < 0) {
                from++;
            }
        }
        int to = Math.min(sorted.size(), from + pageSize);
        ListHostedZonesByNameResponse.Builder page = ListHostedZonesByNameResponse.builder()
                .hostedZones(sorted.subList(from, to)).isTruncated(to < sorted.size()).maxItems(String.valueOf(pageSize));
        if (to < sorted.size()) {
            page.nextDNSName(sorted.get(to).name()).nextHostedZoneId(Names.zoneId(sorted.get(to).id()));
        }
        return page.build();
    }

    @Override
    public GetHostedZoneResponse getHostedZone(GetHostedZoneRequest request) {
        call("GetHostedZone");
        HostedZone zone = zones.stream().filter(z -> Names.zoneId(z.id()).equals(Names.zoneId(request.id())))
                .findFirst().orElseThrow(() -> NoSuchHostedZoneException.builder()
                        .message("No hosted zone found with ID: " + request.id()).build());
        return GetHostedZoneResponse.builder().hostedZone(zone)
                .delegationSet(d -> d.nameServers("ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk")).build();
    }

    /** A health check's tags need the check (NoSuchHealthCheck otherwise); a zone's are answered as they are. */
    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        call("ListTagsForResource");
        requireCheckIfTagged(request.resourceTypeAsString(), request.resourceId());
        return ListTagsForResourceResponse.builder().resourceTagSet(tagSet(request.resourceId(),
                request.resourceTypeAsString())).build();
    }

    private void requireCheckIfTagged(String resourceType, String id) {
        if (TagResourceType.HEALTHCHECK.toString().equals(resourceType)) {
            existing(id);
        }
    }

    // ---- health checks

    /** The three checks provisioning makes for {@code app} in {@code region}, tagged, the endpoint healthy. */
    public RegionHealthChecksResult addRegion(String app, String region) {
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
        return new RegionHealthChecksResult(region, endpoint, switchId, gate, List.of());
    }

    /**
     * A switch of the kind earlier versions made (calculated, no children) beside the Region's switch, with the
     * gate monitoring it: a Region halfway through provisioning's conversion.
     */
    public String addOldSwitchMonitoredByGate(String app, String region, RegionHealthChecksResult ids) {
        String old = add("ae/" + app + "/" + region + "/switch/00000000", HealthCheckConfig.builder()
                .type(HealthCheckType.CALCULATED).healthThreshold(0).inverted(false).build(),
                app, region, Tags.ROLE_SWITCH_CHECK);
        edit(ids.gateId(), c -> c.childHealthChecks(ids.endpointId(), old));
        return old;
    }

    /** A check that belongs to no one active-edge knows. */
    public String addForeign(String callerReference) {
        String id = nextId();
        checks.put(id, HealthCheck.builder().id(id).callerReference(callerReference).healthCheckVersion(1L)
                .healthCheckConfig(HealthCheckConfig.builder().type(HealthCheckType.HTTP).build()).build());
        return id;
    }

    private String add(String reference, HealthCheckConfig config, String app, String region, String role) {
        String id = nextId();
        checks.put(id, HealthCheck.builder().id(id).callerReference(reference).healthCheckConfig(config)
                .healthCheckVersion(1L).build());
        Map<String, String> own = new LinkedHashMap<>();
        own.put("Name", app + " " + region + " " + role);
        own.putAll(Tags.of(Map.of(), app, region, role));
        tags.put(id, own);
        return id;
    }

    private String nextId() {
        return String.format("%08d-aaaa-bbbb-cccc-%012d", nextId, nextId++);
    }

    public boolean inverted(String id) {
        return Boolean.TRUE.equals(checks.get(id).healthCheckConfig().inverted());
    }

    public long version(String id) {
        return checks.get(id).healthCheckVersion();
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
    public CreateHealthCheckResponse createHealthCheck(CreateHealthCheckRequest request) {
        call("CreateHealthCheck");
        if (request.callerReference().length() > 64) {
            throw InvalidInputException.builder().message("CallerReference longer than 64").build();
        }
        refuseCalculatedChildren(request.healthCheckConfig().childHealthChecks());
        // API_HealthCheckConfig (AlarmIdentifier): required for a CLOUDWATCH_METRIC check, and only for one.
        if ((request.healthCheckConfig().type() == HealthCheckType.CLOUDWATCH_METRIC)
                != (request.healthCheckConfig().alarmIdentifier() != null)) {
            throw InvalidInputException.builder().message("AlarmIdentifier goes with Type CLOUDWATCH_METRIC").build();
        }
        HealthCheckConfig previous = byReference.get(request.callerReference());
        if (previous != null) {
            if (!previous.equals(request.healthCheckConfig())) {
                throw HealthCheckAlreadyExistsException.builder().message("reference used with other settings").build();
            }
            HealthCheck existing = checks.values().stream()
                    .filter(c -> c.callerReference().equals(request.callerReference())).findFirst().orElseThrow();
            return CreateHealthCheckResponse.builder().healthCheck(existing).build();
        }
        String id = nextId();
        HealthCheck check = HealthCheck.builder().id(id).callerReference(request.callerReference())
                .healthCheckConfig(request.healthCheckConfig()).healthCheckVersion(1L).build();
        checks.put(id, check);
        byReference.put(request.callerReference(), request.healthCheckConfig());
        return CreateHealthCheckResponse.builder().healthCheck(check).location("/healthcheck/" + id).build();
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

    private ResourceTagSet tagSet(String id, String type) {
        return ResourceTagSet.builder().resourceId(id).resourceType(type)
                .tags(tags.getOrDefault(id, Map.of()).entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build();
    }

    /** All or nothing: more than 10 tags on the resource changes nothing. */
    @Override
    public ChangeTagsForResourceResponse changeTagsForResource(ChangeTagsForResourceRequest request) {
        call("ChangeTagsForResource");
        requireCheckIfTagged(request.resourceTypeAsString(), request.resourceId());
        Map<String, String> changed = new LinkedHashMap<>(tags.getOrDefault(request.resourceId(), Map.of()));
        request.addTags().forEach(t -> changed.put(t.key(), t.value()));
        request.removeTagKeys().forEach(changed::remove);
        if (changed.size() > 10) {
            throw InvalidInputException.builder().message("at most 10 tags per resource").build();
        }
        tags.put(request.resourceId(), changed);
        return ChangeTagsForResourceResponse.builder().build();
    }

    @Override
    public DeleteHealthCheckResponse deleteHealthCheck(DeleteHealthCheckRequest request) {
        call("DeleteHealthCheck");
        if (checksInUse.contains(request.healthCheckId())) {
            throw error("HealthCheckInUse", 400);
        }
        if (checks.remove(request.healthCheckId()) == null) {
            throw NoSuchHealthCheckException.builder()
                    .message("No health check exists with the specified ID " + request.healthCheckId()).build();
        }
        tags.remove(request.healthCheckId());
        deletedChecks.add(request.healthCheckId());
        return DeleteHealthCheckResponse.builder().build();
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
        if (request.hasChildHealthChecks()) {
            refuseCalculatedChildren(request.childHealthChecks());
        }
        updates.add(request);
        HealthCheckConfig.Builder config = check.healthCheckConfig().toBuilder();
        if (request.disabled() != null) {
            config.disabled(request.disabled());
        }
        if (request.fullyQualifiedDomainName() != null) {
            config.fullyQualifiedDomainName(request.fullyQualifiedDomainName());
        }
        if (request.resourcePath() != null) {
            config.resourcePath(request.resourcePath());
        }
        if (request.port() != null) {
            config.port(request.port());
        }
        if (request.failureThreshold() != null) {
            config.failureThreshold(request.failureThreshold());
        }
        if (request.enableSNI() != null) {
            config.enableSNI(request.enableSNI());
        }
        if (request.inverted() != null) {
            config.inverted(request.inverted());
        }
        if (request.healthThreshold() != null) {
            config.healthThreshold(request.healthThreshold());
        }
        if (request.hasChildHealthChecks()) {
            config.childHealthChecks(request.childHealthChecks());
        }
        if (request.insufficientDataHealthStatus() != null) {
            config.insufficientDataHealthStatus(request.insufficientDataHealthStatus());
        }
        if (request.alarmIdentifier() != null) {
            config.alarmIdentifier(request.alarmIdentifier());
        }
        HealthCheck updated = check.toBuilder().healthCheckConfig(config.build())
                .healthCheckVersion(check.healthCheckVersion() + 1).build();
        checks.put(updated.id(), updated);
        return UpdateHealthCheckResponse.builder().healthCheck(updated).build();
    }

    /**
     * Route 53 refuses a calculated check among the children of a calculated check (Developer Guide, "Values that
     * you specify when you create or update health checks", Health checks to monitor).
     */
    private void refuseCalculatedChildren(List<String> children) {
        for (String child : children == null ? List.<String>of() : children) {
            HealthCheck check = checks.get(child);
            if (check != null && check.healthCheckConfig().type() == HealthCheckType.CALCULATED) {
                throw InvalidInputException.builder().message("A calculated health check can't monitor the"
                        + " calculated health check " + child).build();
            }
        }
    }

    /** Changes a check the way someone else would (the console, the failover function): its version moves on. */
    public void edit(String id, Consumer<HealthCheckConfig.Builder> change) {
        HealthCheck check = checks.get(id);
        HealthCheckConfig.Builder config = check.healthCheckConfig().toBuilder();
        change.accept(config);
        checks.put(id, check.toBuilder().healthCheckConfig(config.build())
                .healthCheckVersion(check.healthCheckVersion() + 1).build());
    }

    public HealthCheckConfig config(String id) {
        return checks.get(id).healthCheckConfig();
    }

    // ---- record sets

    @Override
    public ListResourceRecordSetsResponse listResourceRecordSets(ListResourceRecordSetsRequest request) {
        call("ListResourceRecordSets");
        requireZone(request.hostedZoneId());
        List<ResourceRecordSet> sorted = records.stream().sorted(ORDER).toList();
        int from = 0;
        if (request.startRecordName() != null) {
            ResourceRecordSet start = ResourceRecordSet.builder().name(Names.fqdn(request.startRecordName()))
                    .type(request.startRecordTypeAsString() == null ? "" : request.startRecordTypeAsString())
                    .setIdentifier(request.startRecordIdentifier()).build();
            while (from < sorted.size() && ORDER.compare(sorted.get(from), start) < 0) {
                from++;
            }
        }
        int size = request.maxItems() == null ? pageSize : Math.min(pageSize, Integer.parseInt(request.maxItems()));
        int to = Math.min(sorted.size(), from + size);
        ListResourceRecordSetsResponse.Builder page = ListResourceRecordSetsResponse.builder()
                .resourceRecordSets(sorted.subList(from, to).stream().map(FakeRoute53::asTheSdkReturnsIt).toList())
                .isTruncated(to < sorted.size()).maxItems(String.valueOf(size));
        if (to < sorted.size()) {
            ResourceRecordSet next = sorted.get(to);
            page.nextRecordName(next.name()).nextRecordType(next.typeAsString()).nextRecordIdentifier(next.setIdentifier());
        }
        return page.build();
    }

    @Override
    public ChangeResourceRecordSetsResponse changeResourceRecordSets(ChangeResourceRecordSetsRequest request) {
        call("ChangeResourceRecordSets");
        requireZone(request.hostedZoneId());
        List<ResourceRecordSet> working = new ArrayList<>(records);
        for (Change change : request.changeBatch().changes()) {
            ResourceRecordSet record = spelled(change.resourceRecordSet());
            ResourceRecordSet same = working.stream().filter(r -> sameKey(r, record)).findFirst().orElse(null);
            switch (change.action()) {
                case CREATE -> {
                    if (same != null) {
                        throw invalid("Tried to create resource record set " + key(record) + " but it already exists");
                    }
                    requireCompatible(working, record);
                    working.add(record);
                }
                case DELETE -> {
                    if (!record.equals(same)) {
                        throw invalid("Tried to delete resource record set " + key(record)
                                + " but it was not found or the values provided do not match");
                    }
                    working.remove(same);
                }
                case UPSERT -> {
                    if (same != null) {
                        working.remove(same);
                    }
                    requireCompatible(working, record);
                    working.add(record);
                }
                default -> throw invalid("unknown action " + change.action());
            }
        }
        records = working;
        batches.add(request);
        Deque<AwsServiceException> after = failuresAfter.get("ChangeResourceRecordSets");
        if (after != null && !after.isEmpty()) {
            throw after.poll();
        }
        return ChangeResourceRecordSetsResponse.builder().changeInfo(c -> c.id("/change/C" + batches.size())
                .status(ChangeStatus.PENDING)).build();
    }

    /** Adds a record as if someone else had written it. */
    public void put(ResourceRecordSet record) {
        records.add(spelled(record));
    }

    /** Adds a simple record with one value (TTL 300) as if someone else had written it. */
    public void put(String name, RRType type, String value) {
        put(ResourceRecordSet.builder().name(name).type(type).ttl(300L).resourceRecords(r -> r.value(value)).build());
    }

    /** The value of the CNAME at {@code name}, or null. */
    public String cname(String name) {
        return at(name).stream().filter(r -> RRType.CNAME.toString().equals(r.typeAsString()))
                .map(r -> r.resourceRecords().get(0).value()).findFirst().orElse(null);
    }

    public List<ResourceRecordSet> at(String name) {
        return records.stream().filter(r -> Names.sameName(r.name(), name)).sorted(ORDER).toList();
    }

    private void requireZone(String id) {
        if (!zoneId.equals(Names.zoneId(id))) {
            throw NoSuchHostedZoneException.builder().message("No hosted zone found with ID: " + id).build();
        }
    }

    /** CNAME is alone at its name; one name and type is either a simple record or a set of routed ones. */
    private static void requireCompatible(List<ResourceRecordSet> working, ResourceRecordSet record) {
        for (ResourceRecordSet other : working) {
            if (!Names.sameName(other.name(), record.name())) {
                continue;
            }
            boolean cname = "CNAME".equals(other.typeAsString()) || "CNAME".equals(record.typeAsString());
            boolean sameType = other.typeAsString().equals(record.typeAsString());
            boolean mixed = sameType && (other.setIdentifier() == null) != (record.setIdentifier() == null);
            if (cname && !sameType || mixed) {
                throw invalid("RRSet " + key(record) + " conflicts with " + key(other));
            }
        }
    }

    /** How Route 53 answers: lower case names and alias targets with trailing dots, '*' as \052. */
    private static ResourceRecordSet spelled(ResourceRecordSet record) {
        ResourceRecordSet.Builder b = record.toBuilder().name(Names.fqdn(record.name()).replace("*", "\\052"));
        if (record.aliasTarget() != null) {
            AliasTarget alias = record.aliasTarget();
            b.aliasTarget(alias.toBuilder().dnsName(Names.fqdn(alias.dnsName())).build());
        }
        return b.build();
    }

    /**
     * The SDK's Route53IdInterceptor treats SetIdentifier like a resource path and keeps only what follows its
     * last '/', so a listed record carries that shortened identifier.
     */
    private static ResourceRecordSet asTheSdkReturnsIt(ResourceRecordSet record) {
        String id = record.setIdentifier();
        return id == null || id.lastIndexOf('/') <= 0 ? record
                : record.toBuilder().setIdentifier(id.substring(id.lastIndexOf('/') + 1)).build();
    }

    private static boolean sameKey(ResourceRecordSet a, ResourceRecordSet b) {
        return Names.sameName(a.name(), b.name()) && a.typeAsString().equals(b.typeAsString())
                && Objects.equals(a.setIdentifier(), b.setIdentifier());
    }

    private static String key(ResourceRecordSet r) {
        return "[" + r.name() + ", " + r.typeAsString() + (r.setIdentifier() == null ? "" : ", " + r.setIdentifier()) + "]";
    }

    public static InvalidChangeBatchException invalid(String message) {
        return InvalidChangeBatchException.builder().message(message).build();
    }

    /** Route 53 lists by name with its labels reversed (com.example.www), then type, then identifier. */
    private static final Comparator<ResourceRecordSet> ORDER = Comparator
            .comparing((ResourceRecordSet r) -> reversed(r.name()))
            .thenComparing(ResourceRecordSet::typeAsString)
            .thenComparing(r -> r.setIdentifier() == null ? "" : r.setIdentifier());

    private static String reversed(String name) {
        List<String> labels = new ArrayList<>(List.of(Names.bare(Names.unescaped(name)).split("\\.")));
        java.util.Collections.reverse(labels);
        return String.join(".", labels);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
