package io.activeedge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;

class CheckDistributionHandlerTest {

    private static final String STATE = """
            {
              "input": {
                "app": "shop",
                "zone": "example.com",
                "aliases": ["example.com", "www.example.com"],
                "originDomain": "api.example.com",
                "timing": {"certificatePollSeconds": 15, "certificateTimeoutMinutes": 60,
                           "distributionPollSeconds": 30, "distributionTimeoutMinutes": 45}
              },
              "run": {"id": "example-run", "startedAt": "2026-01-01T00:00:00Z"},
              "distribution": {"id": "E2EXAMPLE1ABCD",
                               "arn": "arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE1ABCD",
                               "domainName": "d111111abcdef8.cloudfront.net", "status": "InProgress", "action": "CREATED"}
            }
            """;

    @Test
    void handleRequest_inProgressBeforeDeadline_returnsNotDeployedJson() throws Exception {
        CloudFrontClient cloudFront = mock(CloudFrontClient.class);
        ArgumentCaptor<GetDistributionRequest> request = ArgumentCaptor.forClass(GetDistributionRequest.class);
        when(cloudFront.getDistribution(request.capture())).thenReturn(GetDistributionResponse.builder()
                .distribution(d -> d.id("E2EXAMPLE1ABCD").status("InProgress")).build());
        Clock tenMinutesIn = Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneOffset.UTC);
        CheckDistributionHandler handler = new CheckDistributionHandler(new Distributions(cloudFront, tenMinutesIn));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(STATE.getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode result = Json.MAPPER.readTree(out.toByteArray());
        assertFalse(result.get("deployed").asBoolean());
        assertEquals("InProgress", result.get("status").asText());
        assertEquals("E2EXAMPLE1ABCD", request.getValue().id());
    }
}
