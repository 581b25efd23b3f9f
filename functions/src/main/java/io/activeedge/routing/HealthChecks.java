package io.activeedge.routing;

import io.activeedge.core.Tags;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.workflow.OriginTarget;
import io.activeedge.workflow.RegionHealthChecks;
import io.activeedge.workflow.RegionState;
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
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/**
 * The three health checks of one Region (DESIGN.md, "a safe switch"): the endpoint check probes the Region's
 * own origin, the switch is always healthy unless inverted (drained), and the gate is healthy only when both
 * are. Checks are found by tags; only the missing ones are created. The switch's Inverted flag belongs to the
 * failover function and is never changed here, so a drained Region stays drained when provisioning runs again.
 */
public final class HealthChecks {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);
    /** Route 53 limit on the CallerReference length. */
    static final int MAX_CALLER_REFERENCE = 64;
    static final int GATE_THRESHOLD = 2;
    static final int SWITCH_THRESHOLD = 0;
    /** Route 53 shows this tag as the check's name in the console. */
    static final String NAME_TAG = "Name";

    private static final Map<String, String> SHORT_ROLE = Map.of(
            Tags.ROLE_ENDPOINT_CHECK, "endpoint",
            Tags.ROLE_SWITCH_CHECK, "switch",
            Tags.ROLE_GATE_CHECK, "gate");

    private final Route53Client route53;
    private final HealthCheckSearch search;

    public HealthChecks(Route53Client route53) {
        this.route53 = route53;
        this.search = new HealthCheckSearch(route53);
    }

    public RegionHealthChecks ensure(RegionState state) {
        AppSpec input = state.input();
        String app = input.app();
        String region = state.region().region();
        Map<String, HealthCheck> found = findOwned(app, region);
        List<String> created = new ArrayList<>();

        HealthCheckConfig endpointConfig = endpointConfig(state.target(), input.healthCheck());
        HealthCheck endpoint = found.get(Tags.ROLE_ENDPOINT_CHECK);
        String endpointId;
        if (endpoint == null) {
            endpointId = create(state, Tags.ROLE_ENDPOINT_CHECK, endpointConfig);
            created.add(Tags.ROLE_ENDPOINT_CHECK);
        } else {
            endpointId = endpoint.id();
            convergeEndpoint(region, endpoint, endpointConfig);
        }

        HealthCheck switchCheck = found.get(Tags.ROLE_SWITCH_CHECK);
        String switchId;
        if (switchCheck == null) {
            switchId = create(state, Tags.ROLE_SWITCH_CHECK, HealthCheckConfig.builder()
                    .type(HealthCheckType.CALCULATED).healthThreshold(SWITCH_THRESHOLD).build());
            created.add(Tags.ROLE_SWITCH_CHECK);
        } else {
            switchId = switchCheck.id();
            LOG.info("health check found region={} role={} id={} inverted={} action=none reason=switch-belongs-to-failover",
                    region, Tags.ROLE_SWITCH_CHECK, switchId,
                    Boolean.TRUE.equals(switchCheck.healthCheckConfig().inverted()));
        }

        HealthCheckConfig gateConfig = HealthCheckConfig.builder().type(HealthCheckType.CALCULATED)
                .childHealthChecks(endpointId, switchId).healthThreshold(GATE_THRESHOLD).build();
        HealthCheck gate = found.get(Tags.ROLE_GATE_CHECK);
        String gateId;
        if (gate == null) {
            gateId = create(state, Tags.ROLE_GATE_CHECK, gateConfig);
            created.add(Tags.ROLE_GATE_CHECK);
        } else {
            gateId = gate.id();
            convergeGate(region, gate, gateConfig);
        }
        return new RegionHealthChecks(region, endpointId, switchId, gateId, List.copyOf(created));
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

    /** This Region's checks by role: a CallerReference pre-filter, then the tags decide. */
    private Map<String, HealthCheck> findOwned(String app, String region) {
        String prefix = callerReferencePrefix(app, region);
        List<HealthCheckSearch.Tagged> candidates = search.find(reference -> reference.startsWith(prefix));
        Map<String, HealthCheck> owned = new HashMap<>();
        for (String role : SHORT_ROLE.keySet()) {
            List<HealthCheck> matches = candidates.stream()
                    .filter(c -> Tags.matches(c.tags(), app, region, role))
                    .map(HealthCheckSearch.Tagged::check)
                    .toList();
            if (matches.size() > 1) {
                throw new ResourceConflictException("There are " + matches.size() + " " + role + " health checks of app "
                        + app + " in " + region + " (" + matches.stream().map(HealthCheck::id).toList()
                        + "); delete the ones no latency record uses, then run again");
            }
            if (matches.size() == 1) {
                owned.put(role, matches.get(0));
            }
        }
        return owned;
    }

    private String create(RegionState state, String role, HealthCheckConfig config) {
        AppSpec input = state.input();
        String region = state.region().region();
        String reference = callerReference(input.app(), region, role, state.run().id());
        String id = route53.createHealthCheck(r -> r.callerReference(reference).healthCheckConfig(config))
                .healthCheck().id();
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(NAME_TAG, input.app() + " " + region + " " + SHORT_ROLE.get(role));
        tags.putAll(Tags.of(input.tags(), input.app(), region, role));
        route53.changeTagsForResource(ChangeTagsForResourceRequest.builder()
                .resourceType(TagResourceType.HEALTHCHECK).resourceId(id)
                .addTags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build());
        LOG.info("health check created region={} role={} id={} callerReference={}", region, role, id, reference);
        return id;
    }

    private void convergeEndpoint(String region, HealthCheck found, HealthCheckConfig wanted) {
        HealthCheckConfig current = found.healthCheckConfig();
        if (!wanted.typeAsString().equals(current.typeAsString())
                || !Objects.equals(wanted.requestInterval(), current.requestInterval())) {
            LOG.warn("health check setting cannot change on an existing check region={} role={} id={}"
                            + " type={} wantedType={} requestInterval={} wantedRequestInterval={}"
                            + " action=keep-current reason=route53-fixes-type-and-request-interval-at-creation"
                            + " fix=delete-the-check-and-run-again",
                    region, Tags.ROLE_ENDPOINT_CHECK, found.id(), current.typeAsString(), wanted.typeAsString(),
                    current.requestInterval(), wanted.requestInterval());
        }
        boolean drifted = current.fullyQualifiedDomainName() == null
                || !Names.bare(current.fullyQualifiedDomainName()).equals(wanted.fullyQualifiedDomainName())
                || !Objects.equals(current.resourcePath(), wanted.resourcePath())
                || !Objects.equals(current.port(), wanted.port())
                || !Objects.equals(current.failureThreshold(), wanted.failureThreshold())
                || !Boolean.TRUE.equals(current.enableSNI())
                || Boolean.TRUE.equals(current.inverted());
        if (!drifted) {
            LOG.info("health check found region={} role={} id={} action=none", region, Tags.ROLE_ENDPOINT_CHECK, found.id());
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
        LOG.info("health check updated region={} role={} id={} before=\"{} {}:{} threshold {}\" after=\"{} {}:{} threshold {}\"",
                region, Tags.ROLE_ENDPOINT_CHECK, found.id(),
                current.fullyQualifiedDomainName(), current.resourcePath(), current.port(), current.failureThreshold(),
                wanted.fullyQualifiedDomainName(), wanted.resourcePath(), wanted.port(), wanted.failureThreshold());
    }

    private void convergeGate(String region, HealthCheck found, HealthCheckConfig wanted) {
        HealthCheckConfig current = found.healthCheckConfig();
        boolean drifted = !Set.copyOf(current.childHealthChecks()).equals(Set.copyOf(wanted.childHealthChecks()))
                || !Objects.equals(current.healthThreshold(), wanted.healthThreshold())
                || Boolean.TRUE.equals(current.inverted());
        if (!drifted) {
            LOG.info("health check found region={} role={} id={} action=none", region, Tags.ROLE_GATE_CHECK, found.id());
            return;
        }
        route53.updateHealthCheck(UpdateHealthCheckRequest.builder()
                .healthCheckId(found.id()).healthCheckVersion(found.healthCheckVersion())
                .childHealthChecks(wanted.childHealthChecks())
                .healthThreshold(wanted.healthThreshold())
                .inverted(false)
                .build());
        LOG.info("health check updated region={} role={} id={} before=\"children {} threshold {}\" after=\"children {} threshold {}\"",
                region, Tags.ROLE_GATE_CHECK, found.id(), current.childHealthChecks(), current.healthThreshold(),
                wanted.childHealthChecks(), wanted.healthThreshold());
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
     * Prefix, role, and a hash of the execution: a retried step sends the same reference, and Route 53 answers
     * with the check it already made; a later execution sends a new one, as Route 53 refuses the reference of a
     * deleted check.
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
