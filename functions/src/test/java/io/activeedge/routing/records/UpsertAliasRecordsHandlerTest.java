package io.activeedge.routing.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.activeedge.core.Json;
import io.activeedge.provisioning.AliasRecordsResult;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsertAliasRecordsHandlerTest {
    @Test
    void handleRequest_sampleEvent_pointsEveryAliasAtTheDistribution() throws IOException {
        FakeRoute53 route53 = new FakeRoute53("Z0EXAMPLE");
        UpsertAliasRecordsHandler handler = new UpsertAliasRecordsHandler(new AliasRecords(route53));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = SampleEvents.open("UpsertAliasRecordsFunction-example.json")) {
            handler.handleRequest(in, out, null);
        }

        AliasRecordsResult result = Json.MAPPER.readValue(out.toByteArray(), AliasRecordsResult.class);
        String distribution = "d111111abcdef8.cloudfront.net";
        assertEquals(List.of(
                new RecordChange("example.com", "A", null, distribution, RecordChange.CREATED),
                new RecordChange("example.com", "AAAA", null, distribution, RecordChange.CREATED),
                new RecordChange("www.example.com", "A", null, distribution, RecordChange.CREATED),
                new RecordChange("www.example.com", "AAAA", null, distribution, RecordChange.CREATED)), result.records());
        assertEquals(4, route53.records.size());
    }
}
