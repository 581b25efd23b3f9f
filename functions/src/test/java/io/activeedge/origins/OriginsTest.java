package io.activeedge.origins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.OriginNotFoundException;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeElbv2;
import io.activeedge.testing.SdkMocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateBasePathMappingRequest;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameRequest;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GetBasePathMappingsRequest;
import software.amazon.awssdk.services.apigateway.model.GetBasePathMappingsResponse;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameRequest;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.GetRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.SecurityPolicy;
import software.amazon.awssdk.services.apigateway.model.UpdateDomainNameRequest;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiMappingRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;

class OriginsTest {
    private static final String API_ID = "a1b2c3d4e5";
    private static final String REGIONAL_NAME = "d-e1x2a3m4p5.execute-api.us-east-1.amazonaws.com";
    private static final String REGIONAL_ZONE = "Z1UJRXOUMOOFQ8";

    private final ApiGatewayClient restApis = SdkMocks.client(ApiGatewayClient.class);
    private final ApiGatewayV2Client httpApis = SdkMocks.client(ApiGatewayV2Client.class);
    private final List<String> regionsUsed = new ArrayList<>();
    private final Origins origins = new Origins(
            new RegionalClients<>(region -> {
                regionsUsed.add(region);
                return restApis;
            }),
            new RegionalClients<>(region -> {
                regionsUsed.add(region);
                return httpApis;
            }),
            new FakeElbv2.Regions().clients);

    /** Attaches the origin of {@code region} of {@code input}, with the example's certificates. */
    private OriginTarget attach(AppSpec input, String region) {
        return origins.attach(input, ExampleApp.region(input, region), ExampleApp.certificates());
    }

    private OriginTarget attachEast() {
        return attach(ExampleApp.input(false), "us-east-1");
    }

    private void restApiWithStage() {
        when(restApis.getRestApi(any(GetRestApiRequest.class))).thenReturn(GetRestApiResponse.builder().id(API_ID).build());
        when(restApis.getStage(any(GetStageRequest.class))).thenReturn(GetStageResponse.builder().stageName("prod").build());
    }

    private void noRestApi() {
        when(restApis.getRestApi(any(GetRestApiRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid API identifier specified").build());
    }

    private void noDomain() {
        when(restApis.getDomainName(any(GetDomainNameRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid domain name identifier specified").build());
        when(restApis.createDomainName(any(CreateDomainNameRequest.class))).thenReturn(CreateDomainNameResponse.builder()
                .domainName("api.example.com").regionalDomainName(REGIONAL_NAME).regionalHostedZoneId(REGIONAL_ZONE).build());
    }

    private void domain(Map<String, String> tags, String certificateArn) {
        when(restApis.getDomainName(any(GetDomainNameRequest.class))).thenReturn(GetDomainNameResponse.builder()
                .domainName("api.example.com").regionalDomainName(REGIONAL_NAME).regionalHostedZoneId(REGIONAL_ZONE)
                .regionalCertificateArn(certificateArn).tags(tags).build());
    }

    private static Map<String, String> ourTags() {
        return Tags.of(Map.of("team", "payments"), "shop", "us-east-1", Tags.ROLE_ORIGIN_DOMAIN);
    }

    private void rootMapping(String apiId, String stage) {
        when(restApis.getBasePathMappings(any(GetBasePathMappingsRequest.class))).thenReturn(
                GetBasePathMappingsResponse.builder().items(
                        BasePathMapping.builder().basePath("v2").restApiId("other").stage("live").build(),
                        BasePathMapping.builder().basePath("(none)").restApiId(apiId).stage(stage).build()).build());
    }

    @Test
    void attach_readyAliasTarget_createsNothingAndUsesTheInputsTarget() {
        OriginTarget target = attach(ExampleApp.input(false), "us-west-2");

        assertEquals(new OriginTarget("us-west-2", "d-abc123.execute-api.us-west-2.amazonaws.com", "Z2OJLYMUO9EFXC",
                "a1b2c3d4e5.execute-api.us-west-2.amazonaws.com", "/prod/health", null, false), target);
        assertTrue(regionsUsed.isEmpty());
    }

    @Test
    void attach_readyAliasTargetWithoutHealthCheckSettings_probesDnsNameAtInputPath() {
        AppSpec input = ExampleApp.input(false);
        AppSpec bare = new AppSpec(input.app(), input.zone(), null, input.aliases(), input.originDomain(),
                List.of(new io.activeedge.input.RegionSpec("eu-west-1", new io.activeedge.input.OriginSpec(
                        null, "my-alb-123.eu-west-1.elb.amazonaws.com", "Z32O12XQLNTSW2", null, null), List.of())),
                input.healthCheck(), null, input.timing(), input.tags(), false, null);

        OriginTarget target = attach(bare, "eu-west-1");

        assertEquals("my-alb-123.eu-west-1.elb.amazonaws.com", target.healthCheckDomain());
        assertEquals("/health", target.healthCheckPath());
        assertNull(target.customDomain());
    }

    @Test
    void attach_unknownApiId_throwsOriginNotFoundNamingTheField() {
        noRestApi();
        when(httpApis.getApi(any(GetApiRequest.class))).thenThrow(software.amazon.awssdk.services.apigatewayv2.model
                .NotFoundException.builder().message("Invalid API identifier specified").build());

        OriginNotFoundException e = assertThrows(OriginNotFoundException.class, () -> attachEast());

        assertTrue(e.getMessage().startsWith("regions[0].origin.apiGateway.apiId:"), e.getMessage());
        assertTrue(e.getMessage().contains("API a1b2c3d4e5 not found in us-east-1"), e.getMessage());
        verify(restApis, never()).createDomainName(any(CreateDomainNameRequest.class));
    }

    @Test
    void attach_unknownStage_throwsOriginNotFound() {
        when(restApis.getRestApi(any(GetRestApiRequest.class))).thenReturn(GetRestApiResponse.builder().id(API_ID).build());
        when(restApis.getStage(any(GetStageRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid stage identifier specified").build());

        OriginNotFoundException e = assertThrows(OriginNotFoundException.class, () -> attachEast());

        assertTrue(e.getMessage().startsWith("regions[0].origin.apiGateway.stage:"), e.getMessage());
        verify(restApis, never()).createDomainName(any(CreateDomainNameRequest.class));
    }

    @Test
    void attach_restApiFirstRun_createsRegionalDomainAndRootMapping() {
        restApiWithStage();
        noDomain();

        OriginTarget target = attachEast();

        assertEquals(new OriginTarget("us-east-1", REGIONAL_NAME, REGIONAL_ZONE,
                "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", "/prod/health", "api.example.com", true), target);
        ArgumentCaptor<CreateDomainNameRequest> domain = ArgumentCaptor.forClass(CreateDomainNameRequest.class);
        verify(restApis).createDomainName(domain.capture());
        assertEquals("api.example.com", domain.getValue().domainName());
        assertEquals(ExampleApp.EAST_ORIGIN_CERTIFICATE, domain.getValue().regionalCertificateArn());
        assertEquals(List.of(EndpointType.REGIONAL), domain.getValue().endpointConfiguration().types());
        assertEquals(SecurityPolicy.TLS_1_2, domain.getValue().securityPolicy());
        assertTrue(Tags.matches(domain.getValue().tags(), "shop", "us-east-1", Tags.ROLE_ORIGIN_DOMAIN));
        ArgumentCaptor<CreateBasePathMappingRequest> mapping = ArgumentCaptor.forClass(CreateBasePathMappingRequest.class);
        verify(restApis).createBasePathMapping(mapping.capture());
        assertEquals(API_ID, mapping.getValue().restApiId());
        assertEquals("prod", mapping.getValue().stage());
        assertNull(mapping.getValue().basePath());
    }

    /**
     * The SDK sends CreateDomainName again when its answer is lost (a timeout, HTTP 500 after the domain was made);
     * API Gateway then answers ConflictException for the domain the first attempt made. Mocked: the local cloud does
     * it only at random (FaultsIT).
     */
    @Test
    void attach_createRetriedAfterItsFirstAttemptMadeTheDomain_usesThatDomainAsCreated() {
        restApiWithStage();
        when(restApis.getDomainName(any(GetDomainNameRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid domain name identifier specified").build())
                .thenReturn(GetDomainNameResponse.builder().domainName("api.example.com").regionalDomainName(REGIONAL_NAME)
                        .regionalHostedZoneId(REGIONAL_ZONE).regionalCertificateArn(ExampleApp.EAST_ORIGIN_CERTIFICATE)
                        .tags(ourTags()).build());
        when(restApis.createDomainName(any(CreateDomainNameRequest.class)))
                .thenThrow(ConflictException.builder().message("The domain name api.example.com already exists").build());

        OriginTarget target = attachEast();

        assertEquals(new OriginTarget("us-east-1", REGIONAL_NAME, REGIONAL_ZONE,
                "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com", "/prod/health", "api.example.com", true), target);
        verify(restApis).createBasePathMapping(any(CreateBasePathMappingRequest.class));
    }

    @Test
    void attach_createConflictsWithSomeoneElsesDomain_failsWithTheConflict() {
        restApiWithStage();
        when(restApis.getDomainName(any(GetDomainNameRequest.class)))
                .thenThrow(NotFoundException.builder().message("Invalid domain name identifier specified").build())
                .thenReturn(GetDomainNameResponse.builder().domainName("api.example.com").regionalDomainName(REGIONAL_NAME)
                        .regionalHostedZoneId(REGIONAL_ZONE).tags(Map.of("team", "payments")).build());
        when(restApis.createDomainName(any(CreateDomainNameRequest.class)))
                .thenThrow(ConflictException.builder().message("The domain name api.example.com already exists").build());

        assertThrows(ConflictException.class, () -> attachEast());
        verify(restApis, never()).createBasePathMapping(any(CreateBasePathMappingRequest.class));
    }

    @Test
    void attach_apiOriginWithItsOwnHealthCheckPath_probesThatPath() {
        restApiWithStage();
        noDomain();
        AppSpec input = ExampleApp.input(false);
        io.activeedge.input.RegionSpec spec = ExampleApp.region(input, "us-east-1");
        io.activeedge.input.OriginSpec own = new io.activeedge.input.OriginSpec(
                spec.origin().apiGateway(), null, null, null, "/prod/ping");
        io.activeedge.input.RegionSpec withOwnPath = new io.activeedge.input.RegionSpec(spec.region(), own, spec.alarms());

        assertEquals("/prod/ping", origins.attach(input, withOwnPath, ExampleApp.certificates()).healthCheckPath());
    }

    @Test
    void attach_secondRun_findsOurDomainAndMappingAndCreatesNothing() {
        restApiWithStage();
        domain(ourTags(), ExampleApp.EAST_ORIGIN_CERTIFICATE);
        rootMapping(API_ID, "prod");

        OriginTarget target = attachEast();

        assertFalse(target.created());
        assertEquals(REGIONAL_NAME, target.dnsName());
        verify(restApis, never()).createDomainName(any(CreateDomainNameRequest.class));
        verify(restApis, never()).updateDomainName(any(UpdateDomainNameRequest.class));
        verify(restApis, never()).createBasePathMapping(any(CreateBasePathMappingRequest.class));
    }

    @Test
    void attach_ourDomainWithOldCertificate_replacesTheCertificate() {
        restApiWithStage();
        domain(ourTags(), "arn:aws:acm:us-east-1:123456789012:certificate/old");
        rootMapping(API_ID, "prod");

        attachEast();

        ArgumentCaptor<UpdateDomainNameRequest> update = ArgumentCaptor.forClass(UpdateDomainNameRequest.class);
        verify(restApis).updateDomainName(update.capture());
        assertEquals("/regionalCertificateArn", update.getValue().patchOperations().get(0).path());
        assertEquals(ExampleApp.EAST_ORIGIN_CERTIFICATE, update.getValue().patchOperations().get(0).value());
    }

    @Test
    void attach_domainOwnedBySomeoneElse_throwsResourceConflictAndTouchesNothing() {
        restApiWithStage();
        domain(Map.of("team", "web"), "arn:aws:acm:us-east-1:123456789012:certificate/theirs");

        ResourceConflictException e = assertThrows(ResourceConflictException.class, () -> attachEast());

        assertTrue(e.getMessage().contains("api.example.com") && e.getMessage().contains("us-east-1"), e.getMessage());
        verify(restApis, never()).updateDomainName(any(UpdateDomainNameRequest.class));
        verify(restApis, never()).createBasePathMapping(any(CreateBasePathMappingRequest.class));
    }

    @Test
    void attach_domainOfAnotherApp_throwsResourceConflict() {
        restApiWithStage();
        domain(Tags.of(null, "blog", "us-east-1", Tags.ROLE_ORIGIN_DOMAIN), ExampleApp.EAST_ORIGIN_CERTIFICATE);

        assertThrows(ResourceConflictException.class, () -> attachEast());
    }

    @Test
    void attach_otherApiAtRootPath_throwsResourceConflict() {
        restApiWithStage();
        domain(ourTags(), ExampleApp.EAST_ORIGIN_CERTIFICATE);
        rootMapping("zzz9999999", "prod");

        ResourceConflictException e = assertThrows(ResourceConflictException.class, () -> attachEast());

        assertTrue(e.getMessage().contains("zzz9999999"), e.getMessage());
        verify(restApis, never()).createBasePathMapping(any(CreateBasePathMappingRequest.class));
    }

    @Test
    void attach_httpApi_mapsItWithApiGatewayV2() {
        noRestApi();
        when(httpApis.getApi(any(GetApiRequest.class))).thenReturn(GetApiResponse.builder().apiId(API_ID).build());
        when(httpApis.getStage(any(software.amazon.awssdk.services.apigatewayv2.model.GetStageRequest.class)))
                .thenReturn(software.amazon.awssdk.services.apigatewayv2.model.GetStageResponse.builder()
                        .stageName("prod").build());
        noDomain();

        OriginTarget target = attachEast();

        ArgumentCaptor<CreateApiMappingRequest> mapping = ArgumentCaptor.forClass(CreateApiMappingRequest.class);
        verify(httpApis).createApiMapping(mapping.capture());
        assertEquals("api.example.com", mapping.getValue().domainName());
        assertEquals(API_ID, mapping.getValue().apiId());
        assertEquals("prod", mapping.getValue().stage());
        assertEquals("", mapping.getValue().apiMappingKey());
        verify(restApis, never()).createBasePathMapping(any(CreateBasePathMappingRequest.class));
        assertEquals("/prod/health", target.healthCheckPath());
    }
}
