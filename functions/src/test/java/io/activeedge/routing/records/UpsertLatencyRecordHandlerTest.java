package io.activeedge.routing.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class UpsertLatencyRecordHandlerTest {
    @Test
    void handleRequest_sampleEvent_writesTheRegionsLatencyRecord() throws IOException {
        FakeRoute53 route53 = new FakeRoute53("Z0EXAMPLE");
        UpsertLatencyRecordHandler handler = new UpsertLatencyRecordHandler(new LatencyRecords(route53));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = SampleEvents.open("UpsertLatencyRecordFunction-example.json")) {
            handler.handleRequest(in, out, null);
        }

        RecordChange result = Json.MAPPER.readValue(out.toByteArray(), RecordChange.class);
        assertEquals(new RecordChange("api.example.com", "A", Tags.setIdentifier("shop", "us-east-1"),
                "d-e1x2a3m4p5.execute-api.us-east-1.amazonaws.com", RecordChange.CREATED), result);
        ResourceRecordSet record = route53.at("api.example.com").get(0);
        assertEquals("e1e1e1e1-0000-4000-8000-000000000003", record.healthCheckId());
        assertEquals("Z1UJRXOUMOOFQ8", record.aliasTarget().hostedZoneId());
    }
}
