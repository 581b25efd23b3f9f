package io.activeedge.testing;

import io.activeedge.core.RegionalClients;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.DeleteBasePathMappingRequest;
import software.amazon.awssdk.services.apigateway.model.DeleteBasePathMappingResponse;
import software.amazon.awssdk.services.apigateway.model.DeleteDomainNameRequest;
import software.amazon.awssdk.services.apigateway.model.DeleteDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.DomainName;
import software.amazon.awssdk.services.apigateway.model.GetBasePathMappingsRequest;
import software.amazon.awssdk.services.apigateway.model.GetBasePathMappingsResponse;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameRequest;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.GetDomainNamesRequest;
import software.amazon.awssdk.services.apigateway.model.GetDomainNamesResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteApiMappingRequest;
import software.amazon.awssdk.services.apigatewayv2.model.DeleteApiMappingResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiMappingsRequest;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiMappingsResponse;

/**
 * API Gateway custom domains of one Region in memory, seen through v1 (domains, base path mappings of REST
 * APIs) and v2 (API mappings of HTTP APIs), one item per page. It keeps the order of the changes it
 * accepted, and can answer as the emulator does: v2 does not know domains made through v1, and v1 fails to
 * list the mappings of a domain that never had one.
 */
public final class FakeApiGateway {
    private final String region;
    private final Map<String, DomainName> domains = new LinkedHashMap<>();
    private final Map<String, List<BasePathMapping>> restMappings = new LinkedHashMap<>();
    private final Map<String, List<ApiMapping>> httpMappings = new LinkedHashMap<>();
    private final Set<String> everMapped = new HashSet<>();
    /** Every change accepted, in order: "delete-base-path-mapping api.example.com (none)", ... */
    public final List<String> changes = new ArrayList<>();
    /** Answer as moto 5.2 does (see the class comment). */
    public boolean asTheEmulator;
    /** When true, GetDomainNames leaves tags out, so they are read from the domain itself. */
    public boolean listWithoutTags;
    /** When set, every call fails with it. */
    public AwsServiceException failure;

    public FakeApiGateway(String region) {
        this.region = region;
    }

    /** One fake per Region, made on first use, as RegionalClients makes real clients. */
    public static final class Regions {
        private final Map<String, FakeApiGateway> regions = new LinkedHashMap<>();
        public final RegionalClients<ApiGatewayClient> rest = new RegionalClients<>(region -> in(region).rest);
        public final RegionalClients<ApiGatewayV2Client> http = new RegionalClients<>(region -> in(region).http);

        public FakeApiGateway in(String region) {
            return regions.computeIfAbsent(region, FakeApiGateway::new);
        }
    }

    public void domain(String name, Map<String, String> tags) {
        domains.put(name, DomainName.builder().domainName(name).tags(tags)
                .regionalDomainName("d-" + Math.abs(name.hashCode()) + ".execute-api." + region + ".amazonaws.com")
                .build());
        restMappings.put(name, new ArrayList<>());
        httpMappings.put(name, new ArrayList<>());
    }

    public void restMapping(String domain, String basePath, String restApiId, String stage) {
        restMappings.get(domain).add(BasePathMapping.builder().basePath(basePath).restApiId(restApiId).stage(stage)
                .build());
        everMapped.add(domain);
    }

    public void httpMapping(String domain, String key, String apiId, String stage) {
        httpMappings.get(domain).add(ApiMapping.builder().apiMappingId("m" + httpMappings.get(domain).size())
                .apiMappingKey(key).apiId(apiId).stage(stage).build());
        everMapped.add(domain);
    }

    public boolean has(String domain) {
        return domains.containsKey(domain);
    }

    private void failIfSet() {
        if (failure != null) {
            throw failure;
        }
    }

    private DomainName get(String name) {
        DomainName domain = domains.get(name);
        if (domain == null) {
            throw NotFoundException.builder().message("Invalid domain name identifier specified").build();
        }
        return domain;
    }

    private static int page(String token) {
        return token == null ? 0 : Integer.parseInt(token);
    }

    private static String next(int index, int size) {
        return index + 1 < size ? Integer.toString(index + 1) : null;
    }

    public final ApiGatewayClient rest = new ApiGatewayClient() {
        @Override
        public GetDomainNamesResponse getDomainNames(GetDomainNamesRequest request) {
            failIfSet();
            List<DomainName> all = new ArrayList<>(domains.values());
            int at = page(request.position());
            List<DomainName> items = all.stream().skip(at).limit(1)
                    .map(d -> listWithoutTags ? d.toBuilder().tags(null).build() : d).toList();
            return GetDomainNamesResponse.builder().items(items).position(next(at, all.size())).build();
        }

        @Override
        public GetDomainNameResponse getDomainName(GetDomainNameRequest request) {
            failIfSet();
            DomainName domain = get(request.domainName());
            return GetDomainNameResponse.builder().domainName(domain.domainName()).tags(domain.tags())
                    .regionalDomainName(domain.regionalDomainName()).build();
        }

        @Override
        public GetBasePathMappingsResponse getBasePathMappings(GetBasePathMappingsRequest request) {
            failIfSet();
            get(request.domainName());
            if (asTheEmulator && !everMapped.contains(request.domainName())) {
                throw (ApiGatewayException) ApiGatewayException.builder().statusCode(500)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalFailure")
                                .errorMessage("KeyError").build()).build();
            }
            List<BasePathMapping> all = restMappings.get(request.domainName());
            int at = page(request.position());
            return GetBasePathMappingsResponse.builder().items(all.stream().skip(at).limit(1).toList())
                    .position(next(at, all.size())).build();
        }

        @Override
        public DeleteBasePathMappingResponse deleteBasePathMapping(DeleteBasePathMappingRequest request) {
            failIfSet();
            get(request.domainName());
            if (!restMappings.get(request.domainName()).removeIf(m -> m.basePath().equals(request.basePath()))) {
                throw NotFoundException.builder().message("Invalid base path mapping identifier specified").build();
            }
            changes.add("delete-base-path-mapping " + request.domainName() + " " + request.basePath());
            return DeleteBasePathMappingResponse.builder().build();
        }

        @Override
        public DeleteDomainNameResponse deleteDomainName(DeleteDomainNameRequest request) {
            failIfSet();
            get(request.domainName());
            domains.remove(request.domainName());
            changes.add("delete-domain-name " + request.domainName());
            return DeleteDomainNameResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    };

    public final ApiGatewayV2Client http = new ApiGatewayV2Client() {
        @Override
        public GetApiMappingsResponse getApiMappings(GetApiMappingsRequest request) {
            failIfSet();
            if (!domains.containsKey(request.domainName()) || asTheEmulator) {
                throw software.amazon.awssdk.services.apigatewayv2.model.NotFoundException.builder()
                        .message("The domain name resource specified in the request was not found.").build();
            }
            List<ApiMapping> all = httpMappings.get(request.domainName());
            int at = page(request.nextToken());
            return GetApiMappingsResponse.builder().items(all.stream().skip(at).limit(1).toList())
                    .nextToken(next(at, all.size())).build();
        }

        @Override
        public DeleteApiMappingResponse deleteApiMapping(DeleteApiMappingRequest request) {
            failIfSet();
            List<ApiMapping> mappings = httpMappings.get(request.domainName());
            if (mappings == null || !mappings.removeIf(m -> m.apiMappingId().equals(request.apiMappingId()))) {
                throw software.amazon.awssdk.services.apigatewayv2.model.NotFoundException.builder()
                        .message("Unable to find ApiMapping with id '" + request.apiMappingId() + "'.").build();
            }
            changes.add("delete-api-mapping " + request.domainName() + " " + request.apiMappingId());
            return DeleteApiMappingResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    };
}
