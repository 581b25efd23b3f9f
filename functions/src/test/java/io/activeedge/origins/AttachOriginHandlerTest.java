package io.activeedge.origins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.activeedge.core.Json;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.testing.SampleEvents;
import io.activeedge.testing.FakeElbv2;
import io.activeedge.testing.SdkMocks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameRequest;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

class AttachOriginHandlerTest {
    @Test
    void handleRequest_sampleEvent_returnsTheRegionalCustomDomainAsTarget() throws IOException {
        ApiGatewayClient restApis = SdkMocks.client(ApiGatewayClient.class);
        when(restApis.getRestApi(any(GetRestApiRequest.class))).thenReturn(GetRestApiResponse.builder().id("a1b2c3d4e5").build());
        when(restApis.getStage(any(GetStageRequest.class))).thenReturn(GetStageResponse.builder().stageName("prod").build());
        when(restApis.getDomainName(any(GetDomainNameRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid domain name identifier specified").build());
        when(restApis.createDomainName(any(CreateDomainNameRequest.class))).thenReturn(CreateDomainNameResponse.builder()
                .domainName("api.example.com").regionalDomainName("d-e1x2a3m4p5.execute-api.us-east-1.amazonaws.com")
                .regionalHostedZoneId("Z1UJRXOUMOOFQ8").build());
        AttachOriginHandler handler = new AttachOriginHandler(new Origins(new RegionalClients<>(r -> restApis),
                new RegionalClients<>(r -> SdkMocks.client(ApiGatewayV2Client.class)), new FakeElbv2.Regions().clients));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = SampleEvents.open("AttachOriginFunction-example.json")) {
            handler.handleRequest(in, out, null);
        }

        assertEquals(new OriginTarget("us-east-1", "d-e1x2a3m4p5.execute-api.us-east-1.amazonaws.com", "Z1UJRXOUMOOFQ8",
                        "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", "/prod/health", "api.example.com", true),
                Json.MAPPER.readValue(out.toByteArray(), OriginTarget.class));
    }
}
