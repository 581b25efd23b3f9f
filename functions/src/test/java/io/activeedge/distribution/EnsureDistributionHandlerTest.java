package io.activeedge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsRequest;
import software.amazon.awssdk.services.cloudfront.model.ListDistributionsResponse;

class EnsureDistributionHandlerTest {

    static final String STATE = """
            {
              "input": {
                "app": "shop",
                "zone": "example.com",
                "aliases": ["example.com", "www.example.com"],
                "originDomain": "api.example.com",
                "regions": [{"region": "us-east-1", "origin": {"apiGateway": {"apiId": "a1b2c3d4e5", "stage": "prod"}}}],
                "healthCheck": {"path": "/health", "requestIntervalSeconds": 10, "failureThreshold": 3, "port": 443},
                "distribution": {
                  "priceClass": "PriceClass_200",
                  "cachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
                  "originRequestPolicyId": "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                  "geoRestriction": {"type": "whitelist", "countries": ["US", "CA"]},
                  "webAclId": "arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/abc",
                  "comment": "shop edge"
                },
                "timing": {"certificatePollSeconds": 15, "certificateTimeoutMinutes": 60,
                           "distributionPollSeconds": 30, "distributionTimeoutMinutes": 45}
              },
              "run": {"id": "example-run", "startedAt": "2026-01-01T00:00:00Z"},
              "certificates": {"items": [
                {"role": "origin-certificate", "region": "us-east-1",
                 "arn": "arn:aws:acm:us-east-1:123456789012:certificate/origin", "names": ["api.example.com"], "created": false},
                {"role": "edge-certificate", "region": "us-east-1",
                 "arn": "arn:aws:acm:us-east-1:123456789012:certificate/edge",
                 "names": ["example.com", "www.example.com"], "created": true}
              ]}
            }
            """;

    @Test
    void handleRequest_workflowStateJson_createsFromTheInputAndReturnsDistributionJson() throws Exception {
        CloudFrontClient cloudFront = mock(CloudFrontClient.class);
        when(cloudFront.listDistributions(any(ListDistributionsRequest.class))).thenReturn(ListDistributionsResponse
                .builder().distributionList(l -> l.isTruncated(false).quantity(0)).build());
        ArgumentCaptor<CreateDistributionWithTagsRequest> request =
                ArgumentCaptor.forClass(CreateDistributionWithTagsRequest.class);
        when(cloudFront.createDistributionWithTags(request.capture())).thenReturn(CreateDistributionWithTagsResponse
                .builder().distribution(d -> d.id("E2EXAMPLE1ABCD")
                        .arn("arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE1ABCD")
                        .domainName("d111111abcdef8.cloudfront.net").status("InProgress")).build());
        EnsureDistributionHandler handler = new EnsureDistributionHandler(
                new Distributions(cloudFront, Clock.systemUTC()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(STATE.getBytes(StandardCharsets.UTF_8)), out, null);

        JsonNode result = Json.MAPPER.readTree(out.toByteArray());
        assertEquals("E2EXAMPLE1ABCD", result.get("id").asText());
        assertEquals("arn:aws:cloudfront::123456789012:distribution/E2EXAMPLE1ABCD", result.get("arn").asText());
        assertEquals("d111111abcdef8.cloudfront.net", result.get("domainName").asText());
        assertEquals("InProgress", result.get("status").asText());
        assertEquals("CREATED", result.get("action").asText());
        DistributionConfig config = request.getValue().distributionConfigWithTags().distributionConfig();
        assertEquals("arn:aws:acm:us-east-1:123456789012:certificate/edge", config.viewerCertificate().acmCertificateArn());
        assertEquals(List.of("example.com", "www.example.com"), config.aliases().items());
        assertEquals("api.example.com", config.origins().items().get(0).domainName());
        assertEquals("PriceClass_200", config.priceClassAsString());
        assertEquals("whitelist", config.restrictions().geoRestriction().restrictionTypeAsString());
        assertEquals(List.of("US", "CA"), config.restrictions().geoRestriction().items());
        assertEquals(2, config.restrictions().geoRestriction().quantity());
        assertEquals("arn:aws:wafv2:us-east-1:123456789012:global/webacl/shop/abc", config.webACLId());
        assertEquals("shop edge", config.comment());
        assertEquals("active-edge/shop/example-run", config.callerReference());
    }
}
