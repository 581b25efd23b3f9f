package io.activeedge.core;

import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClientBuilder;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2ClientBuilder;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Builds the real SDK clients, once per container, from a handler's no-argument constructor.
 * Credentials come from the default chain; the endpoint from AWS_ENDPOINT_URL when it is set
 * (the local cloud), so no code path differs between the emulator and AWS.
 */
public final class Clients {

    private Clients() {
    }

    public static Route53Client route53() {
        return Route53Client.builder().region(Region.AWS_GLOBAL)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static CloudFrontClient cloudFront() {
        return CloudFrontClient.builder().region(Region.AWS_GLOBAL)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static AcmClient acm(String region) {
        return AcmClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static ApiGatewayClient apiGateway(String region) {
        return apiGatewayBuilder(region).build();
    }

    public static ApiGatewayV2Client apiGatewayV2(String region) {
        return apiGatewayV2Builder(region).build();
    }

    /**
     * API Gateway's updates (UpdateDomainName, UpdateBasePathMapping, UpdateApiMapping) are PATCH requests, which
     * {@link UrlConnectionHttpClient} cannot send (HttpURLConnection refuses the method; aws-sdk-java-v2#3046), so
     * the API Gateway clients use the Apache client.
     */
    static ApiGatewayClientBuilder apiGatewayBuilder(String region) {
        return ApiGatewayClient.builder().region(Region.of(region)).httpClientBuilder(ApacheHttpClient.builder());
    }

    static ApiGatewayV2ClientBuilder apiGatewayV2Builder(String region) {
        return ApiGatewayV2Client.builder().region(Region.of(region)).httpClientBuilder(ApacheHttpClient.builder());
    }

    public static CloudWatchClient cloudWatch(String region) {
        return CloudWatchClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    public static ResourceGroupsTaggingApiClient tagging(String region) {
        return ResourceGroupsTaggingApiClient.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }
}
