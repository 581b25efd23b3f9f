package io.activeedge.local.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeardownSummaryTest {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final String NOTHING = "{\"deleted\": [], \"kept\": []}";

    @Test
    void format_everythingDeleted_listsEachKindInOrderAndSaysNothingIsLeft() throws IOException {
        TeardownOutput output = output("""
                {"app": "shop",
                 "zone": {"id": "Z1", "name": "example.com.", "nameServers": ["ns-1.example"], "created": false},
                 "regions": ["us-east-1", "us-west-2"],
                 "aliasRecords": {"deleted": ["example.com. A", "example.com. AAAA"], "kept": []},
                 "distribution": {"id": "E1", "domainName": "d1.cloudfront.net", "status": "Deployed", "done": true,
                                  "deleted": ["E1 (d1.cloudfront.net)"], "kept": []},
                 "latencyRecords": {"deleted": ["api.example.com. A active-edge:shop:us-east-1",
                                                "api.example.com. A active-edge:shop:us-west-2"], "kept": []},
                 "healthChecks": {"deleted": ["us-east-1 gate h3", "us-east-1 switch h2", "us-east-1 endpoint h1"], "kept": []},
                 "originDomains": %s,
                 "certificates": {"deleted": ["us-east-1 arn:aws:acm:us-east-1:1:certificate/a (example.com)"], "kept": [],
                                  "inUse": [], "validationRecords": [{"name": "_a.example.com.", "value": "_v.acm-validations.aws."}],
                                  "done": true},
                 "validationRecords": {"deleted": ["_a.example.com. CNAME"], "kept": []},
                 "hostedZone": %s}
                """.formatted(NOTHING, NOTHING));

        String summary = TeardownSummary.format(output, Map.of("Route53", 12L, "CloudFront", 4L));

        List<String> lines = summary.lines().toList();
        assertEquals(List.of(
                "  app                 shop",
                "  zone                example.com.  Z1",
                "  searched            us-east-1, us-west-2",
                "  alarms              nothing found",
                "  alias records       deleted 2",
                "                        example.com. A",
                "                        example.com. AAAA",
                "  distribution        deleted 1",
                "                        E1 (d1.cloudfront.net)",
                "  latency records     deleted 2",
                "                        api.example.com. A active-edge:shop:us-east-1",
                "                        api.example.com. A active-edge:shop:us-west-2",
                "  health checks       deleted 3",
                "                        us-east-1 gate h3",
                "                        us-east-1 switch h2",
                "                        us-east-1 endpoint h1",
                "  origin domains      nothing found",
                "  certificates        deleted 1",
                "                        us-east-1 arn:aws:acm:us-east-1:1:certificate/a (example.com)",
                "  validation records  deleted 1",
                "                        _a.example.com. CNAME",
                "  hosted zone         nothing found",
                "  AWS API calls       16 (CloudFront 4, Route53 12)",
                "",
                "  nothing tagged for app shop is left"), lines);
    }

    @Test
    void format_somethingKept_countsItUnderItsKindAndListsItAtTheEnd() throws IOException {
        TeardownOutput output = output("""
                {"app": "shop", "zone": {"id": "Z1", "name": "example.com."}, "regions": ["us-east-1"],
                 "aliasRecords": {"deleted": ["example.com. A"], "kept": ["www.example.com. A (points elsewhere)"]},
                 "distribution": {"id": null, "done": true, "deleted": [], "kept": []},
                 "latencyRecords": %1$s, "healthChecks": %1$s, "originDomains": %1$s,
                 "certificates": {"deleted": [], "kept": ["us-east-1 arn:aws:acm:us-east-1:1:certificate/b (not tagged for shop)"],
                                  "inUse": ["us-east-1 arn:aws:acm:us-east-1:1:certificate/c (used by E9)"],
                                  "validationRecords": [], "done": true},
                 "validationRecords": {"deleted": [], "kept": ["_b.example.com. CNAME (still needed by arn:aws:acm:us-east-1:1:certificate/b)"]},
                 "hostedZone": {"deleted": [], "kept": ["example.com. Z1 (holds records active-edge did not make)"]}}
                """.formatted(NOTHING));

        String summary = TeardownSummary.format(output, null);

        assertTrue(summary.contains("""
                  alias records       deleted 1
                                        example.com. A
                                      kept 1
                                        www.example.com. A (points elsewhere)
                """.stripTrailing()), summary);
        assertTrue(summary.contains("  distribution        nothing found"), summary);
        assertTrue(summary.contains("""
                  certificates        kept 1
                                        us-east-1 arn:aws:acm:us-east-1:1:certificate/b (not tagged for shop)
                                      in use 1
                                        us-east-1 arn:aws:acm:us-east-1:1:certificate/c (used by E9)
                """.stripTrailing()), summary);
        assertFalse(summary.contains("AWS API calls"), "no count where calls are not counted: " + summary);
        assertTrue(summary.endsWith("""
                  4 left in place for app shop:
                    alias records       www.example.com. A (points elsewhere)
                    certificates        us-east-1 arn:aws:acm:us-east-1:1:certificate/b (not tagged for shop)
                    certificates        us-east-1 arn:aws:acm:us-east-1:1:certificate/c (used by E9) (in use)
                    validation records  _b.example.com. CNAME (still needed by arn:aws:acm:us-east-1:1:certificate/b)
                  yours, kept without active-edge's tags:
                    hosted zone  example.com. Z1 (holds records active-edge did not make)\
                """), summary);
    }

    @Test
    void format_noZoneAndNothingFound_saysSoForEveryKind() throws IOException {
        TeardownOutput output = output("""
                {"app": "gone", "zone": null, "regions": ["us-east-1"],
                 "aliasRecords": %1$s, "distribution": {"id": null, "done": true, "deleted": [], "kept": []},
                 "latencyRecords": %1$s, "healthChecks": %1$s, "originDomains": %1$s,
                 "certificates": {"deleted": [], "kept": [], "inUse": [], "validationRecords": [], "done": true},
                 "validationRecords": %1$s, "hostedZone": %1$s}
                """.formatted(NOTHING));

        String summary = TeardownSummary.format(output, Map.of());

        assertTrue(summary.contains("  zone                none found (so no records to remove)"), summary);
        assertEquals(9, summary.lines().filter(line -> line.endsWith("nothing found")).count(), summary);
        assertTrue(summary.contains("  AWS API calls       0"), summary);
        assertTrue(summary.endsWith("  nothing tagged for app gone is left"), summary);
    }

    @Test
    void format_distributionNotDone_isLeftStillBeingRemoved() throws IOException {
        TeardownOutput output = output("""
                {"app": "shop", "distribution": {"id": "E2", "domainName": "d2.cloudfront.net", "status": "InProgress",
                                                 "done": false, "deleted": [], "kept": []}}
                """);

        String summary = TeardownSummary.format(output, null);

        assertTrue(summary.contains("""
                  distribution        still being removed 1
                                        E2 (d2.cloudfront.net, InProgress)
                """.stripTrailing()), summary);
        assertTrue(summary.endsWith("    distribution  E2 (d2.cloudfront.net, InProgress)"), summary);
    }

    /** The output as the CLI reads it: the teardown functions' records. */
    private static TeardownOutput output(String json) throws IOException {
        return JSON.treeToValue(JSON.readTree(json), TeardownOutput.class);
    }
}
