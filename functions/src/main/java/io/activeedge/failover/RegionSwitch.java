package io.activeedge.failover;

import io.activeedge.core.LogContext;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Sleeper;
import io.activeedge.core.Tags;
import io.activeedge.failover.AlarmOwners.Owner;
import io.activeedge.failover.FailoverDecision.Action;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Drains a Region when one of its alarms goes to ALARM and restores it on OK, by setting {@code Inverted} on the
 * Region's switch health check (DESIGN.md, "a safe switch"); the endpoint and gate checks are never touched.
 * The switch is a disabled check: https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html
 * (Disabled): "After you disable a health check, Route 53 considers the status of the health check to always be
 * healthy. [...] If you want to stop routing traffic to a resource, change the value of Inverted."
 * <ul>
 *   <li>Never drains the last Region that serves: another Region serves when its switch is not inverted and
 *       its endpoint check is healthy (its gate is then healthy too; Route 53 reports no status for a
 *       calculated check such as the gate:
 *       https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetHealthCheckStatus.html: "You can't use
 *       GetHealthCheckStatus to get the status of a calculated health check"). Draining the last one would not work
 *       anyway: https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (HealthCheckId): "If
 *       the health check status for all resource record sets in the group is unhealthy, Route 53 considers all
 *       resource record sets in the group healthy".</li>
 *   <li>Restores only when no other alarm of the same Region is still in ALARM.</li>
 *   <li>Remembers on the switch the state timestamp it applied last, so that an event older than it, or the
 *       same event delivered again, changes nothing.</li>
 *   <li>Sends HealthCheckVersion with every update and, when someone changed the switch meanwhile, reads it
 *       again and retries. Throttled calls are retried by the Route 53 and CloudWatch clients themselves
 *       ({@link io.activeedge.core.Clients}), not here.</li>
 * </ul>
 * Every decision is one log line and, when it drained, restored or refused, one metric.
 */
public final class RegionSwitch {
    private static final Logger LOG = LoggerFactory.getLogger(RegionSwitch.class);
    static final int MAX_VERSION_ATTEMPTS = 5;

    private final Route53Client route53;
    private final AlarmOwners owners;
    private final HealthCheckLookup checks;
    private final FailoverMetrics metrics;

    public RegionSwitch(RegionalClients<CloudWatchClient> cloudWatch, Route53Client route53, Clock clock,
            FailoverMetrics metrics) {
        this.route53 = route53;
        this.owners = new AlarmOwners(cloudWatch, clock);
        this.checks = new HealthCheckLookup(route53);
        this.metrics = metrics;
    }

    /** Decides, applies, and reports one alarm state change. */
    public FailoverDecision apply(AlarmChange change) {
        FailoverDecision decision = decide(change);
        report(decision);
        return decision;
    }

    private FailoverDecision decide(AlarmChange change) {
        Boolean drain = switch (change.state()) {
            case AlarmChange.ALARM -> Boolean.TRUE;
            case AlarmChange.OK -> Boolean.FALSE;
            default -> null;
        };
        if (drain == null) {
            return decision(change, null, null, null, null, Action.IGNORED,
                    "state " + change.state() + " changes nothing");
        }
        Optional<Owner> found = owners.of(change.region(), change.alarmArn());
        if (found.isEmpty()) {
            return decision(change, null, null, null, null, Action.IGNORED, "the alarm has no " + Tags.APP
                    + " and " + Tags.REGION + " tags: it is not one of the alarms provisioning marked");
        }
        Owner owner = found.get();
        SwitchState current = locate(change, owner);
        if (current == null) {
            return decision(change, owner, null, null, null, Action.IGNORED, "no switch health check of app "
                    + owner.app() + " in " + owner.region() + ": run provisioning again");
        }
        Optional<FailoverDecision> settled = settled(change, owner, current, drain);
        if (settled.isPresent()) {
            return settled.get();
        }

        String reason;
        if (drain) {
            Others others = others(owner);
            if (others.serving() == null) {
                String state = FailoverDecision.stateOf(current.inverted());
                return decision(change, owner, current.id(), state, state, Action.REFUSED,
                        "draining would leave no Region serving: " + (others.notServing().isEmpty()
                                ? "the application has no other Region"
                                : String.join("; ", others.notServing())));
            }
            reason = "ALARM; " + others.serving() + " still serves";
        } else {
            Optional<String> holding = owners.otherInAlarm(change.region(), change.alarmArn(), owner);
            if (holding.isPresent()) {
                String state = FailoverDecision.stateOf(current.inverted());
                return decision(change, owner, current.id(), state, state, Action.UNCHANGED,
                        "alarm " + holding.get() + " of this Region is still in ALARM");
            }
            reason = "OK";
        }
        return update(change, owner, current, drain, reason);
    }

    /** The decision when nothing is left to do: the event is old or repeated, or the switch already is as wanted. */
    private Optional<FailoverDecision> settled(AlarmChange change, Owner owner, SwitchState current, boolean drain) {
        String state = FailoverDecision.stateOf(current.inverted());
        if (current.changedAt() != null && !change.stateTimestamp().isAfter(current.changedAt())) {
            boolean repeated = change.stateTimestamp().equals(current.changedAt())
                    && FailoverTags.value(change.alarmName()).equals(current.changedBy());
            return Optional.of(decision(change, owner, current.id(), state, state, Action.IGNORED, repeated
                    ? "already applied: this state change was delivered before"
                    : "older than the last change applied (" + current.changedAt() + " by " + current.changedBy() + ")"));
        }
        if (current.inverted() == drain) {
            markApplied(current.id(), change);
            return Optional.of(decision(change, owner, current.id(), state, state, Action.UNCHANGED, "already " + state));
        }
        return Optional.empty();
    }

    private FailoverDecision update(AlarmChange change, Owner owner, SwitchState current, boolean drain, String reason) {
        SwitchState state = current;
        for (int attempt = 1; ; attempt++) {
            SwitchState at = state;
            try {
                // https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html (HealthCheckVersion):
                // "If the value of HealthCheckVersion in the health check is greater, the health check was changed after
                // you got the version number. Route 53 does not update the health check, and it returns a
                // HealthCheckVersionMismatch error" (HTTP 409).
                route53.updateHealthCheck(r -> r
                        .healthCheckId(at.id()).healthCheckVersion(at.version()).inverted(drain));
                break;
            } catch (HealthCheckVersionMismatchException e) {
                if (attempt >= MAX_VERSION_ATTEMPTS) {
                    throw e;
                }
                state = read(at.id());
                LOG.warn("switch changed meanwhile", entry("switch", at.id()), entry("sentVersion", at.version()),
                        entry("currentVersion", state.version()), entry("attempt", attempt), entry("action", "retry"));
                Optional<FailoverDecision> settled = settled(change, owner, state, drain);
                if (settled.isPresent()) {
                    return settled.get();
                }
            }
        }
        markApplied(state.id(), change);
        return decision(change, owner, state.id(), FailoverDecision.stateOf(!drain), FailoverDecision.stateOf(drain),
                drain ? Action.DRAINED : Action.RESTORED, reason);
    }

    /** The Region's switch: the one the alarm names when its tags confirm it, else the one the Region's tags find. */
    private SwitchState locate(AlarmChange change, Owner owner) {
        if (owner.switchId() != null) {
            try {
                SwitchState named = read(owner.switchId());
                if (named.isSwitchOf(owner.app(), owner.region())) {
                    return named;
                }
                LOG.warn("alarm names a check that is not the switch", entry("alarm", change.alarmName()),
                        LogContext.app(owner.app()), LogContext.region(owner.region()), entry("switch", owner.switchId()));
            } catch (NoSuchHealthCheckException e) {
                LOG.warn("alarm names a switch that no longer exists", entry("alarm", change.alarmName()),
                        LogContext.app(owner.app()), LogContext.region(owner.region()), entry("switch", owner.switchId()));
            }
            owners.forget(change.alarmArn());
        }
        RegionHealthChecksResult region = checks.cached(owner.app()).get(owner.region());
        if (region == null || region.switchId() == null || region.switchId().equals(owner.switchId())) {
            region = checks.of(owner.app()).get(owner.region());
        }
        if (region == null || region.switchId() == null) {
            return null;
        }
        try {
            return read(region.switchId());
        } catch (NoSuchHealthCheckException e) {
            checks.forget(owner.app());
            return null;
        }
    }

    private record Others(String serving, List<String> notServing) {
    }

    /** The first other Region of the application that serves, or why none does. */
    private Others others(Owner owner) {
        Map<String, RegionHealthChecksResult> regions = checks.cached(owner.app());
        if (!regions.containsKey(owner.region())) {
            regions = checks.of(owner.app());
        }
        List<String> notServing = new ArrayList<>();
        for (RegionHealthChecksResult other : regions.values()) {
            if (other.region().equals(owner.region())) {
                continue;
            }
            if (!other.complete()) {
                notServing.add(other.region() + " lacks an endpoint, switch or gate check");
                continue;
            }
            try {
                HealthCheck check = route53.getHealthCheck(r -> r.healthCheckId(other.switchId())).healthCheck();
                if (Boolean.TRUE.equals(check.healthCheckConfig().inverted())) {
                    notServing.add(other.region() + " is drained");
                } else if (!healthy(other.endpointId())) {
                    notServing.add(other.region() + " fails its endpoint check");
                } else {
                    return new Others(other.region(), notServing);
                }
            } catch (NoSuchHealthCheckException e) {
                checks.forget(owner.app());
                notServing.add(other.region() + " health checks no longer exist");
            }
        }
        return new Others(null, notServing);
    }

    /**
     * Healthy when most Route 53 checkers report success; a check not yet observed counts as healthy. Route 53 itself
     * uses "more than 18%" ({@link HealthCheckLookup#healthy}).
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetHealthCheckStatus.html: "This API is intended for
     * use during development to diagnose behavior. It doesn't support production use-cases with high query rates".
     */
    private boolean healthy(String checkId) {
        return HealthCheckLookup.healthy(
                route53.getHealthCheckStatus(r -> r.healthCheckId(checkId)).healthCheckObservations());
    }

    record SwitchState(String id, boolean inverted, Long version, Instant changedAt, String changedBy,
            Map<String, String> tags) {
        boolean isSwitchOf(String app, String region) {
            return Tags.matches(tags, app, region, Tags.ROLE_SWITCH_CHECK);
        }
    }

    private SwitchState read(String id) {
        HealthCheck check = route53.getHealthCheck(r -> r.healthCheckId(id)).healthCheck();
        Map<String, String> tags = Tags.toMap(route53.listTagsForResource(r -> r
                .resourceType(TagResourceType.HEALTHCHECK).resourceId(id))
                .resourceTagSet().tags(), Tag::key, Tag::value);
        return new SwitchState(id, Boolean.TRUE.equals(check.healthCheckConfig().inverted()),
                check.healthCheckVersion(), instant(id, tags.get(FailoverTags.CHANGED_AT)),
                tags.get(FailoverTags.CHANGED_BY), Map.copyOf(tags));
    }

    private static Instant instant(String id, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            LOG.warn("switch tag unreadable", entry("switch", id), entry("tag", FailoverTags.CHANGED_AT), entry("value", value),
                    entry("action", "treat-as-absent"));
            return null;
        }
    }

    /** Which state change the switch now reflects. */
    private void markApplied(String switchId, AlarmChange change) {
        route53.changeTagsForResource(r -> r
                .resourceType(TagResourceType.HEALTHCHECK).resourceId(switchId)
                .addTags(Tags.toList(Map.of(FailoverTags.CHANGED_AT, change.stateTimestamp().toString(),
                        FailoverTags.CHANGED_BY, FailoverTags.value(change.alarmName())),
                        (key, value) -> Tag.builder().key(key).value(value).build())));
    }

    private static FailoverDecision decision(AlarmChange change, Owner owner, String switchId, String before,
            String after, Action action, String reason) {
        return new FailoverDecision(change.alarmName(), owner == null ? null : owner.app(),
                owner == null ? change.region() : owner.region(), switchId, before, after, action.name(), reason);
    }

    private void report(FailoverDecision decision) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("alarm", decision.alarm());
        fields.put("switch", decision.switchId());
        fields.put("before", decision.before());
        fields.put("after", decision.after());
        fields.put("action", decision.action());
        fields.put("reason", decision.reason());
        fields.values().removeIf(v -> v == null);
        Object[] arguments = {LogContext.app(decision.app()), LogContext.region(decision.region()),
            StructuredArguments.entries(fields)};
        if (Action.REFUSED.name().equals(decision.action())) {
            LOG.warn("failover decision", arguments);
        } else {
            LOG.info("failover decision", arguments);
        }
        switch (Action.valueOf(decision.action())) {
            case DRAINED -> metrics.count(FailoverMetrics.REGION_DRAINED, decision.app(), decision.region());
            case RESTORED -> metrics.count(FailoverMetrics.REGION_RESTORED, decision.app(), decision.region());
            case REFUSED -> metrics.count(FailoverMetrics.DRAIN_REFUSED, decision.app(), decision.region());
            default -> {
            }
        }
    }
}
