package io.activeedge.local.report;

import io.activeedge.failover.FailoverTags;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import io.activeedge.local.target.CommandException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Where an application's traffic goes, Region by Region, read from its health checks: the endpoint check's
 * status, the switch (drained when inverted; since when and by which alarm, from the switch's tags), and the
 * gate, healthy when the endpoint is, the switch is not inverted and (failover.dataPlane) every alarm check is.
 * Route 53 answers with the Regions whose gate is healthy, or with all of them when none is.
 */
public final class RoutingTable {

    /**
     * @param complete false when one of the Region's three checks is missing (it then receives no traffic)
     * @param drained the switch is inverted (false when there is no switch)
     * @param changedAt the last alarm state applied to the switch (null when none was)
     * @param changedBy the alarm that applied it
     * @param alarmChecks the Region's data-plane alarm checks (failover.dataPlane; 0 without)
     * @param alarmChecksUnhealthy how many of them are unhealthy (their alarm in ALARM)
     * @param hold an operator's hold on the Region (./active-edge hold), or null
     */
    public record Row(String region, boolean complete, boolean endpointHealthy, boolean drained, String changedAt,
               String changedBy, int alarmChecks, int alarmChecksUnhealthy, FailoverTags.HoldTag hold) {
        /** A Region without alarm checks or hold. */
        public Row(String region, boolean complete, boolean endpointHealthy, boolean drained, String changedAt,
                String changedBy) {
            this(region, complete, endpointHealthy, drained, changedAt, changedBy, 0, 0, null);
        }

        public Row(String region, boolean complete, boolean endpointHealthy, boolean drained, String changedAt,
                String changedBy, int alarmChecks, int alarmChecksUnhealthy) {
            this(region, complete, endpointHealthy, drained, changedAt, changedBy, alarmChecks, alarmChecksUnhealthy,
                    null);
        }

        public boolean gateHealthy() {
            return complete && endpointHealthy && !drained && alarmChecksUnhealthy == 0;
        }
    }

    private final Route53Client route53;
    private final HealthCheckLookup lookup;

    public RoutingTable(Route53Client route53) {
        this.route53 = route53;
        this.lookup = new HealthCheckLookup(route53);
    }

    /** One row per Region of the application, sorted by Region. */
    public List<Row> of(String app) {
        Map<String, RegionHealthChecksResult> regions = lookup.of(app);
        if (regions.isEmpty()) {
            throw new CommandException("app " + app + " has no health checks: provision it first"
                    + " (./active-edge provision FILE with \"app\": \"" + app + "\")");
        }
        List<Row> rows = new ArrayList<>();
        for (RegionHealthChecksResult checks : regions.values()) {
            rows.add(row(checks));
        }
        return rows;
    }

    private Row row(RegionHealthChecksResult checks) {
        boolean endpointHealthy = checks.endpointId() != null && HealthCheckLookup.healthy(route53
                .getHealthCheckStatus(r -> r.healthCheckId(checks.endpointId())).healthCheckObservations());
        if (checks.switchId() == null) {
            return new Row(checks.region(), false, endpointHealthy, false, null, null);
        }
        boolean inverted = Boolean.TRUE.equals(route53.getHealthCheck(r -> r.healthCheckId(checks.switchId()))
                .healthCheck().healthCheckConfig().inverted());
        Map<String, String> tags = new HashMap<>();
        route53.listTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(checks.switchId()))
                .resourceTagSet().tags().forEach(t -> tags.put(t.key(), t.value()));
        // A CLOUDWATCH_METRIC check reports its alarm's state through GetHealthCheckStatus like an endpoint check;
        // the report's format is not documented (API_StatusReport), so the same reading applies.
        long unhealthy = checks.alarmChecks().stream().filter(a -> !HealthCheckLookup.healthy(route53
                .getHealthCheckStatus(r -> r.healthCheckId(a.id())).healthCheckObservations())).count();
        FailoverTags.HoldTag hold = null;
        if (checks.gateId() != null) {
            Map<String, String> gateTags = new HashMap<>();
            route53.listTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(checks.gateId()))
                    .resourceTagSet().tags().forEach(t -> gateTags.put(t.key(), t.value()));
            hold = FailoverTags.HoldTag.parse(gateTags.get(FailoverTags.HOLD));
        }
        return new Row(checks.region(), checks.complete(), endpointHealthy, inverted,
                tags.get(FailoverTags.CHANGED_AT), tags.get(FailoverTags.CHANGED_BY), checks.alarmChecks().size(),
                (int) unhealthy, hold);
    }

    /** The Regions Route 53 answers with. */
    public static List<String> receiving(List<Row> rows) {
        List<String> healthy = rows.stream().filter(Row::gateHealthy).map(Row::region).toList();
        return healthy.isEmpty() ? rows.stream().filter(Row::complete).map(Row::region).toList() : healthy;
    }

    /** "2 (1 unhealthy)", "2 healthy", or "none". */
    static String alarmChecks(Row row) {
        if (row.alarmChecks() == 0) {
            return "none";
        }
        return row.alarmChecks() + (row.alarmChecksUnhealthy() == 0 ? " healthy"
                : " (" + row.alarmChecksUnhealthy() + " unhealthy)");
    }

    public static String format(String app, List<Row> rows) {
        return format(app, rows, Clock.systemUTC());
    }

    /** "held by alice for 12 min: patching". */
    static String hold(FailoverTags.HoldTag hold, Clock clock) {
        String age = hold.since() == null ? "" : " for " + age(Duration.between(hold.since(), clock.instant()));
        return "held by " + hold.by() + age + (hold.reason().isBlank() ? "" : ": " + hold.reason());
    }

    private static String age(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min";
        }
        return seconds / 3600 + " h";
    }

    public static String format(String app, List<Row> rows, Clock clock) {
        boolean alarmChecks = rows.stream().anyMatch(r -> r.alarmChecks() > 0);
        List<String[]> cells = new ArrayList<>();
        cells.add(alarmChecks ? new String[] {"REGION", "ENDPOINT", "SWITCH", "ALARM CHECKS", "GATE"}
                : new String[] {"REGION", "ENDPOINT", "SWITCH", "GATE"});
        for (Row row : rows) {
            String state = row.drained() ? "drained" : "serving";
            if (!row.complete()) {
                state += " (a check of this Region is missing: provision again)";
            } else if (row.changedAt() != null) {
                state += " since " + row.changedAt() + (row.changedBy() == null ? ""
                        : " by " + FailoverTags.cause(row.changedBy()) + " " + FailoverTags.by(row.changedBy()));
            }
            if (row.hold() != null) {
                state += "; " + hold(row.hold(), clock);
            }
            String gate = row.complete() ? (row.gateHealthy() ? "healthy" : "unhealthy") : "missing";
            String endpoint = row.endpointHealthy() ? "healthy" : "unhealthy";
            cells.add(alarmChecks ? new String[] {row.region(), endpoint, state, alarmChecks(row), gate}
                    : new String[] {row.region(), endpoint, state, gate});
        }
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder text = new StringBuilder("app " + app).append(System.lineSeparator());
        for (String[] line : cells) {
            StringBuilder out = new StringBuilder("  ");
            for (int i = 0; i < line.length; i++) {
                out.append(i == line.length - 1 ? line[i] : String.format("%-" + (widths[i] + 3) + "s", line[i]));
            }
            text.append(out.toString().stripTrailing()).append(System.lineSeparator());
        }
        List<String> receiving = receiving(rows);
        boolean noneHealthy = rows.stream().noneMatch(Row::gateHealthy);
        text.append("  traffic to ").append(receiving.isEmpty() ? "no Region" : String.join(", ", receiving));
        if (noneHealthy && !receiving.isEmpty()) {
            text.append(" (no gate is healthy, so Route 53 answers with every Region)");
        }
        return text.toString();
    }
}
