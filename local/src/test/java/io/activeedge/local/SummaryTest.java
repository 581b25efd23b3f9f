package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {

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
                              "healthChecks": {"endpointId": "e1", "switchId": "s1", "gateId": "g1", "created": true},
                              "record": {"name": "api.example.com", "type": "A", "setIdentifier": "shop:us-west-2",
                                         "target": "d-1.execute-api.us-west-2.amazonaws.com", "action": "UPSERT"}}],
                 "distribution": {"id": "E1", "domainName": "d1.cloudfront.net", "status": "Deployed", "action": "CREATED"},
                 "aliases": {"records": [{"name": "example.com", "type": "AAAA", "target": {"dnsName": "d1.cloudfront.net"},
                                          "action": "UPSERT"}]},
                 "somethingNew": {"ignored": true}}
                """;

        String summary = Summary.format(new ObjectMapper().readTree(output), Map.of("Route53", 7L, "Acm", 3L), GLYPHS);

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
    void format_callsTheSdkRetried_countsThemApartFromTheCalls() {
        String summary = Summary.format(new ObjectMapper().createObjectNode(),
                Map.of("Route53", 7L, "Acm", 3L, ApiCallCounter.RETRIED, 2L), GLYPHS);

        assertEquals("  AWS API calls  10 (Acm 3, Route53 7), 2 retried", summary);
    }

    @Test
    void format_emptyOutput_showsOnlyTheCallCount() {
        String summary = Summary.format(new ObjectMapper().createObjectNode(), Map.of(), GLYPHS);

        assertEquals("  AWS API calls  0", summary);
    }
}
