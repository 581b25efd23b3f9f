package io.activeedge.local.report;

import static io.activeedge.local.report.SummaryLines.INDENT;
import static io.activeedge.local.report.SummaryLines.join;

import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.teardown.DistributionRemovalResult;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.provisioning.HostedZone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a teardown run removed and what it left, read from the execution output through the records the teardown
 * functions return ({@link TeardownOutput}): per kind of resource, in the order the workflow removes them, what it
 * deleted and what it kept (with the reason), then what that means for the application. A kind the output lacks
 * reads as nothing found.
 */
public final class TeardownSummary {

    /** Each kind, in the workflow's order, with the words the summary uses and where the output has it. */
    private static final List<Kind> KINDS = List.of(
            new Kind("alarms", true, output -> found(output.alarms())),
            new Kind("alias records", false, output -> found(output.aliasRecords())),
            new Kind("distribution", false, output -> found(output.distribution())),
            new Kind("latency records", false, output -> found(output.latencyRecords())),
            new Kind("health checks", false, output -> found(output.healthChecks())),
            new Kind("origin domains", false, output -> found(output.originDomains())),
            new Kind("certificates", false, output -> found(output.certificates())),
            new Kind("validation records", false, output -> found(output.validationRecords())),
            new Kind("hosted zone", true, output -> found(output.hostedZone())));
    private static final int LABEL = 20;
    private static final String ITEM = "  ";

    /** @param released what the run keeps of this kind is the user's: kept, with active-edge's tags removed */
    private record Kind(String label, boolean released, Function<TeardownOutput, Found> found) {
    }

    /** What a step found of one kind, whatever its record: deleted, kept, in use, still being removed. */
    private record Found(List<String> deleted, List<String> kept, List<String> inUse, List<String> pending) {
        static final Found NOTHING = new Found(List.of(), List.of(), List.of(), List.of());

        boolean nothing() {
            return deleted.isEmpty() && kept.isEmpty() && inUse.isEmpty() && pending.isEmpty();
        }
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
    public static String format(TeardownOutput output, Map<String, Long> calls) {
        TeardownSummary summary = new TeardownSummary();
        String app = text(output.app());
        summary.scope(app, output.zone(), listOf(output.regions()));
        for (Kind kind : KINDS) {
            summary.kind(kind, kind.found().apply(output));
        }
        summary.lines.calls(calls);
        summary.meaning(app.isEmpty() ? "the application" : "app " + app);
        return summary.lines.text();
    }

    private static Found found(RemovalResult removal) {
        return removal == null ? Found.NOTHING
                : new Found(listOf(removal.deleted()), listOf(removal.kept()), List.of(), List.of());
    }

    /** A distribution the run did not finish removing (the output says it is not done) is still being removed. */
    private static Found found(DistributionRemovalResult removal) {
        if (removal == null) {
            return Found.NOTHING;
        }
        List<String> pending = List.of();
        if (!removal.done() && !text(removal.id()).isEmpty()) {
            String details = join(removal.domainName(), removal.status());
            pending = List.of(removal.id() + (details.isEmpty() ? "" : " (" + details.replace("  ", ", ") + ")"));
        }
        return new Found(listOf(removal.deleted()), listOf(removal.kept()), List.of(), pending);
    }

    private static Found found(CertificateRemovalResult removal) {
        return removal == null ? Found.NOTHING
                : new Found(listOf(removal.deleted()), listOf(removal.kept()), listOf(removal.inUse()), List.of());
    }

    private void scope(String app, HostedZone zone, List<String> regions) {
        if (!app.isEmpty()) {
            lines.add("app", app);
        }
        lines.add("zone", zone != null ? join(zone.name(), zone.id()) : "none found (so no records to remove)");
        if (!regions.isEmpty()) {
            lines.add("searched", String.join(", ", regions));
        }
    }

    private void kind(Kind kind, Found found) {
        if (found.nothing()) {
            lines.add(kind.label(), "nothing found");
            return;
        }
        String label = kind.label();
        label = group(label, "deleted", found.deleted());
        label = group(label, "kept", found.kept());
        label = group(label, "in use", found.inUse());
        group(label, "still being removed", found.pending());
        found.kept().forEach(line -> (kind.released() ? released : left).add(new Left(kind.label(), line)));
        found.inUse().forEach(line -> left.add(new Left(kind.label(), line + " (in use)")));
        found.pending().forEach(line -> left.add(new Left(kind.label(), line)));
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

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }
}
