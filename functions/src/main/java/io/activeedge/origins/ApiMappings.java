package io.activeedge.origins;

import io.activeedge.core.Pages;
import java.util.List;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.GetBasePathMappingsResponse;
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
        return Pages.all(from -> apigateway.getBasePathMappings(r -> r.domainName(domainName).position(from)),
                GetBasePathMappingsResponse::items, GetBasePathMappingsResponse::position);
    }

    public static List<ApiMapping> http(ApiGatewayV2Client apigateway, String domainName) {
        return Pages.all(from -> apigateway.getApiMappings(r -> r.domainName(domainName).nextToken(from)),
                GetApiMappingsResponse::items, GetApiMappingsResponse::nextToken);
    }

    /** True for the empty base path, however the API spells it ("", "(none)" or absent). */
    public static boolean isRoot(String basePath) {
        return basePath == null || basePath.isEmpty() || NO_BASE_PATH.equals(basePath);
    }
}
