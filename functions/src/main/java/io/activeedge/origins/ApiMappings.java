package io.activeedge.origins;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiMappingsResponse;

/**
 * The mappings of an API Gateway custom domain: v1 base path mappings (REST APIs) and v2 API mappings
 * (HTTP APIs), every page of each.
 */
public final class ApiMappings {
    /** How API Gateway v1 spells the empty base path. */
    public static final String NO_BASE_PATH = "(none)";

    private ApiMappings() {
    }

    public static List<BasePathMapping> rest(ApiGatewayClient apigateway, String domainName) {
        return apigateway.getBasePathMappingsPaginator(r -> r.domainName(domainName)).items().stream().toList();
    }

    /**
     * The SDK has no paginator for GetApiMappings, so its pages are followed here. API Gateway v2 model, NextToken:
     * "The next page of elements from this collection. Not valid for the last element of the collection."
     */
    public static List<ApiMapping> http(ApiGatewayV2Client apigateway, String domainName) {
        List<ApiMapping> all = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            GetApiMappingsResponse page = apigateway.getApiMappings(r -> r.domainName(domainName).nextToken(from));
            all.addAll(page.items());
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return all;
    }

    /** True for the empty base path, however the API spells it ("", "(none)" or absent). */
    public static boolean isRoot(String basePath) {
        return basePath == null || basePath.isEmpty() || NO_BASE_PATH.equals(basePath);
    }
}
