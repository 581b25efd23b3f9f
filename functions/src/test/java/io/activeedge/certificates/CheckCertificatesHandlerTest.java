package io.activeedge.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.Json;
import io.activeedge.errors.CertificateFailedException;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificateStatus;
import io.activeedge.provisioning.WorkflowState;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.FailureReason;

class CheckCertificatesHandlerTest {
    private static final String STATE = """
            {
              "input": {"app": "shop", "timing": {"certificatePollSeconds": 15, "certificateTimeoutMinutes": 60,
                                                  "distributionPollSeconds": 30, "distributionTimeoutMinutes": 45}},
              "run": {"id": "example-run", "startedAt": "2026-01-01T00:00:00Z"},
              "zone": {"id": "Z0EXAMPLE", "name": "example.com.", "nameServers": ["ns-1.awsdns-01.org"], "created": false},
              "certificates": {"items": [
                {"role": "edge-certificate", "region": "us-east-1",
                 "arn": "arn:aws:acm:us-east-1:123456789012:certificate/edge",
                 "names": ["example.com", "www.example.com"], "created": true},
                {"role": "origin-certificate", "region": "us-west-2",
                 "arn": "arn:aws:acm:us-west-2:123456789012:certificate/west",
                 "names": ["api.example.com"], "created": true}
              ]}
            }
            """;

    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final CheckCertificatesHandler handler = new CheckCertificatesHandler(new CertificateWatch(acm.clients,
            Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneOffset.UTC)));

    private CertificateStatus invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readValue(out.toByteArray(), CertificateStatus.class);
    }

    private void existInAcm(WorkflowState state, software.amazon.awssdk.services.acm.model.CertificateStatus status) {
        for (Certificate c : state.certificates().items()) {
            acm.in(c.region()).existing(c.arn(), c.names(), Map.of(), status);
        }
    }

    @Test
    void handleRequest_jsonStateOnePending_notIssuedJson() throws IOException {
        byte[] event = STATE.getBytes(StandardCharsets.UTF_8);
        existInAcm(Json.MAPPER.readValue(event, WorkflowState.class),
                software.amazon.awssdk.services.acm.model.CertificateStatus.ISSUED);
        String west = "arn:aws:acm:us-west-2:123456789012:certificate/west";
        acm.in("us-west-2").setStatus(west, software.amazon.awssdk.services.acm.model.CertificateStatus.PENDING_VALIDATION,
                null);

        CertificateStatus result = invoke(event);

        assertFalse(result.issued());
        assertEquals(List.of("us-west-2 " + west + " PENDING_VALIDATION"), result.pending());
    }

    @Test
    void handleRequest_jsonStateCertificateFailed_certificateFailedWithReason() throws IOException {
        byte[] event = STATE.getBytes(StandardCharsets.UTF_8);
        existInAcm(Json.MAPPER.readValue(event, WorkflowState.class),
                software.amazon.awssdk.services.acm.model.CertificateStatus.ISSUED);
        acm.in("us-east-1").setStatus("arn:aws:acm:us-east-1:123456789012:certificate/edge",
                software.amazon.awssdk.services.acm.model.CertificateStatus.FAILED, FailureReason.DOMAIN_NOT_ALLOWED);

        CertificateFailedException e = assertThrows(CertificateFailedException.class, () -> invoke(event));

        assertTrue(e.getMessage().contains("DOMAIN_NOT_ALLOWED"), e.getMessage());
    }

    @Test
    void handleRequest_exampleEventAllIssued_issued() throws IOException {
        byte[] event = SampleEvents.example("CheckCertificatesFunction");
        existInAcm(Json.MAPPER.readValue(event, WorkflowState.class),
                software.amazon.awssdk.services.acm.model.CertificateStatus.ISSUED);

        CertificateStatus result = invoke(event);

        assertTrue(result.issued());
        assertEquals(List.of(), result.pending());
    }
}
