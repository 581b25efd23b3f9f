package io.activeedge.core;

import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClientBuilder;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2ClientBuilder;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.Route53ClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the real SDK clients, once per container, from a handler's no-argument constructor.
 * Credentials come from the default chain; the endpoint from AWS_ENDPOINT_URL when it is set
 * (the local cloud), so no code path differs between the emulator and AWS.
 * <p>
 * Every client gets the same retries and timeouts, set here and nowhere else: the SDK's retry strategy is the one
 * retry layer inside a function (the workflow retries a failed step, and Lambda a failed asynchronous event).
 */
public final class Clients {
    /**
     * Attempts per call, the first included (the SDK's standard strategy makes 3). The standard strategy retries
     * throttling errors (Route 53's Throttling and PriorRequestNotComplete among them) with full-jitter exponential
     * backoff from 1 s, so 4 retries wait at most 1 + 2 + 4 + 8 = 15 s: enough for Route 53's per-operation request
     * buckets to refill (CreateHealthCheck refills at 0.5 a second), and inside {@link #API_CALL_TIMEOUT}.
     * https://docs.aws.amazon.com/java/api/latest/software/amazon/awssdk/retries/StandardRetryStrategy.html: "Retries 2
     * times (3 total attempts)"; "Uses the BackoffStrategy.exponentialDelay(...) backoff strategy, with a base delay of
     * 1 second and max delay of 20 seconds" (the SDK's DefaultRetryStrategy: 1 s for throttling errors, 100 ms for the
     * others). https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/retry-strategy.html: "Certain errors,
     * such as throttling (rate exceeded) or transient errors, might succeed if the call is retried".
     * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html: "When a request is
     * throttled, Amazon Route 53 returns an HTTP 400 error (Bad request)" with Code Throttling.
     */
    static final int MAX_ATTEMPTS = 5;
    /**
     * One attempt. Control-plane calls answer in well under a second; the slowest here (CloudFront
     * CreateDistribution, API Gateway CreateDomainName) in a few seconds.
     * https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/best-practices.html: "The SDK provides default
     * values for some timeout options, such as connection timeout and socket timeouts, but not for API call timeouts
     * or individual API call attempt timeouts. It is a good practice to set timeouts for both".
     */
    static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    /**
     * A whole call, retries and waits included. Shorter than the shortest function timeout (30 s, the failover
     * function), so a call that hangs fails as a named, retried error (TransientNetworkException) before Lambda
     * ends the function. https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/timeouts.html: the API call
     * timeout "Includes all retry attempts" and "Includes time spent waiting between retries".
     */
    static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(25);
    /** Opening a connection to an AWS endpoint (the SDK's HTTP clients default to 2 s as well). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Waiting for data on an open connection: no longer than one attempt may take (the SDK default is 30 s). */
    static final Duration SOCKET_TIMEOUT = API_CALL_ATTEMPT_TIMEOUT;
    /**
     * The standard strategy's delays (DefaultRetryStrategy.Standard: 100 ms base, 1 s for throttling errors, 20 s at
     * most), with jitter that stays unique after a SnapStart restore ({@link SnapSafeBackoff}).
     */
    static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    static final Duration THROTTLED_BACKOFF_BASE = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(20);

    private Clients() {
    }

    public static Route53Client route53() {
        return route53Builder().build();
    }

    static Route53ClientBuilder route53Builder() {
        return configure(Route53Client.builder(), Region.AWS_GLOBAL, urlConnection());
    }

    public static CloudFrontClient cloudFront() {
        return configure(CloudFrontClient.builder(), Region.AWS_GLOBAL, urlConnection()).build();
    }

    public static AcmClient acm(String region) {
        return configure(AcmClient.builder(), Region.of(region), urlConnection()).build();
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
        return configure(ApiGatewayClient.builder(), Region.of(region), apache());
    }

    static ApiGatewayV2ClientBuilder apiGatewayV2Builder(String region) {
        return configure(ApiGatewayV2Client.builder(), Region.of(region), apache());
    }

    public static CloudWatchClient cloudWatch(String region) {
        return configure(CloudWatchClient.builder(), Region.of(region), urlConnection()).build();
    }

    /** Elastic Load Balancing (v2: Application Load Balancers); its calls are query-protocol POSTs. */
    public static ElasticLoadBalancingV2Client elbv2(String region) {
        return configure(ElasticLoadBalancingV2Client.builder(), Region.of(region), urlConnection()).build();
    }

    public static ResourceGroupsTaggingApiClient tagging(String region) {
        return configure(ResourceGroupsTaggingApiClient.builder(), Region.of(region), urlConnection()).build();
    }

    /** SQS in the function's own Region (AWS_REGION in Lambda, aws.region on the local cloud). */
    public static SqsClient sqs() {
        return configure(SqsClient.builder(), DefaultAwsRegionProviderChain.builder().build().getRegion(),
                urlConnection()).build();
    }

    /**
     * The failover function's clients: shorter timeouts and fewer attempts, so that a decision fits the invocation
     * (30 s) with room for a second read, and a hanging call cannot use it all up. The SDK's retries stay the only
     * retry layer (the reconciler repeats a read only when a switch changed meanwhile).
     */
    public static Route53Client failoverRoute53() {
        return configure(Route53Client.builder(), Region.AWS_GLOBAL, urlConnection(), failoverOverrides()).build();
    }

    public static CloudWatchClient failoverCloudWatch(String region) {
        return configure(CloudWatchClient.builder(), Region.of(region), urlConnection(), failoverOverrides()).build();
    }

    public static ResourceGroupsTaggingApiClient failoverTagging(String region) {
        return configure(ResourceGroupsTaggingApiClient.builder(), Region.of(region), urlConnection(),
                failoverOverrides()).build();
    }

    static final int FAILOVER_MAX_ATTEMPTS = 3;
    static final Duration FAILOVER_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration FAILOVER_CALL_TIMEOUT = Duration.ofSeconds(8);

    static ClientOverrideConfiguration failoverOverrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(FAILOVER_MAX_ATTEMPTS)
                        .backoffStrategy(new SnapSafeBackoff(BACKOFF_BASE, MAX_BACKOFF))
                        .throttlingBackoffStrategy(new SnapSafeBackoff(THROTTLED_BACKOFF_BASE, MAX_BACKOFF))
                        .build())
                .apiCallAttemptTimeout(FAILOVER_ATTEMPT_TIMEOUT)
                .apiCallTimeout(FAILOVER_CALL_TIMEOUT)
                .build();
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, Region region, SdkHttpClient.Builder<?> http, ClientOverrideConfiguration overrides) {
        return builder.region(region).httpClientBuilder(http).overrideConfiguration(overrides);
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(
            B builder, Region region, SdkHttpClient.Builder<?> http) {
        return builder.region(region).httpClientBuilder(http).overrideConfiguration(overrides());
    }

    /** A retry strategy of its own for every client: its circuit breaker counts that client's failures only. */
    static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS)
                        .backoffStrategy(new SnapSafeBackoff(BACKOFF_BASE, MAX_BACKOFF))
                        .throttlingBackoffStrategy(new SnapSafeBackoff(THROTTLED_BACKOFF_BASE, MAX_BACKOFF))
                        .build())
                .apiCallAttemptTimeout(API_CALL_ATTEMPT_TIMEOUT)
                .apiCallTimeout(API_CALL_TIMEOUT)
                .build();
    }

    private static UrlConnectionHttpClient.Builder urlConnection() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT);
    }

    private static ApacheHttpClient.Builder apache() {
        return ApacheHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT);
    }
}
