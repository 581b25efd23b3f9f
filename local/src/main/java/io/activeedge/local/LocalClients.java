package io.activeedge.local;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The local cloud's own clients: pointed at moto explicitly and left out of the API call count. */
final class LocalClients {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private LocalClients() {
    }

    static SfnClient sfn(String endpoint) {
        return SfnClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(Template.REGION))
                .credentialsProvider(CREDENTIALS).overrideConfiguration(notCounted())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static ApiGatewayClient apiGateway(String endpoint, String region) {
        return ApiGatewayClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(CREDENTIALS).overrideConfiguration(notCounted())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static CloudWatchClient cloudWatch(String endpoint, String region) {
        return CloudWatchClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(CREDENTIALS).overrideConfiguration(notCounted())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static Route53Client route53(String endpoint) {
        return Route53Client.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(notCounted())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static AcmClient acm(String endpoint, String region) {
        return AcmClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(region))
                .credentialsProvider(CREDENTIALS).overrideConfiguration(notCounted())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    static CloudFrontClient cloudFront(String endpoint) {
        return CloudFrontClient.builder().endpointOverride(URI.create(endpoint)).region(Region.AWS_GLOBAL)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(notCounted())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static ClientOverrideConfiguration notCounted() {
        return ClientOverrideConfiguration.builder()
                .putExecutionAttribute(ApiCallCounter.NOT_COUNTED, Boolean.TRUE)
                .apiCallTimeout(Duration.ofSeconds(30))
                .build();
    }
}
