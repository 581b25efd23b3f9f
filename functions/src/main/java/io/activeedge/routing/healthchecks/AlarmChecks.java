package io.activeedge.routing.healthchecks;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RegionHealthChecksResult.AlarmCheck;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.AlarmIdentifier;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.InsufficientDataHealthStatus;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.UpdateHealthCheckRequest;

/**
 * The data-plane path of failover ({@code failover.dataPlane}): one CLOUDWATCH_METRIC health check per alarm of the
 * Region, each an extra child of the gate, so that an alarm in ALARM makes the gate unhealthy in Route 53 itself,
 * with no Lambda, no EventBridge and no control-plane call. {@link HealthChecks} makes the missing ones before the
 * gate lists them, and deletes the ones no longer wanted only after the gate has dropped them.
 */
final class AlarmChecks {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmChecks.class);
    /**
     * While CloudWatch has too little data to evaluate the alarm, the check keeps the status it had; a new check
     * starts healthy. https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html
     * (InsufficientDataHealthStatus): "LastKnownStatus: Route 53 uses the status of the health check from the last
     * time that CloudWatch had sufficient data to determine the alarm state. For new health checks that have no last
     * known status, the default status for the health check is healthy." Healthy would restore a drained Region
     * whenever its metric stops reporting; Unhealthy would drain every Region whose metric has gaps (a quiet API
     * reports no 5xx datapoints), possibly all at once.
     */
    static final InsufficientDataHealthStatus INSUFFICIENT_DATA = InsufficientDataHealthStatus.LAST_KNOWN_STATUS;

    private final Route53Client route53;

    AlarmChecks(Route53Client route53) {
        this.route53 = route53;
    }

    /** What the Region has and wants: the checks to keep (gate children, in {@code wanted}'s order), to delete. */
    record Plan(List<AlarmCheck> kept, List<HealthCheck> unwanted) {
        List<String> ids() {
            return kept.stream().map(AlarmCheck::id).toList();
        }
    }

    /**
     * A CLOUDWATCH_METRIC check on alarm {@code alarm} of {@code region}.
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (Type): "CLOUDWATCH_METRIC:
     * The health check is associated with a CloudWatch alarm. If the state of the alarm is OK, the health check is
     * considered healthy. If the state is ALARM, the health check is considered unhealthy. If CloudWatch doesn't have
     * sufficient data to determine whether the state is OK or ALARM, the health check status depends on the setting
     * for InsufficientDataHealthStatus"; AlarmIdentifier (Region and Name, both required,
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_AlarmIdentifier.html) names the alarm; IPAddress,
     * Port and the endpoint settings are left out ("When the value of Type is CALCULATED or CLOUDWATCH_METRIC, omit
     * IPAddress"; Port: "Don't specify a value for Port when you specify a value for Type of CLOUDWATCH_METRIC").
     */
    static HealthCheckConfig config(String region, String alarm) {
        return HealthCheckConfig.builder()
                .type(HealthCheckType.CLOUDWATCH_METRIC)
                .alarmIdentifier(AlarmIdentifier.builder().region(region).name(alarm).build())
                .insufficientDataHealthStatus(INSUFFICIENT_DATA)
                .build();
    }

    /**
     * Pairs the Region's alarm checks ({@code found}, by tags) with the alarms {@code wanted}: one check per alarm,
     * created by {@code create} when missing, converged when its settings drifted. A check whose alarm is not wanted,
     * or a second check of the same alarm (the one the gate does not monitor), is to be deleted once the gate no
     * longer lists it.
     */
    Plan plan(String region, Collection<HealthCheck> found, List<String> wanted, List<String> gateChildren,
            Function<String, HealthCheck> create) {
        Map<String, HealthCheck> byAlarm = new LinkedHashMap<>();
        List<HealthCheck> unwanted = new ArrayList<>();
        // The one the gate already monitors first, so that a duplicate the gate does not know is the one dropped.
        List<HealthCheck> ordered = found.stream()
                .sorted(Comparator.comparing((HealthCheck c) -> gateChildren.contains(c.id()) ? 0 : 1)
                        .thenComparing(HealthCheck::id))
                .toList();
        for (HealthCheck check : ordered) {
            String alarm = alarmOf(check);
            if (alarm == null || !wanted.contains(alarm) || byAlarm.containsKey(alarm)
                    || !region.equals(regionOf(check))) {
                unwanted.add(check);
            } else {
                byAlarm.put(alarm, check);
            }
        }
        List<AlarmCheck> kept = new ArrayList<>();
        for (String alarm : wanted) {
            HealthCheck check = byAlarm.get(alarm);
            if (check == null) {
                check = create.apply(alarm);
            } else {
                converge(region, alarm, check);
            }
            kept.add(new AlarmCheck(alarm, check.id()));
        }
        return new Plan(List.copyOf(kept), List.copyOf(unwanted));
    }

    /** Deletes checks the gate no longer lists; one already gone is no error. */
    void delete(String region, List<HealthCheck> unwanted) {
        for (HealthCheck check : unwanted) {
            try {
                route53.deleteHealthCheck(r -> r.healthCheckId(check.id()));
                LOG.info("health check deleted", LogContext.region(region), entry("role", Tags.ROLE_ALARM_CHECK),
                        entry("id", check.id()), entry("alarm", alarmOf(check)),
                        entry("reason", "alarm-no-longer-listed-or-data-plane-off"));
            } catch (NoSuchHealthCheckException e) {
                LOG.info("health check already gone", LogContext.region(region),
                        entry("role", Tags.ROLE_ALARM_CHECK), entry("id", check.id()));
            }
        }
    }

    /** What the check monitors: its AlarmIdentifier, which Route 53 reads; the tag only names it for people. */
    static String alarmOf(HealthCheck check) {
        HealthCheckConfig config = check.healthCheckConfig();
        return config == null || config.alarmIdentifier() == null ? null : config.alarmIdentifier().name();
    }

    private static String regionOf(HealthCheck check) {
        return check.healthCheckConfig().alarmIdentifier().regionAsString();
    }

    /** Someone inverted the check or changed what it does with missing data: set back. */
    private void converge(String region, String alarm, HealthCheck found) {
        HealthCheckConfig current = found.healthCheckConfig();
        boolean drifted = !Objects.equals(current.insufficientDataHealthStatus(), INSUFFICIENT_DATA)
                || Boolean.TRUE.equals(current.inverted()) || Boolean.TRUE.equals(current.disabled());
        if (!drifted) {
            LOG.info("health check found", LogContext.region(region), entry("role", Tags.ROLE_ALARM_CHECK),
                    entry("id", found.id()), entry("alarm", alarm), entry("action", "none"));
            return;
        }
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html: InsufficientDataHealthStatus,
        // Inverted and Disabled can be changed on an existing check.
        route53.updateHealthCheck(UpdateHealthCheckRequest.builder()
                .healthCheckId(found.id()).healthCheckVersion(found.healthCheckVersion())
                .insufficientDataHealthStatus(INSUFFICIENT_DATA).inverted(false).disabled(false).build());
        LOG.info("health check updated", LogContext.region(region), entry("role", Tags.ROLE_ALARM_CHECK),
                entry("id", found.id()), entry("alarm", alarm),
                entry("before", current.insufficientDataHealthStatusAsString() + " inverted " + current.inverted()
                        + " disabled " + current.disabled()),
                entry("after", INSUFFICIENT_DATA + " inverted false disabled false"));
    }
}
