package io.activeedge.core;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * Runs the SDK's request path for the calls a failover decision makes, with no AWS call: clients built like
 * {@link Clients}' (same protocols, retry strategy and timeouts) but with an HTTP client that answers every request
 * itself with an empty result, and fixed credentials, so neither the network nor the credentials chain is touched.
 * Marshalling, endpoint rules, SigV4 signing, the interceptor chain and the XML and JSON parsers are then loaded and
 * run once, which is what a SnapStart snapshot taken afterwards keeps.
 */
public final class SdkPriming {
    /** Answered to Route 53 (REST-XML): the parser reads the elements it knows, so an empty document is a result. */
    static final String ROUTE53_ANSWER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<Response xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"></Response>";
    /** Answered to CloudWatch (the Query protocol wraps a result in {@code <Action>Result}). */
    static final String CLOUDWATCH_ANSWER = "<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
            + "<DescribeAlarmsResult></DescribeAlarmsResult><ResponseMetadata><RequestId>priming</RequestId>"
            + "</ResponseMetadata></DescribeAlarmsResponse>";
    /** Answered to the tagging API (AWS JSON 1.1). */
    static final String JSON_ANSWER = "{}";

    private SdkPriming() {
    }

    /**
     * Makes each call once against the canned answers. Returns how many calls were answered (every one, unless the
     * SDK changed what it sends).
     */
    public static int run() {
        int answered = 0;
        try (Route53Client route53 = offline(Route53Client.builder(), Region.AWS_GLOBAL, ROUTE53_ANSWER, "text/xml")) {
            route53.listHealthChecks(r -> r.maxItems("100"));
            route53.getHealthCheck(r -> r.healthCheckId("priming"));
            route53.listTagsForResources(r -> r.resourceType("healthcheck").resourceIds("priming"));
            route53.listResourceRecordSets(r -> r.hostedZoneId("ZPRIMING").startRecordName("priming.example."));
            route53.getHealthCheckStatus(r -> r.healthCheckId("priming"));
            route53.updateHealthCheck(r -> r.healthCheckId("priming").healthCheckVersion(1L).inverted(true));
            route53.changeTagsForResource(r -> r.resourceType("healthcheck").resourceId("priming")
                    .addTags(t -> t.key("priming").value("priming")));
            answered += 7;
        }
        try (CloudWatchClient cloudWatch = offline(CloudWatchClient.builder(), Region.US_EAST_1, CLOUDWATCH_ANSWER,
                "text/xml")) {
            cloudWatch.describeAlarms(r -> r.alarmNames("priming"));
            cloudWatch.getMetricData(r -> r.startTime(java.time.Instant.EPOCH).endTime(java.time.Instant.EPOCH)
                    .metricDataQueries(q -> q.id("h0").metricStat(m -> m.period(60).stat("Minimum")
                            .metric(x -> x.namespace("AWS/Route53").metricName("HealthCheckStatus")))));
            cloudWatch.listTagsForResource(r -> r.resourceARN("arn:aws:cloudwatch:us-east-1:000000000000:alarm:p"));
            answered += 3;
        }
        try (ResourceGroupsTaggingApiClient tagging = offline(ResourceGroupsTaggingApiClient.builder(),
                Region.US_EAST_1, JSON_ANSWER, "application/x-amz-json-1.1")) {
            tagging.getResources(r -> r.resourceTypeFilters("cloudwatch:alarm"));
            answered += 1;
        }
        return answered;
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C offline(
            B builder, Region region, String answer, String contentType) {
        ClientOverrideConfiguration overrides = Clients.overrides().toBuilder()
                // One attempt: nothing here is worth a retry's sleep.
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
                .build();
        return builder.region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))
                .httpClient(new CannedHttpClient(answer, contentType))
                .overrideConfiguration(overrides)
                .build();
    }

    /** An HTTP client that never opens a connection: every request gets the same 200 answer. */
    private record CannedHttpClient(String answer, String contentType) implements SdkHttpClient {
        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    SdkHttpResponse response = SdkHttpResponse.builder().statusCode(200)
                            .putHeader("Content-Type", contentType)
                            .putHeader("Content-Length", Integer.toString(body.length))
                            .putHeader("x-amzn-RequestId", "priming")
                            .build();
                    return HttpExecuteResponse.builder().response(response)
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
                }

                @Override
                public void abort() {
                    // Nothing is in flight.
                }
            };
        }

        @Override
        public void close() {
            // Holds nothing.
        }

        @Override
        public String clientName() {
            return "ActiveEdgePriming";
        }
    }
}
