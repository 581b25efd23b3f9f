package io.activeedge.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Json;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnsureCertificatesHandlerTest {
    private static final String STATE = """
            {
              "input": {
                "app": "shop", "zone": "example.com",
                "aliases": ["example.com", "www.example.com"],
                "originDomain": "api.example.com",
                "regions": [
                  {"region": "us-east-1", "origin": {"apiGateway": {"apiId": "a1b2c3d4e5", "stage": "prod"}}},
                  {"region": "us-west-2", "origin": {"dnsName": "d-abc123.execute-api.us-west-2.amazonaws.com",
                                                     "hostedZoneId": "Z2OJLYMUO9EFXC"}}
                ],
                "healthCheck": {"path": "/health", "requestIntervalSeconds": 10, "failureThreshold": 3, "port": 443},
                "timing": {"certificatePollSeconds": 15, "certificateTimeoutMinutes": 60,
                           "distributionPollSeconds": 30, "distributionTimeoutMinutes": 45},
                "tags": {"team": "payments"}
              },
              "run": {"id": "example-run", "startedAt": "2026-01-01T00:00:00Z"},
              "zone": {"id": "Z0EXAMPLE", "name": "example.com.", "nameServers": ["ns-1.awsdns-01.org"], "created": false}
            }
            """;

    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final EnsureCertificatesHandler handler = new EnsureCertificatesHandler(new CertificateRequests(acm.clients));

    private CertificatesResult invoke(InputStream event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(event, out, null);
        return Json.MAPPER.readValue(out.toByteArray(), CertificatesResult.class);
    }

    @Test
    void handleRequest_jsonState_certificatesJsonWithEdgeFirst() throws IOException {
        CertificatesResult result = invoke(new ByteArrayInputStream(STATE.getBytes(StandardCharsets.UTF_8)));

        assertEquals(3, result.items().size());
        Certificate edge = result.items().get(0);
        assertEquals("edge-certificate", edge.role());
        assertEquals("us-east-1", edge.region());
        assertEquals(List.of("example.com", "www.example.com"), edge.names());
        assertTrue(edge.arn().startsWith("arn:aws:acm:us-east-1:"));
        assertTrue(edge.created());
        assertEquals("us-west-2", result.items().get(2).region());
    }

    @Test
    void handleRequest_secondRunOfSameState_nothingCreated() throws IOException {
        invoke(new ByteArrayInputStream(STATE.getBytes(StandardCharsets.UTF_8)));

        CertificatesResult second = invoke(new ByteArrayInputStream(STATE.getBytes(StandardCharsets.UTF_8)));

        assertTrue(second.items().stream().noneMatch(Certificate::created));
        assertEquals(3, acm.count());
    }

    @Test
    void handleRequest_exampleEvent_edgeAndOriginCertificates() throws IOException {
        CertificatesResult result = invoke(SampleEvents.open("EnsureCertificatesFunction-example.json"));

        assertEquals(List.of("us-east-1", "us-east-1", "us-west-2"),
                result.items().stream().map(Certificate::region).toList());
        assertFalse(result.edge().names().isEmpty());
    }
}
