package io.activeedge.local.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.AwsRegions;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The input names REST APIs and CloudWatch alarms that exist in the user's account, not in a fresh emulator.
 * For each one missing (neither a REST API nor an HTTP API with its id), the local cloud creates a stand-in: a REST
 * API with the same id (moto takes the id from
 * the {@code _custom_id_} tag), a GET on / with a mock integration deployed to the input's stage; an alarm
 * with the same name on the API's 5XXError metric, in OK; an Application Load Balancer with an HTTPS listener
 * ({@link LoadBalancerStandIns}). Regions that are not AWS Regions are left to the workflow's validation to report.
 */
public final class StandIns {

    public static final String CUSTOM_ID_TAG = "_custom_id_";

    private final String endpoint;
    private final PrintStream out;

    public StandIns(String endpoint, PrintStream out) {
        this.endpoint = endpoint;
        this.out = out;
    }

    public void ensure(JsonNode input) {
        apis(input);
        new LoadBalancerStandIns(endpoint, out).ensure(input);
        alarms(input);
    }

    private void alarms(JsonNode input) {
        for (JsonNode region : input.path("regions")) {
            String regionName = region.path("region").asText("");
            if (!AwsRegions.LATENCY_ROUTING.contains(regionName) || region.path("alarms").isEmpty()) {
                continue;
            }
            try (CloudWatchClient client = LocalClients.cloudWatch(endpoint, regionName)) {
                for (JsonNode alarm : region.path("alarms")) {
                    String name = alarm.asText("");
                    if (name.isEmpty() || !client.describeAlarms(r -> r.alarmNames(name)).metricAlarms().isEmpty()) {
                        continue;
                    }
                    client.putMetricAlarm(r -> r.alarmName(name).namespace("AWS/ApiGateway").metricName("5XXError")
                            .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(5.0)
                            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                            .alarmDescription("active-edge local cloud stand-in"));
                    out.println("local cloud: created a stand-in alarm " + name + " in " + regionName
                            + "; in AWS it is your own alarm");
                }
            }
        }
    }

    private void apis(JsonNode input) {
        for (JsonNode region : input.path("regions")) {
            JsonNode api = region.path("origin").path("apiGateway");
            String regionName = region.path("region").asText("");
            String apiId = api.path("apiId").asText("");
            String stage = api.path("stage").asText("");
            if (!AwsRegions.LATENCY_ROUTING.contains(regionName) || apiId.isEmpty() || stage.isEmpty()) {
                continue;
            }
            try (ApiGatewayClient client = LocalClients.apiGateway(endpoint, regionName);
                 ApiGatewayV2Client http = LocalClients.apiGatewayV2(endpoint, regionName)) {
                if (!exists(client, apiId) && !httpApiExists(http, apiId)) {
                    create(client, input.path("app").asText("app"), regionName, apiId, stage);
                    out.println("local cloud: created a stand-in REST API " + apiId + " (stage " + stage + ") in "
                            + regionName + "; in AWS it is your own API");
                }
            }
        }
    }

    private static boolean exists(ApiGatewayClient client, String apiId) {
        try {
            client.getRestApi(r -> r.restApiId(apiId));
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** An HTTP API (API Gateway v2) with the id: the input names it, so it needs no stand-in. */
    private static boolean httpApiExists(ApiGatewayV2Client client, String apiId) {
        try {
            client.getApi(r -> r.apiId(apiId));
            return true;
        } catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException e) {
            return false;
        }
    }

    private static void create(ApiGatewayClient client, String app, String region, String apiId, String stage) {
        String id = client.createRestApi(r -> r.name(app + "-" + region + "-stand-in")
                .description("active-edge local cloud stand-in for " + apiId)
                .endpointConfiguration(c -> c.types(EndpointType.REGIONAL))
                .tags(Map.of(CUSTOM_ID_TAG, apiId))).id();
        if (!apiId.equals(id)) {
            throw new LocalCloudException("moto gave the stand-in REST API the id " + id + " instead of " + apiId
                    + " (the " + CUSTOM_ID_TAG + " tag was not honoured)");
        }
        String root = client.getResources(r -> r.restApiId(apiId)).items().stream()
                .filter(resource -> "/".equals(resource.path())).map(Resource::id).findFirst()
                .orElseThrow(() -> new LocalCloudException("the stand-in REST API " + apiId + " has no / resource"));
        client.putMethod(r -> r.restApiId(apiId).resourceId(root).httpMethod("GET").authorizationType("NONE"));
        client.putIntegration(r -> r.restApiId(apiId).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK)
                .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
        client.putMethodResponse(r -> r.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200"));
        client.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(root).httpMethod("GET").statusCode("200")
                .responseTemplates(Map.of("application/json", "{\"status\": \"ok\"}")));
        client.createDeployment(r -> r.restApiId(apiId).stageName(stage));
    }
}
