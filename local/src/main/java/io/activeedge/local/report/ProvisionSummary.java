package io.activeedge.local.report;

import static io.activeedge.local.report.SummaryLines.join;
import static io.activeedge.local.report.SummaryLines.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.local.target.Glyphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a provisioning run built, read from the execution output: certificates, health checks per Region,
 * records, the distribution, and the AWS API calls the run made. Lenient: a missing part is left out.
 */
public final class ProvisionSummary {

    private static final String INDENT = SummaryLines.INDENT;
    private static final int LABEL = 15;

    private final Glyphs glyphs;
    private final SummaryLines lines = new SummaryLines(LABEL);

    private ProvisionSummary(Glyphs glyphs) {
        this.glyphs = glyphs;
    }

    /** @param calls the AWS API calls the run made, by service; null where they are not counted */
    public static String format(JsonNode output, Map<String, Long> calls, Glyphs glyphs) {
        ProvisionSummary summary = new ProvisionSummary(glyphs);
        summary.zone(output.path("zone"));
        summary.certificates(output.path("certificates").path("items"));
        summary.validation(output.path("validation"));
        summary.healthChecks(output.path("regions"));
        summary.records(output.path("regions"), output.path("aliases").path("records"));
        summary.distribution(output.path("distribution"));
        summary.lines.calls(calls);
        return summary.lines.text();
    }

    private void zone(JsonNode zone) {
        if (zone.isMissingNode()) {
            return;
        }
        add("zone", join(text(zone, "name"), text(zone, "id"), created(zone)));
        List<String> servers = new ArrayList<>();
        zone.path("nameServers").forEach(ns -> servers.add(ns.asText()));
        if (!servers.isEmpty()) {
            add("", "name servers " + String.join(", ", servers));
        }
    }

    private void validation(JsonNode validation) {
        JsonNode names = validation.path("names");
        if (names.isArray() && !names.isEmpty()) {
            add("validation", names.size() + " DNS validation CNAME" + (names.size() == 1 ? "" : "s") + " in the zone"
                    + (validation.path("changeId").isTextual() ? " (published by this run)" : " (already there)"));
        }
    }

    private void certificates(JsonNode items) {
        String label = "certificates";
        for (JsonNode certificate : items) {
            List<String> names = new ArrayList<>();
            certificate.path("names").forEach(n -> names.add(n.asText()));
            add(label, join(text(certificate, "role"), text(certificate, "region"), String.join(", ", names),
                    created(certificate)));
            add("", INDENT + text(certificate, "arn"));
            label = "";
        }
    }

    private void healthChecks(JsonNode regions) {
        String label = "health checks";
        for (JsonNode region : regions) {
            JsonNode checks = region.path("healthChecks");
            if (checks.isMissingNode()) {
                continue;
            }
            add(label, join(text(region, "region"), "endpoint " + text(checks, "endpointId"),
                    "switch " + text(checks, "switchId"), "gate " + text(checks, "gateId"), created(checks)));
            label = "";
        }
    }

    private void records(JsonNode regions, JsonNode aliases) {
        String label = "records";
        for (JsonNode region : regions) {
            JsonNode record = region.path("record");
            if (record.isMissingNode()) {
                continue;
            }
            add(label, record(record, text(record, "setIdentifier").isEmpty()
                    ? text(region, "region") : text(record, "setIdentifier")));
            label = "";
        }
        for (JsonNode record : aliases) {
            add(label, record(record, "alias"));
            label = "";
        }
    }

    private String record(JsonNode record, String qualifier) {
        return join(text(record, "name"), text(record, "type"), qualifier,
                glyphs.arrow() + " " + target(record.path("target")), text(record, "action"));
    }

    private static String target(JsonNode target) {
        if (target.isTextual()) {
            return target.asText();
        }
        for (String field : List.of("dnsName", "domainName", "name")) {
            if (target.path(field).isTextual()) {
                return target.path(field).asText();
            }
        }
        return target.isMissingNode() ? "" : target.toString();
    }

    private void distribution(JsonNode distribution) {
        if (distribution.isMissingNode()) {
            return;
        }
        add("distribution", join(text(distribution, "id"), text(distribution, "domainName"),
                text(distribution, "status"), text(distribution, "action")));
    }

    private void add(String label, String value) {
        lines.add(label, value);
    }

    private static String created(JsonNode node) {
        JsonNode created = node.path("created");
        return created.isBoolean() ? (created.asBoolean() ? "created" : "existing") : "";
    }
}
