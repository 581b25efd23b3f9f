package io.activeedge.local.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Json;
import io.activeedge.local.localcloud.ApiCallCounter;
import io.activeedge.local.target.Glyphs;
import io.activeedge.provisioning.WorkflowState;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionSummaryTest {

    private static final Glyphs GLYPHS = new Glyphs(">", "+", "x", "->");

    @Test
    void format_fullOutput_listsWhatTheRunBuilt() throws IOException {
        String output = """
                {"input": {"app": "shop"},
                 "zone": {"id": "Z1", "name": "example.com.", "nameServers": ["ns-1.example", "ns-2.example"], "created": true},
                 "certificates": {"items": [{"role": "edge-certificate", "region": "us-east-1", "arn": "arn:cert:1",
                                             "names": ["example.com", "www.example.com"], "created": false}]},
                 "validation": {"zoneId": "Z1", "names": ["_a.example.com.", "_b.www.example.com."], "changeId": "C1"},
                 "regions": [{"region": "us-west-2", "target": {"dnsName": "d-1.execute-api.us-west-2.amazonaws.com"},
                              "healthChecks": {"region": "us-west-2", "endpointId": "e1", "switchId": "s1", "gateId": "g1",
                                               "created": ["endpoint-check", "switch-check", "gate-check"]},
                              "record": {"name": "api.example.com", "type": "A", "setIdentifier": "shop:us-west-2",
                                         "target": "d-1.execute-api.us-west-2.amazonaws.com", "action": "UPSERT"}}],
                 "distribution": {"id": "E1", "domainName": "d1.cloudfront.net", "status": "Deployed", "action": "CREATED"},
                 "aliases": {"records": [{"name": "example.com", "type": "AAAA", "target": "d1.cloudfront.net",
                                          "action": "UPSERT"}]},
                 "somethingNew": {"ignored": true}}
                """;

        String summary = ProvisionSummary.format(Json.MAPPER.readValue(output, WorkflowState.class), Map.of("Route53", 7L, "Acm", 3L), GLYPHS);

        assertTrue(summary.contains("zone           example.com.  Z1  created"), summary);
        assertTrue(summary.contains("name servers ns-1.example, ns-2.example"), summary);
        assertTrue(summary.contains("edge-certificate  us-east-1  example.com, www.example.com  existing"), summary);
        assertTrue(summary.contains("validation     2 DNS validation CNAMEs in the zone (published by this run)"), summary);
        assertTrue(summary.contains("us-west-2  endpoint e1  switch s1  gate g1  created"), summary);
        assertTrue(summary.contains("api.example.com  A  shop:us-west-2  -> d-1.execute-api.us-west-2.amazonaws.com  UPSERT"), summary);
        assertTrue(summary.contains("example.com  AAAA  alias  -> d1.cloudfront.net  UPSERT"), summary);
        assertTrue(summary.contains("distribution   E1  d1.cloudfront.net  Deployed  CREATED"), summary);
        assertTrue(summary.contains("AWS API calls  10 (Acm 3, Route53 7)"), summary);
    }

    @Test
    void format_callsTheSdkRetried_countsThemApartFromTheCalls() throws IOException {
        String summary = ProvisionSummary.format(Json.MAPPER.readValue("{}", WorkflowState.class),
                Map.of("Route53", 7L, "Acm", 3L, ApiCallCounter.RETRIED, 2L), GLYPHS);

        assertEquals("  AWS API calls  10 (Acm 3, Route53 7), 2 retried", summary);
    }

    @Test
    void format_emptyOutput_showsOnlyTheCallCount() throws IOException {
        String summary = ProvisionSummary.format(Json.MAPPER.readValue("{}", WorkflowState.class), Map.of(), GLYPHS);

        assertEquals("  AWS API calls  0", summary);
    }

    @Test
    void format_healthChecksFoundOrPartlyMade_sayWhichAsTheOtherLinesDo() throws IOException {
        String output = """
                {"regions": [{"region": "us-east-1", "healthChecks": {"region": "us-east-1", "endpointId": "e1",
                                 "switchId": "s1", "gateId": "g1", "created": []}},
                             {"region": "us-west-2", "healthChecks": {"region": "us-west-2", "endpointId": "e2",
                                 "switchId": "s2", "gateId": "g2", "created": ["switch-check", "gate-check"]}}]}
                """;

        String summary = ProvisionSummary.format(Json.MAPPER.readValue(output, WorkflowState.class), null, GLYPHS);

        assertTrue(summary.contains("us-east-1  endpoint e1  switch s1  gate g1  existing"), summary);
        assertTrue(summary.contains("us-west-2  endpoint e2  switch s2  gate g2  created switch-check, gate-check"),
                summary);
    }
}
