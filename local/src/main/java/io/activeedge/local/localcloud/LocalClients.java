package io.activeedge.local.localcloud;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The local cloud's own clients: pointed at moto explicitly, left out of the API call count, and never given an
 * injected fault (they observe the emulator; the functions are what faults test).
 */
public final class LocalClients {

    /** The header that exempts a request from the emulator's fault injection (fault_injection.py). */
    public static final String NO_FAULTS_HEADER = "x-active-edge-faults";

    /** A synchronous invocation may run as long as the function's timeout; Lambda allows 15 minutes. */
    public static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(15);

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private LocalClients() {
    }

    public static SfnClient sfn(String endpoint) {
        return local(SfnClient.builder(), endpoint, Region.of(Template.REGION));
    }

    public static ApiGatewayClient apiGateway(String endpoint, String region) {
        return local(ApiGatewayClient.builder(), endpoint, Region.of(region));
    }

    public static ApiGatewayV2Client apiGatewayV2(String endpoint, String region) {
        return local(ApiGatewayV2Client.builder(), endpoint, Region.of(region));
    }

    public static CloudWatchClient cloudWatch(String endpoint, String region) {
        return local(CloudWatchClient.builder(), endpoint, Region.of(region));
    }

    public static ElasticLoadBalancingV2Client elbv2(String endpoint, String region) {
        return local(ElasticLoadBalancingV2Client.builder(), endpoint, Region.of(region));
    }

    public static Ec2Client ec2(String endpoint, String region) {
        return local(Ec2Client.builder(), endpoint, Region.of(region));
    }

    public static Route53Client route53(String endpoint) {
        return local(Route53Client.builder(), endpoint, Region.AWS_GLOBAL);
    }

    public static AcmClient acm(String endpoint, String region) {
        return local(AcmClient.builder(), endpoint, Region.of(region));
    }

    public static CloudFrontClient cloudFront(String endpoint) {
        return local(CloudFrontClient.builder(), endpoint, Region.AWS_GLOBAL);
    }

    public static CloudFormationClient cloudFormation(String endpoint) {
        return local(CloudFormationClient.builder(), endpoint, Region.of(Template.REGION));
    }

    /** @param lambdaEndpoint the local Lambda endpoint, which runs the template's functions */
    public static LambdaClient lambda(String lambdaEndpoint) {
        return local(LambdaClient.builder(), lambdaEndpoint, Region.of(Template.REGION), INVOKE_TIMEOUT);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C local(
            B builder, String endpoint, Region region) {
        return local(builder, endpoint, region, CALL_TIMEOUT);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C local(
            B builder, String endpoint, Region region, Duration timeout) {
        return builder.endpointOverride(URI.create(endpoint)).region(region).credentialsProvider(CREDENTIALS)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .putExecutionAttribute(ApiCallCounter.NOT_COUNTED, Boolean.TRUE)
                        .putHeader(NO_FAULTS_HEADER, "off")
                        .apiCallTimeout(timeout).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(timeout)).build();
    }
}
