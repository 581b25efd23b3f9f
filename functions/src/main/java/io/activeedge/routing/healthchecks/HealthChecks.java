package io.activeedge.routing.healthchecks;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.Run;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/**
 * The three health checks of one Region (DESIGN.md, "a safe switch"): the endpoint check probes the Region's
 * own origin; the switch is a disabled check, healthy unless inverted (drained); the gate is a calculated check
 * over both, healthy only when both are. With {@code failover.dataPlane}, each alarm of the Region also gets a
 * CLOUDWATCH_METRIC check that is one more child of the gate ({@link AlarmChecks}). Checks are found by tags; only
 * the missing ones are created. The
 * switch's Inverted flag belongs to the failover function and is never changed here, so a drained Region stays
 * drained when provisioning runs again.
 *
 * <p>Earlier versions made the switch a calculated check with no children. Route 53 does not let a calculated
 * check monitor another calculated check, so such a Region is converged: a new switch is created in the old
 * one's state (drained or serving), the gate is pointed at it, and the old switch is deleted.
 */
public final class HealthChecks {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);
    /** Route 53 limit on the CallerReference length. */
    static final int MAX_CALLER_REFERENCE = 64;
    /** The switch probes nothing (it is disabled), but a TCP check must name a port (HealthCheckConfig.Port). */
    static final int SWITCH_PORT = 443;
    /** The standard interval and Route 53's default threshold: a disabled check has no optional features to pay for. */
    static final int SWITCH_REQUEST_INTERVAL = 30;
    static final int SWITCH_FAILURE_THRESHOLD = 3;
    /** Route 53 shows this tag as the check's name in the console. */
    static final String NAME_TAG = "Name";

    /** Tags the failover function keeps on a switch (FailoverTags; not imported: routing does not depend on failover). */
    static final Set<String> CARRIED_TAGS = Set.of("active-edge:changed-at", "active-edge:changed-by");

    private static final Map<String, String> SHORT_ROLE = Map.of(
            Tags.ROLE_ENDPOINT_CHECK, "endpoint",
            Tags.ROLE_SWITCH_CHECK, "switch",
            Tags.ROLE_GATE_CHECK, "gate",
            Tags.ROLE_ALARM_CHECK, "alarm");
    /** Route 53 tag values: at most 256 characters (ChangeTagsForResource, Tag.Value). */
    static final int MAX_TAG_VALUE = 256;

    private final Route53Client route53;
    private final HealthCheckSearch search;
    private final AlarmChecks alarmChecks;

    public HealthChecks(Route53Client route53) {
        this.route53 = route53;
        this.search = new HealthCheckSearch(route53);
        this.alarmChecks = new AlarmChecks(route53);
    }

    /**
     * Finds or creates the checks of {@code region}; the endpoint check probes {@code target}. {@code run} makes
     * the CallerReference of what it creates.
     */
    public RegionHealthChecksResult ensure(AppSpec input, String region, Run run, OriginTarget target) {
        String app = input.app();
        Owned found = findOwned(app, region);
        List<String> created = new ArrayList<>();

        HealthCheckConfig endpointConfig = endpointConfig(target, input.healthCheck());
        HealthCheck endpoint = found.endpoint();
        String endpointId;
        if (endpoint == null) {
            endpointId = create(input, region, run, Tags.ROLE_ENDPOINT_CHECK, endpointConfig).id();
            created.add(Tags.ROLE_ENDPOINT_CHECK);
        } else {
            endpointId = endpoint.id();
            convergeEndpoint(region, endpoint, endpointConfig);
        }

        HealthCheck switchCheck = found.switchCheck();
        HealthCheck legacy = found.legacySwitch();
        HealthCheck switchNow;
        if (switchCheck == null) {
            boolean drained = legacy != null && isInverted(legacy);
            switchNow = create(input, region, run, Tags.ROLE_SWITCH_CHECK, switchConfig(target, drained));
            created.add(Tags.ROLE_SWITCH_CHECK);
            if (legacy != null) {
                copyFailoverTags(legacy.id(), switchNow.id());
                LOG.info("switch converted", LogContext.region(region), entry("from", legacy.id()),
                        entry("to", switchNow.id()), entry("drained", drained),
                        entry("reason", "a-calculated-check-cannot-monitor-a-calculated-check"));
            }
        } else {
            // A conversion cut short: while the gate still monitors the old switch, the old switch's state counts.
            Boolean inherited = legacy != null && monitors(found.gate(), legacy.id()) ? isInverted(legacy) : null;
            switchNow = convergeSwitch(region, switchCheck, inherited);
        }
        String switchId = switchNow.id();

        // Alarm checks are made before the gate lists them, and deleted only after it has dropped them.
        HealthCheck gate = found.gate();
        AlarmChecks.Plan alarms = alarmChecks.plan(region, found.alarmChecks(), dataPlaneAlarms(input, region),
                gate == null ? List.of() : gate.healthCheckConfig().childHealthChecks(),
                alarm -> {
                    created.add(Tags.ROLE_ALARM_CHECK);
                    return createAlarmCheck(input, region, run, alarm);
                });
        List<String> children = new ArrayList<>(List.of(endpointId, switchId));
        children.addAll(alarms.ids());
        HealthCheckConfig gateConfig = gateConfig(children);
        String gateId;
        if (gate == null) {
            gateId = create(input, region, run, Tags.ROLE_GATE_CHECK, gateConfig).id();
            created.add(Tags.ROLE_GATE_CHECK);
        } else {
            gateId = gate.id();
            convergeGate(region, gate, gateConfig);
        }
        alarmChecks.delete(region, alarms.unwanted());
        if (legacy != null) {
            retire(region, legacy.id(), switchNow);
        }
        return new RegionHealthChecksResult(region, endpointId, switchId, gateId, List.copyOf(created),
                alarms.kept());
    }

    /** The alarms of {@code region} that back a check of their own: all of them with failover.dataPlane, else none. */
    static List<String> dataPlaneAlarms(AppSpec input, String region) {
        if (input.failover() == null || !Boolean.TRUE.equals(input.failover().dataPlane())) {
            return List.of();
        }
        return input.regions().stream().filter(r -> region.equals(r.region())).findFirst()
                .map(r -> r.alarms() == null ? List.<String>of() : r.alarms().stream().distinct().toList())
                .orElse(List.of());
    }

    /**
     * The switch: a disabled TCP check on the Region's own health-check domain. It never probes; Route 53 counts
     * it healthy, and inverted it counts unhealthy, which takes the gate and so the Region out of DNS answers.
     */
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html (Disabled): "After you
    // disable a health check, Route 53 considers the status of the health check to always be healthy. [...] If you
    // want to stop routing traffic to a resource, change the value of Inverted."
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (Type TCP): needs Port and
    // IPAddress or FullyQualifiedDomainName; RequestInterval 10 or 30; FailureThreshold 1 to 10.
    static HealthCheckConfig switchConfig(OriginTarget target, boolean drained) {
        return HealthCheckConfig.builder()
                .type(HealthCheckType.TCP)
                .fullyQualifiedDomainName(Names.bare(target.healthCheckDomain()))
                .port(SWITCH_PORT)
                .requestInterval(SWITCH_REQUEST_INTERVAL)
                .failureThreshold(SWITCH_FAILURE_THRESHOLD)
                .disabled(true)
                .inverted(drained)
                .build();
    }

    /**
     * The gate: healthy only when every child is (HealthThreshold = number of children): endpoint, switch, and with
     * failover.dataPlane one check per alarm (at most 256 children, which ValidateInput keeps to).
     */
    // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html ("Health checks
    // to monitor"): "You can't configure a calculated health check to monitor the health of other calculated
    // health checks." Every child here (endpoint, switch, alarm checks) is a non-calculated check.
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (ChildHealthChecks): "Array
    // Members: Maximum number of 256 items."
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (HealthThreshold): the
    // number of child checks that must be healthy for the calculated check to be healthy.
    static HealthCheckConfig gateConfig(List<String> children) {
        return HealthCheckConfig.builder().type(HealthCheckType.CALCULATED)
                .childHealthChecks(children).healthThreshold(children.size()).build();
    }

    static HealthCheckConfig endpointConfig(OriginTarget target, HealthCheckSpec spec) {
        return HealthCheckConfig.builder()
                .type(HealthCheckType.HTTPS)
                .fullyQualifiedDomainName(Names.bare(target.healthCheckDomain()))
                .resourcePath(target.healthCheckPath())
                .port(spec.port())
                .requestInterval(spec.requestIntervalSeconds())
                .failureThreshold(spec.failureThreshold())
                .enableSNI(true)
                .build();
    }

    /**
     * This Region's checks by role. {@code legacySwitch} is a switch of the earlier, calculated kind: while a
     * Region is converted, it has one of each kind.
     */
    private record Owned(HealthCheck endpoint, HealthCheck switchCheck, HealthCheck legacySwitch, HealthCheck gate,
            List<HealthCheck> alarmChecks) {
    }

    /** This Region's checks by role: a CallerReference pre-filter, then the tags decide. */
    private Owned findOwned(String app, String region) {
        String prefix = callerReferencePrefix(app, region);
        List<HealthCheckSearch.Tagged> candidates = search.find(reference -> reference.startsWith(prefix));
        Map<String, List<HealthCheck>> byRole = new HashMap<>();
        for (String role : SHORT_ROLE.keySet()) {
            byRole.put(role, candidates.stream()
                    .filter(c -> Tags.matches(c.tags(), app, region, role))
                    .map(HealthCheckSearch.Tagged::check)
                    .toList());
        }
        List<HealthCheck> switches = byRole.get(Tags.ROLE_SWITCH_CHECK);
        return new Owned(
                single(app, region, Tags.ROLE_ENDPOINT_CHECK, byRole.get(Tags.ROLE_ENDPOINT_CHECK)),
                single(app, region, Tags.ROLE_SWITCH_CHECK, switches.stream().filter(c -> !isCalculated(c)).toList()),
                single(app, region, Tags.ROLE_SWITCH_CHECK, switches.stream().filter(HealthChecks::isCalculated).toList()),
                single(app, region, Tags.ROLE_GATE_CHECK, byRole.get(Tags.ROLE_GATE_CHECK)),
                byRole.get(Tags.ROLE_ALARM_CHECK));
    }

    private static HealthCheck single(String app, String region, String role, List<HealthCheck> matches) {
        if (matches.size() > 1) {
            throw new ResourceConflictException("There are " + matches.size() + " " + role + " health checks of app "
                    + app + " in " + region + " (" + matches.stream().map(HealthCheck::id).toList()
                    + "); delete the ones no latency record uses, then run again");
        }
        return matches.isEmpty() ? null : matches.get(0);
    }

    static boolean isCalculated(HealthCheck check) {
        return check.healthCheckConfig() != null && check.healthCheckConfig().type() == HealthCheckType.CALCULATED;
    }

    private static boolean isInverted(HealthCheck check) {
        return Boolean.TRUE.equals(check.healthCheckConfig().inverted());
    }

    private HealthCheck create(AppSpec input, String region, Run run, String role, HealthCheckConfig config) {
        return create(input, region, callerReference(input.app(), region, role, run.id()), role, config, Map.of(),
                input.app() + " " + region + " " + SHORT_ROLE.get(role));
    }

    /** An alarm check, tagged with the alarm's name ({@link Tags#ALARM}) besides app, Region and role. */
    private HealthCheck createAlarmCheck(AppSpec input, String region, Run run, String alarm) {
        String name = input.app() + " " + region + " alarm " + alarm;
        return create(input, region, callerReference(input.app(), region, Tags.ROLE_ALARM_CHECK, run.id() + "/" + alarm),
                Tags.ROLE_ALARM_CHECK, AlarmChecks.config(region, alarm), Map.of(Tags.ALARM, alarm),
                name.length() > MAX_TAG_VALUE ? name.substring(0, MAX_TAG_VALUE) : name);
    }

    private HealthCheck create(AppSpec input, String region, String reference, String role, HealthCheckConfig config,
            Map<String, String> extraTags, String name) {
        HealthCheck check = route53.createHealthCheck(r -> r.callerReference(reference).healthCheckConfig(config))
                .healthCheck();
        String id = check.id();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(NAME_TAG, name);
        tags.putAll(Tags.of(input.tags(), input.app(), region, role));
        tags.putAll(extraTags);
        route53.changeTagsForResource(ChangeTagsForResourceRequest.builder()
                .resourceType(TagResourceType.HEALTHCHECK).resourceId(id)
                .addTags(Tags.toList(tags, (key, value) -> Tag.builder().key(key).value(value).build()))
                .build());
        LOG.info("health check created", LogContext.region(region), entry("role", role), entry("id", id),
                entry("callerReference", reference), entry("tags", extraTags));
        return check;
    }

    private void convergeEndpoint(String region, HealthCheck found, HealthCheckConfig wanted) {
        HealthCheckConfig current = found.healthCheckConfig();
        if (!wanted.typeAsString().equals(current.typeAsString())
                || !Objects.equals(wanted.requestInterval(), current.requestInterval())) {
            LOG.warn("health check setting cannot change on an existing check", LogContext.region(region),
                    entry("role", Tags.ROLE_ENDPOINT_CHECK), entry("id", found.id()),
                    entry("type", current.typeAsString()), entry("wantedType", wanted.typeAsString()),
                    entry("requestInterval", current.requestInterval()),
                    entry("wantedRequestInterval", wanted.requestInterval()), entry("action", "keep-current"),
                    entry("reason", "route53-fixes-type-and-request-interval-at-creation"),
                    entry("fix", "delete-the-check-and-run-again"));
        }
        boolean drifted = current.fullyQualifiedDomainName() == null
                || !Names.bare(current.fullyQualifiedDomainName()).equals(wanted.fullyQualifiedDomainName())
                || !Objects.equals(current.resourcePath(), wanted.resourcePath())
                || !Objects.equals(current.port(), wanted.port())
                || !Objects.equals(current.failureThreshold(), wanted.failureThreshold())
                || !Boolean.TRUE.equals(current.enableSNI())
                || Boolean.TRUE.equals(current.inverted());
        if (!drifted) {
            LOG.info("health check found", LogContext.region(region), entry("role", Tags.ROLE_ENDPOINT_CHECK),
                    entry("id", found.id()), entry("action", "none"));
            return;
        }
        route53.updateHealthCheck(UpdateHealthCheckRequest.builder()
                .healthCheckId(found.id()).healthCheckVersion(found.healthCheckVersion())
                .fullyQualifiedDomainName(wanted.fullyQualifiedDomainName())
                .resourcePath(wanted.resourcePath())
                .port(wanted.port())
                .failureThreshold(wanted.failureThreshold())
                .enableSNI(true)
                .inverted(false)
                .build());
        LOG.info("health check updated", LogContext.region(region), entry("role", Tags.ROLE_ENDPOINT_CHECK),
                entry("id", found.id()),
                entry("before", current.fullyQualifiedDomainName() + " " + current.resourcePath() + ":"
                        + current.port() + " threshold " + current.failureThreshold()),
                entry("after", wanted.fullyQualifiedDomainName() + " " + wanted.resourcePath() + ":"
                        + wanted.port() + " threshold " + wanted.failureThreshold()));
    }

    /**
     * A switch someone enabled would start probing: it is disabled again. Its Inverted flag stays as it is, unless
     * {@code inherited} carries the state of the old switch the gate still monitors. Returns the switch as it now is.
     */
    private HealthCheck convergeSwitch(String region, HealthCheck found, Boolean inherited) {
        boolean enabled = !Boolean.TRUE.equals(found.healthCheckConfig().disabled());
        boolean inherit = inherited != null && inherited != isInverted(found);
        if (!enabled && !inherit) {
            LOG.info("health check found", LogContext.region(region), entry("role", Tags.ROLE_SWITCH_CHECK),
                    entry("id", found.id()), entry("inverted", isInverted(found)), entry("action", "none"),
                    entry("reason", "switch-belongs-to-failover"));
            return found;
        }
        UpdateHealthCheckRequest.Builder update = UpdateHealthCheckRequest.builder()
                .healthCheckId(found.id()).healthCheckVersion(found.healthCheckVersion()).disabled(true);
        if (inherit) {
            update.inverted(inherited);
        }
        HealthCheck updated = route53.updateHealthCheck(update.build()).healthCheck();
        LOG.info("health check updated", LogContext.region(region), entry("role", Tags.ROLE_SWITCH_CHECK),
                entry("id", found.id()), entry("disabled", true), entry("inverted", isInverted(updated)),
                entry("reason", inherit ? "takes-the-state-of-the-switch-it-replaces" : "a-switch-never-probes"));
        return updated;
    }

    private static boolean monitors(HealthCheck gate, String childId) {
        return gate != null && gate.healthCheckConfig().hasChildHealthChecks()
                && gate.healthCheckConfig().childHealthChecks().contains(childId);
    }

    /**
     * Deletes the calculated switch the gate no longer monitors. Should the failover function have drained or
     * restored it while the new switch was being made, and nobody has changed the new one since, the new switch
     * takes that state first.
     */
    private void retire(String region, String legacyId, HealthCheck switchNow) {
        HealthCheck legacy;
        try {
            legacy = route53.getHealthCheck(r -> r.healthCheckId(legacyId)).healthCheck();
        } catch (NoSuchHealthCheckException e) {
            return;
        }
        String switchId = switchNow.id();
        HealthCheck current = route53.getHealthCheck(r -> r.healthCheckId(switchId)).healthCheck();
        if (isInverted(legacy) != isInverted(current)
                && Objects.equals(switchNow.healthCheckVersion(), current.healthCheckVersion())) {
            route53.updateHealthCheck(UpdateHealthCheckRequest.builder().healthCheckId(switchId)
                    .healthCheckVersion(current.healthCheckVersion()).inverted(isInverted(legacy)).build());
            copyFailoverTags(legacyId, switchId);
            LOG.info("switch state carried over", LogContext.region(region), entry("from", legacyId),
                    entry("to", switchId), entry("drained", isInverted(legacy)));
        }
        try {
            route53.deleteHealthCheck(r -> r.healthCheckId(legacyId));
        } catch (NoSuchHealthCheckException e) {
            // Deleted meanwhile: nothing left to do.
        }
        LOG.info("health check deleted", LogContext.region(region), entry("role", Tags.ROLE_SWITCH_CHECK),
                entry("id", legacyId), entry("reason", "replaced-by-disabled-switch"), entry("switch", switchId));
    }

    /** The failover tags (the last alarm state applied) follow the switch to its replacement. */
    private void copyFailoverTags(String fromId, String toId) {
        List<Tag> carried = route53.listTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK)
                        .resourceId(fromId)).resourceTagSet().tags().stream()
                .filter(t -> CARRIED_TAGS.contains(t.key())).toList();
        if (!carried.isEmpty()) {
            route53.changeTagsForResource(ChangeTagsForResourceRequest.builder()
                    .resourceType(TagResourceType.HEALTHCHECK).resourceId(toId).addTags(carried).build());
        }
    }

    private void convergeGate(String region, HealthCheck found, HealthCheckConfig wanted) {
        HealthCheckConfig current = found.healthCheckConfig();
        boolean drifted = !Set.copyOf(current.childHealthChecks()).equals(Set.copyOf(wanted.childHealthChecks()))
                || !Objects.equals(current.healthThreshold(), wanted.healthThreshold())
                || Boolean.TRUE.equals(current.inverted());
        if (!drifted) {
            LOG.info("health check found", LogContext.region(region), entry("role", Tags.ROLE_GATE_CHECK),
                    entry("id", found.id()), entry("action", "none"));
            return;
        }
        route53.updateHealthCheck(UpdateHealthCheckRequest.builder()
                .healthCheckId(found.id()).healthCheckVersion(found.healthCheckVersion())
                .childHealthChecks(wanted.childHealthChecks())
                .healthThreshold(wanted.healthThreshold())
                .inverted(false)
                .build());
        LOG.info("health check updated", LogContext.region(region), entry("role", Tags.ROLE_GATE_CHECK),
                entry("id", found.id()),
                entry("before", "children " + current.childHealthChecks() + " threshold " + current.healthThreshold()),
                entry("after", "children " + wanted.childHealthChecks() + " threshold " + wanted.healthThreshold()));
    }

    /**
     * "ae/{app}/{region}/": every check of the Region starts with it, so listing can skip other checks
     * before asking for tags. An app name too long to fit is replaced by its hash.
     */
    static String callerReferencePrefix(String app, String region) {
        String prefix = "ae/" + app + "/" + region + "/";
        int longest = SHORT_ROLE.values().stream().mapToInt(String::length).max().orElse(0) + 1 + 8;
        return prefix.length() + longest <= MAX_CALLER_REFERENCE ? prefix : "ae/" + hash(app) + "/" + region + "/";
    }

    /**
     * Prefix, role, and a hash of the execution (and, for an alarm check, of its alarm): a retried step sends the
     * same reference, and Route 53 answers with the check it already made; a later execution sends a new one, as
     * Route 53 refuses the reference of a deleted check.
     */
    static String callerReference(String app, String region, String role, String runId) {
        return callerReferencePrefix(app, region) + SHORT_ROLE.get(role) + "/" + hash(runId);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
