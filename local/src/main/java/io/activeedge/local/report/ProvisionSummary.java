package io.activeedge.local.report;

import static io.activeedge.local.report.SummaryLines.join;

import io.activeedge.core.Tags;
import io.activeedge.local.target.Glyphs;
import io.activeedge.provisioning.AliasRecordsResult;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.Distribution;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.RegionResult;
import io.activeedge.provisioning.ValidationRecordsResult;
import io.activeedge.provisioning.WorkflowState;
import java.util.List;
import java.util.Map;

/**
 * What a provisioning run built, read from the execution output through the records the functions write
 * ({@link WorkflowState}): the zone, certificates, health checks per Region, records, the distribution, and the
 * AWS API calls the run made. A part the output lacks is left out.
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
    public static String format(WorkflowState output, Map<String, Long> calls, Glyphs glyphs) {
        ProvisionSummary summary = new ProvisionSummary(glyphs);
        List<RegionResult> regions = listOf(output.regions());
        summary.zone(output.zone());
        summary.certificates(output.certificates());
        summary.validation(output.validation());
        summary.healthChecks(regions);
        summary.records(regions, output.aliases());
        summary.distribution(output.distribution());
        summary.lines.calls(calls);
        return summary.lines.text();
    }

    private void zone(HostedZone zone) {
        if (zone == null) {
            return;
        }
        add("zone", join(zone.name(), zone.id(), zone.created() ? "created" : "existing"));
        List<String> servers = listOf(zone.nameServers());
        if (!servers.isEmpty()) {
            add("", "name servers " + String.join(", ", servers));
        }
    }

    private void validation(ValidationRecordsResult validation) {
        List<String> names = validation == null ? List.of() : listOf(validation.names());
        if (!names.isEmpty()) {
            add("validation", names.size() + " DNS validation CNAME" + (names.size() == 1 ? "" : "s") + " in the zone"
                    + (validation.changeId() != null ? " (published by this run)" : " (already there)"));
        }
    }

    private void certificates(CertificatesResult certificates) {
        String label = "certificates";
        for (Certificate certificate : certificates == null ? List.<Certificate>of() : listOf(certificates.items())) {
            add(label, join(certificate.role(), certificate.region(), String.join(", ", listOf(certificate.names())),
                    certificate.created() ? "created" : "existing"));
            add("", INDENT + text(certificate.arn()));
            label = "";
        }
    }

    private void healthChecks(List<RegionResult> regions) {
        String label = "health checks";
        for (RegionResult region : regions) {
            RegionHealthChecksResult checks = region.healthChecks();
            if (checks == null) {
                continue;
            }
            add(label, join(region.region(), "endpoint " + text(checks.endpointId()), "switch " + text(checks.switchId()),
                    "gate " + text(checks.gateId()), created(listOf(checks.created()))));
            label = "";
        }
    }

    /** The checks this run made (by role): all three, none (found), or the ones a converged Region got anew. */
    private static String created(List<String> roles) {
        if (roles.isEmpty()) {
            return "existing";
        }
        return roles.containsAll(List.of(Tags.ROLE_ENDPOINT_CHECK, Tags.ROLE_SWITCH_CHECK, Tags.ROLE_GATE_CHECK))
                ? "created" : "created " + String.join(", ", roles);
    }

    private void records(List<RegionResult> regions, AliasRecordsResult aliases) {
        String label = "records";
        for (RegionResult region : regions) {
            RecordChange record = region.record();
            if (record == null) {
                continue;
            }
            add(label, record(record, text(record.setIdentifier()).isEmpty() ? text(region.region())
                    : record.setIdentifier()));
            label = "";
        }
        for (RecordChange record : aliases == null ? List.<RecordChange>of() : listOf(aliases.records())) {
            add(label, record(record, "alias"));
            label = "";
        }
    }

    private String record(RecordChange record, String qualifier) {
        return join(record.name(), record.type(), qualifier, glyphs.arrow() + " " + text(record.target()),
                record.action());
    }

    private void distribution(Distribution distribution) {
        if (distribution == null) {
            return;
        }
        add("distribution", join(distribution.id(), distribution.domainName(), distribution.status(),
                distribution.action()));
    }

    private void add(String label, String value) {
        lines.add(label, value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : values;
    }
}
