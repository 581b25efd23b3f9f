package io.activeedge.local.report;

import static io.activeedge.local.report.SummaryLines.INDENT;
import static io.activeedge.local.report.SummaryLines.join;
import static io.activeedge.local.report.SummaryLines.strings;
import static io.activeedge.local.report.SummaryLines.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a teardown run removed and what it left, read from the execution output: per kind of resource, in the
 * order the workflow removes them, what it deleted and what it kept (with the reason), then what that means for
 * the application. Lenient: a kind missing from the output reads as nothing found.
 */
public final class TeardownSummary {

    /** The output's keys for each kind, in the workflow's order, with the words the summary uses. */
    private static final List<Kind> KINDS = List.of(
            new Kind("alarms", "alarms", true),
            new Kind("aliasRecords", "alias records", false),
            new Kind("distribution", "distribution", false),
            new Kind("latencyRecords", "latency records", false),
            new Kind("healthChecks", "health checks", false),
            new Kind("originDomains", "origin domains", false),
            new Kind("certificates", "certificates", false),
            new Kind("validationRecords", "validation records", false),
            new Kind("hostedZone", "hosted zone", true));
    private static final int LABEL = 20;
    private static final String ITEM = "  ";

    /** @param released what the run keeps of this kind is the user's: kept, with active-edge's tags removed */
    private record Kind(String key, String label, boolean released) {
    }

    /** One resource the run left in place: its kind and its line (with the reason). */
    private record Left(String kind, String line) {
    }

    private final SummaryLines lines = new SummaryLines(LABEL);
    private final List<Left> left = new ArrayList<>();
    private final List<Left> released = new ArrayList<>();

    private TeardownSummary() {
    }

    /** @param calls the AWS API calls the run made, by service; null where they are not counted */
    public static String format(JsonNode output, Map<String, Long> calls) {
        TeardownSummary summary = new TeardownSummary();
        String app = text(output, "app");
        summary.scope(app, output.path("zone"), output.path("regions"));
        for (Kind kind : KINDS) {
            summary.kind(kind, output.path(kind.key()));
        }
        summary.lines.calls(calls);
        summary.meaning(app.isEmpty() ? "the application" : "app " + app);
        return summary.lines.text();
    }

    private void scope(String app, JsonNode zone, JsonNode regions) {
        if (!app.isEmpty()) {
            lines.add("app", app);
        }
        if (zone.isObject()) {
            lines.add("zone", join(text(zone, "name"), text(zone, "id")));
        } else if (!zone.isMissingNode()) {
            lines.add("zone", "none found (so no records to remove)");
        }
        if (regions.isArray() && !regions.isEmpty()) {
            lines.add("searched", String.join(", ", strings(regions)));
        }
    }

    private void kind(Kind kind, JsonNode removal) {
        List<String> deleted = strings(removal.path("deleted"));
        List<String> kept = strings(removal.path("kept"));
        List<String> inUse = strings(removal.path("inUse"));
        List<String> pending = pending(kind, removal);
        if (deleted.isEmpty() && kept.isEmpty() && inUse.isEmpty() && pending.isEmpty()) {
            lines.add(kind.label(), "nothing found");
            return;
        }
        String label = kind.label();
        label = group(label, "deleted", deleted);
        label = group(label, "kept", kept);
        label = group(label, "in use", inUse);
        group(label, "still being removed", pending);
        kept.forEach(line -> (kind.released() ? released : left).add(new Left(kind.label(), line)));
        inUse.forEach(line -> left.add(new Left(kind.label(), line + " (in use)")));
        pending.forEach(line -> left.add(new Left(kind.label(), line)));
    }

    /** A distribution the run did not finish removing (the output says it is not done). */
    private static List<String> pending(Kind kind, JsonNode removal) {
        if (!kind.key().equals("distribution") || !removal.path("done").isBoolean() || removal.path("done").asBoolean()
                || text(removal, "id").isEmpty()) {
            return List.of();
        }
        String details = join(text(removal, "domainName"), text(removal, "status"));
        return List.of(text(removal, "id") + (details.isEmpty() ? "" : " (" + details.replace("  ", ", ") + ")"));
    }

    /** Prints a count and its lines; returns the label for the next group (shown once per kind). */
    private String group(String label, String what, List<String> items) {
        if (items.isEmpty()) {
            return label;
        }
        lines.add(label, what + " " + items.size());
        items.forEach(item -> lines.add("", ITEM + item));
        return "";
    }

    private void meaning(String app) {
        lines.raw("");
        if (left.isEmpty()) {
            lines.raw(INDENT + "nothing tagged for " + app + " is left");
        } else {
            lines.raw(INDENT + left.size() + " left in place for " + app + ":");
            list(left);
        }
        if (!released.isEmpty()) {
            lines.raw(INDENT + "yours, kept without active-edge's tags:");
            list(released);
        }
    }

    private void list(List<Left> items) {
        int width = items.stream().mapToInt(l -> l.kind().length()).max().orElse(0) + 2;
        items.forEach(l -> lines.raw(INDENT + ITEM + String.format("%-" + width + "s", l.kind()) + l.line()));
    }
}
