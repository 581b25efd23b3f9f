package io.activeedge.origins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.errors.OriginNotFoundException;
import io.activeedge.input.OriginSpec.ApiGatewayOrigin;
import io.activeedge.testing.SdkMocks;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;

/** Mocked API Gateway clients: the local cloud's stand-in APIs never have their default endpoint disabled. */
class ApiOriginsTest {
    private static final String FIELD = "regions[1].origin.apiGateway";
    private final ApiGatewayClient restApis = SdkMocks.client(ApiGatewayClient.class);
    private final ApiGatewayV2Client httpApis = SdkMocks.client(ApiGatewayV2Client.class);
    private final ApiOrigins origins = new ApiOrigins(new RegionalClients<>(r -> restApis),
            new RegionalClients<>(r -> httpApis));

    private void noRestApi() {
        when(restApis.getRestApi(any(GetRestApiRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid API identifier specified").build());
    }

    @Test
    void inspect_restApiWithDefaultEndpointDisabled_refusesNamingTheApiId() {
        when(restApis.getRestApi(any(GetRestApiRequest.class)))
                .thenReturn(GetRestApiResponse.builder().id("a1b2c3d4e5").disableExecuteApiEndpoint(true).build());

        assertThatThrownBy(() -> origins.inspect("us-west-2", new ApiGatewayOrigin("a1b2c3d4e5", "prod"), FIELD))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(FIELD + ".apiId");
                    assertThat(e.getMessage()).contains("a1b2c3d4e5", "us-west-2", "disableExecuteApiEndpoint");
                });
    }

    @Test
    void inspect_httpApiWithDefaultEndpointDisabled_refusesNamingTheApiId() {
        noRestApi();
        when(httpApis.getApi(any(GetApiRequest.class)))
                .thenReturn(GetApiResponse.builder().apiId("a1b2c3d4e5").disableExecuteApiEndpoint(true).build());

        assertThatThrownBy(() -> origins.inspect("us-west-2", new ApiGatewayOrigin("a1b2c3d4e5", "$default"), FIELD))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(FIELD + ".apiId"));
    }

    @Test
    void inspect_httpApiDefaultStage_isAnHttpApi() {
        noRestApi();
        when(httpApis.getApi(any(GetApiRequest.class))).thenReturn(GetApiResponse.builder().apiId("a1b2c3d4e5").build());
        when(httpApis.getStage(any(software.amazon.awssdk.services.apigatewayv2.model.GetStageRequest.class)))
                .thenReturn(software.amazon.awssdk.services.apigatewayv2.model.GetStageResponse.builder()
                        .stageName("$default").build());

        assertThat(origins.inspect("us-west-2", new ApiGatewayOrigin("a1b2c3d4e5", "$default"), FIELD))
                .isEqualTo(ApiOrigins.Kind.HTTP);
    }

    @Test
    void inspect_restApiWithMissingStage_namesTheStage() {
        when(restApis.getRestApi(any(GetRestApiRequest.class))).thenReturn(GetRestApiResponse.builder().build());
        when(restApis.getStage(any(GetStageRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid stage identifier specified").build());

        assertThatThrownBy(() -> origins.inspect("us-west-2", new ApiGatewayOrigin("a1b2c3d4e5", "prod"), FIELD))
                .isInstanceOf(OriginNotFoundException.class).hasMessageStartingWith(FIELD + ".stage:");
    }

    @Test
    void inspect_restApiEnabled_isARestApi() {
        when(restApis.getRestApi(any(GetRestApiRequest.class))).thenReturn(GetRestApiResponse.builder()
                .disableExecuteApiEndpoint(false).build());
        when(restApis.getStage(any(GetStageRequest.class))).thenReturn(GetStageResponse.builder().build());

        assertThat(origins.inspect("us-west-2", new ApiGatewayOrigin("a1b2c3d4e5", "prod"), FIELD))
                .isEqualTo(ApiOrigins.Kind.REST);
    }
}
