package io.activeedge.certificates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.ValidationRecordsResult;
import io.activeedge.provisioning.WorkflowState;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.CertificateStatus;

class PublishValidationRecordsHandlerTest {
    private final FakeAcm.Regions acm = new FakeAcm.Regions();
    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final PublishValidationRecordsHandler handler =
            new PublishValidationRecordsHandler(new ValidationRecordPublisher(acm.clients, route53));

    private ValidationRecordsResult invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readValue(out.toByteArray(), ValidationRecordsResult.class);
    }

    /** Makes the certificates a state names exist in the fake ACM, pending validation. */
    private void existInAcm(WorkflowState state) {
        for (Certificate c : state.certificates().items()) {
            acm.in(c.region()).existing(c.arn(), c.names(), Tags.of(Map.of(), "shop",
                    c.role().equals(Tags.ROLE_EDGE_CERTIFICATE) ? Tags.GLOBAL : c.region(), c.role()),
                    CertificateStatus.PENDING_VALIDATION);
        }
    }

    @Test
    void handleRequest_jsonState_oneRecordPerNameInOneChange() throws IOException {
        String json = """
                {
                  "run": {"id": "example-run", "startedAt": "2026-01-01T00:00:00Z"},
                  "zone": {"id": "Z0EXAMPLE", "name": "example.com.", "nameServers": [], "created": true},
                  "certificates": {"items": [
                    {"role": "edge-certificate", "region": "us-east-1",
                     "arn": "arn:aws:acm:us-east-1:123456789012:certificate/edge",
                     "names": ["example.com", "*.example.com"], "created": true},
                    {"role": "origin-certificate", "region": "us-east-1",
                     "arn": "arn:aws:acm:us-east-1:123456789012:certificate/east",
                     "names": ["api.example.com"], "created": true},
                    {"role": "origin-certificate", "region": "us-west-2",
                     "arn": "arn:aws:acm:us-west-2:123456789012:certificate/west",
                     "names": ["api.example.com"], "created": false}
                  ]}
                }
                """;
        byte[] event = json.getBytes(StandardCharsets.UTF_8);
        existInAcm(Json.MAPPER.readValue(event, WorkflowState.class));

        ValidationRecordsResult result = invoke(event);

        assertEquals("Z0EXAMPLE", result.zoneId());
        assertEquals(List.of(FakeAcm.validationRecord("api.example.com").name(),
                FakeAcm.validationRecord("example.com").name()), result.names());
        assertNotNull(result.changeId());
        assertEquals(1, route53.batches.size());
    }

    @Test
    void handleRequest_exampleEvent_recordsPublished() throws IOException {
        byte[] event = SampleEvents.example("PublishValidationRecordsFunction");
        WorkflowState state = Json.MAPPER.readValue(event, WorkflowState.class);
        existInAcm(state);

        ValidationRecordsResult result = invoke(event);

        assertEquals(state.zone().id(), result.zoneId());
        assertEquals(3, result.names().size());
        assertEquals(1, route53.batches.size());
    }
}
