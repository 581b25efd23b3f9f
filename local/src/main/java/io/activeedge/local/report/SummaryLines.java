package io.activeedge.local.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/** The lines of a run's summary: a label column, then the value. */
final class SummaryLines {

    static final String INDENT = "  ";

    /**
     * The key of the calls the SDK retried, next to the services' names: the one the local cloud's API call counter
     * (localcloud.ApiCallCounter.RETRIED) writes, which ProvisionSummaryTest holds this to.
     */
    static final String RETRIED = "retried";

    private final int labelWidth;
    private final List<String> lines = new ArrayList<>();

    SummaryLines(int labelWidth) {
        this.labelWidth = labelWidth;
    }

    void add(String label, String value) {
        lines.add((INDENT + String.format("%-" + labelWidth + "s", label) + value).stripTrailing());
    }

    /** A line as it is, without the label column. */
    void raw(String line) {
        lines.add(line);
    }

    /**
     * The AWS API calls the run made, by service, and how many of them the SDK retried; nothing where they are not
     * counted (null).
     */
    void calls(Map<String, Long> calls) {
        if (calls == null) {
            return;
        }
        long retried = calls.getOrDefault(RETRIED, 0L);
        StringJoiner byService = new StringJoiner(", ");
        long total = 0;
        for (String service : new TreeSet<>(calls.keySet())) {
            if (!service.equals(RETRIED)) {
                byService.add(service + " " + calls.get(service));
                total += calls.get(service);
            }
        }
        add("AWS API calls", (total == 0 ? "0" : total + " (" + byService + ")")
                + (retried == 0 ? "" : ", " + retried + " retried"));
    }

    String text() {
        return String.join(System.lineSeparator(), lines);
    }

    static String join(String... parts) {
        StringJoiner joined = new StringJoiner("  ");
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.add(part);
            }
        }
        return joined.toString();
    }
}
