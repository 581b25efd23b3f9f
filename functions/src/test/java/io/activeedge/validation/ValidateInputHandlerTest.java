package io.activeedge.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.AwsConstants;
import io.activeedge.core.Json;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.errors.ActiveEdgeException;
import io.activeedge.origins.ApiOrigins;
import io.activeedge.routing.healthchecks.DataPlaneAlarms;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.origins.LoadBalancerOrigins;
import io.activeedge.testing.FakeElbv2;
import io.activeedge.testing.SampleEvents;
import io.activeedge.testing.SdkMocks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetRestApiRequest;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageRequest;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;

class ValidateInputHandlerTest {
    private final ApiGatewayClient restApis = SdkMocks.client(ApiGatewayClient.class);
    private final ApiGatewayV2Client httpApis = SdkMocks.client(ApiGatewayV2Client.class);
    private final Map<String, FakeCloudWatch> cloudWatch = new HashMap<>();
    private final FakeElbv2.Regions elb = new FakeElbv2.Regions();
    private final ValidateInputHandler handler = new ValidateInputHandler(
            new ApiOrigins(new RegionalClients<>(r -> restApis), new RegionalClients<>(r -> httpApis)),
            new LoadBalancerOrigins(elb.clients),
            new DataPlaneAlarms(new RegionalClients<>(r -> cloudWatch.computeIfAbsent(r, FakeCloudWatch::new))));

    /** Every API id names a REST API with its default endpoint on, and every stage exists. */
    @BeforeEach
    void everyApiExists() {
        when(restApis.getRestApi(any(GetRestApiRequest.class))).thenReturn(GetRestApiResponse.builder().build());
        when(restApis.getStage(any(GetStageRequest.class))).thenReturn(GetStageResponse.builder().build());
    }

    private static ObjectNode example() throws IOException {
        return (ObjectNode) Json.MAPPER.readTree(SampleEvents.example("ValidateInputFunction"));
    }

    private JsonNode run(JsonNode input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(input)), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private InvalidInputException rejected(Consumer<ObjectNode> change) throws IOException {
        ObjectNode input = example();
        change.accept(input);
        return assertThrows(InvalidInputException.class, () -> run(input));
    }

    @Test
    void handleRequest_example_fillsEveryDefault() throws IOException {
        JsonNode out = run(example());

        assertEquals("shop", out.get("app").asText());
        assertEquals(443, out.at("/healthCheck/port").asInt());
        assertEquals("PriceClass_All", out.at("/distribution/priceClass").asText());
        assertEquals(AwsConstants.CACHE_POLICY_CACHING_DISABLED, out.at("/distribution/cachePolicyId").asText());
        assertEquals(AwsConstants.ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST,
                out.at("/distribution/originRequestPolicyId").asText());
        assertEquals("none", out.at("/distribution/geoRestriction/type").asText());
        assertEquals(15, out.at("/timing/certificatePollSeconds").asInt());
        assertEquals(120, out.at("/timing/certificateTimeoutMinutes").asInt());
        assertEquals(false, out.get("takeOverRecords").asBoolean());
        assertEquals(0, out.at("/failover/minDrainSeconds").asInt());
        assertEquals(false, out.at("/failover/dataPlane").asBoolean());
        // A ready alias target keeps its own health-check name and path.
        assertEquals("/prod/health", out.at("/regions/1/origin/healthCheckPath").asText());
    }

    @Test
    void handleRequest_upperCaseNamesWithTrailingDot_normalised() throws IOException {
        ObjectNode input = example();
        input.put("zone", "Example.COM.");
        ((ArrayNode) input.get("aliases")).removeAll().add("WWW.example.com.").add("example.com");
        input.put("originDomain", "API.Example.com");

        JsonNode out = run(input);

        assertEquals("example.com", out.get("zone").asText());
        assertEquals("www.example.com", out.at("/aliases/0").asText());
        assertEquals("api.example.com", out.get("originDomain").asText());
    }

    @Test
    void handleRequest_apexAliasAndDeepOriginInOtherZone_accepted() throws IOException {
        ObjectNode input = example();
        input.put("zone", "shop.example.org");
        ((ArrayNode) input.get("aliases")).removeAll().add("shop.example.org");
        input.put("originDomain", "origin.api.eu.shop.example.org");
        ((ObjectNode) input.at("/regions/0")).put("region", "eu-west-1");

        JsonNode out = run(input);

        assertEquals("origin.api.eu.shop.example.org", out.get("originDomain").asText());
    }

    private static final String WEST_ALB =
            "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/shop-west/50dc6c495c0c9188";

    /** The example with regions[1] (us-west-2) given as {"loadBalancer": balancer}. */
    private static Consumer<ObjectNode> loadBalancer(Consumer<ObjectNode> balancer) {
        return i -> {
            ObjectNode origin = ((ObjectNode) i.at("/regions/1")).putObject("origin");
            balancer.accept(origin.putObject("loadBalancer"));
        };
    }

    @Test
    void handleRequest_loadBalancerByName_existingAlbWithHttpsListener_portDefaultsTo443() throws IOException {
        String arn = elb.in("us-west-2").loadBalancer("shop-west");
        elb.in("us-west-2").listener(arn, ProtocolEnum.HTTPS, 443, "arn:aws:acm:us-west-2:123456789012:certificate/u");
        ObjectNode input = example();
        loadBalancer(b -> b.put("name", "shop-west")).accept(input);

        JsonNode out = run(input);

        assertEquals("shop-west", out.at("/regions/1/origin/loadBalancer/name").asText());
        assertEquals(443, out.at("/regions/1/origin/loadBalancer/listenerPort").asInt());
        assertTrue(out.at("/regions/1/origin/dnsName").isNull(), out.toString());
    }

    @Test
    void handleRequest_albExample_loadBalancerRegionAccepted() throws IOException {
        String arn = elb.in("us-west-2").loadBalancer("shop-west");
        elb.in("us-west-2").listener(arn, ProtocolEnum.HTTPS, 443, "arn:aws:acm:us-west-2:123456789012:certificate/u");

        JsonNode out = run(Json.MAPPER.readTree(SampleEvents.read("ValidateInputFunction-alb.json")));

        assertEquals("shop-west", out.at("/regions/1/origin/loadBalancer/name").asText());
        assertTrue(out.at("/regions/1/origin/healthCheckDomain").isNull(), "the load balancer's DNS name, once found");
    }

    static List<Object[]> badLoadBalancers() {
        return List.of(
                new Object[] {"arn and name", "regions[1].origin.loadBalancer",
                        loadBalancer(b -> b.put("arn", WEST_ALB).put("name", "shop-west"))},
                new Object[] {"neither arn nor name", "regions[1].origin.loadBalancer",
                        loadBalancer(b -> b.put("listenerPort", 443))},
                new Object[] {"ARN from another Region", "regions[1].origin.loadBalancer.arn",
                        loadBalancer(b -> b.put("arn", WEST_ALB.replace("us-west-2", "eu-west-1")))},
                new Object[] {"not an ARN", "regions[1].origin.loadBalancer.arn",
                        loadBalancer(b -> b.put("arn", "shop-west"))},
                new Object[] {"network load balancer ARN", "regions[1].origin.loadBalancer.arn",
                        loadBalancer(b -> b.put("arn", WEST_ALB.replace("/app/", "/net/")))},
                new Object[] {"name too long", "regions[1].origin.loadBalancer.name",
                        loadBalancer(b -> b.put("name", "a".repeat(33)))},
                new Object[] {"name internal-", "regions[1].origin.loadBalancer.name",
                        loadBalancer(b -> b.put("name", "internal-shop"))},
                new Object[] {"port out of range", "regions[1].origin.loadBalancer.listenerPort",
                        loadBalancer(b -> b.put("name", "shop-west").put("listenerPort", 0))},
                new Object[] {"a port CloudFront does not use", "regions[1].origin.loadBalancer.listenerPort",
                        loadBalancer(b -> b.put("name", "shop-west").put("listenerPort", 8443))},
                new Object[] {"no such load balancer", "regions[1].origin.loadBalancer.name",
                        loadBalancer(b -> b.put("name", "nowhere"))},
                new Object[] {"and an apiGateway", "regions[0].origin",
                        (Consumer<ObjectNode>) i -> ((ObjectNode) i.at("/regions/0/origin")).putObject("loadBalancer")
                                .put("name", "shop-east")});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLoadBalancers")
    void handleRequest_badLoadBalancer_namesTheField(String why, String field, Consumer<ObjectNode> change)
            throws IOException {
        ObjectNode input = example();
        change.accept(input);

        ActiveEdgeException e = assertThrows(ActiveEdgeException.class, () -> run(input));

        assertTrue(e.getMessage().startsWith(field + ": "), why + ": " + e.getMessage());
    }

    @Test
    void handleRequest_missingApp_namesApp() throws IOException {
        assertEquals("app", rejected(i -> i.remove("app")).field());
    }

    @Test
    void handleRequest_zoneNotADomain_namesZone() throws IOException {
        InvalidInputException e = rejected(i -> i.put("zone", "example..com"));
        assertEquals("zone", e.field());
        assertTrue(e.getMessage().contains("not a domain name"), e.getMessage());
    }

    @Test
    void handleRequest_aliasOutsideZone_namesAlias() throws IOException {
        InvalidInputException e = rejected(i -> ((ArrayNode) i.get("aliases")).add("www.example.net"));
        assertEquals("aliases[2]", e.field());
        assertTrue(e.getMessage().contains("outside the zone example.com"), e.getMessage());
    }

    @Test
    void handleRequest_lookAlikeSuffix_isOutsideZone() throws IOException {
        assertEquals("originDomain", rejected(i -> i.put("originDomain", "api.notexample.com")).field());
    }

    @Test
    void handleRequest_originDomainIsAnAlias_rejected() throws IOException {
        assertEquals("originDomain", rejected(i -> i.put("originDomain", "www.example.com")).field());
    }

    @Test
    void handleRequest_unknownRegion_namesRegion() throws IOException {
        InvalidInputException e = rejected(i -> ((ObjectNode) i.at("/regions/1")).put("region", "us-west-9"));
        assertEquals("regions[1].region", e.field());
    }

    @Test
    void handleRequest_repeatedRegion_namesSecondOne() throws IOException {
        InvalidInputException e = rejected(i -> ((ObjectNode) i.at("/regions/1")).put("region", "US-EAST-1"));
        assertEquals("regions[1].region", e.field());
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void handleRequest_emptyRegions_namesRegions() throws IOException {
        assertEquals("regions", rejected(i -> i.putArray("regions")).field());
    }

    @ParameterizedTest
    @CsvSource({"health", "'/with space'", "''"})
    void handleRequest_badHealthCheckPath_namesPath(String path) throws IOException {
        assertEquals("healthCheck.path", rejected(i -> ((ObjectNode) i.get("healthCheck")).put("path", path)).field());
    }

    @Test
    void handleRequest_intervalNotOfferedByRoute53_rejected() throws IOException {
        assertEquals("healthCheck.requestIntervalSeconds",
                rejected(i -> ((ObjectNode) i.get("healthCheck")).put("requestIntervalSeconds", 20)).field());
    }

    @Test
    void handleRequest_originWithBothKinds_rejected() throws IOException {
        assertEquals("regions[0].origin",
                rejected(i -> ((ObjectNode) i.at("/regions/0/origin")).put("dnsName", "x.example.net")).field());
    }

    @Test
    void handleRequest_badApiId_namesApiId() throws IOException {
        assertEquals("regions[0].origin.apiGateway.apiId",
                rejected(i -> ((ObjectNode) i.at("/regions/0/origin/apiGateway")).put("apiId", "NOT-AN-ID")).field());
    }

    @Test
    void handleRequest_typoInFieldName_namesTheUnknownField() throws IOException {
        InvalidInputException e = rejected(i -> i.put("alias", "x"));
        assertEquals("alias", e.field());
        assertTrue(e.getMessage().contains("aliases"), e.getMessage());
    }

    @Test
    void handleRequest_wrongType_namesField() throws IOException {
        assertEquals("regions", rejected(i -> i.put("regions", "us-east-1")).field());
    }

    @Test
    void handleRequest_reservedTag_rejected() throws IOException {
        assertEquals("tags.active-edge:app", rejected(i -> i.putObject("tags").put("active-edge:app", "x")).field());
    }

    @Test
    void handleRequest_geoAllowListWithoutCountries_rejected() throws IOException {
        assertEquals("distribution.geoRestriction.countries",
                rejected(i -> i.putObject("distribution").putObject("geoRestriction").put("type", "whitelist")).field());
    }

    @Test
    void handleRequest_httpApiDefaultStage_accepted() throws IOException {
        ObjectNode input = example();
        ((ObjectNode) input.at("/regions/0/origin/apiGateway")).put("stage", "$default");

        assertEquals("$default", run(input).at("/regions/0/origin/apiGateway/stage").asText());
    }

    @Test
    void handleRequest_otherStageWithDollar_rejected() throws IOException {
        assertEquals("regions[0].origin.apiGateway.stage",
                rejected(i -> ((ObjectNode) i.at("/regions/0/origin/apiGateway")).put("stage", "$prod")).field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"cost center #1", "a,b", "x\ty", "quote\"d"})
    void handleRequest_tagValueOutsideAwsCharacters_namesTheTag(String value) throws IOException {
        InvalidInputException e = rejected(i -> i.putObject("tags").put("team", value));

        assertEquals("tags.team", e.field());
    }

    @Test
    void handleRequest_tagValueWithAllowedCharacters_accepted() throws IOException {
        ObjectNode input = example();
        input.putObject("tags").put("owner", "Zoë Ops: team=edge/api +1 @oncall_2");

        assertEquals("Zoë Ops: team=edge/api +1 @oncall_2", run(input).at("/tags/owner").asText());
    }

    @Test
    void handleRequest_negativeMinDrainSeconds_namesTheField() throws IOException {
        assertEquals("failover.minDrainSeconds",
                rejected(i -> i.putObject("failover").put("minDrainSeconds", -1)).field());
    }

    @Test
    void handleRequest_failoverGiven_keepsIt() throws IOException {
        cloudWatch.computeIfAbsent("us-east-1", FakeCloudWatch::new).add("shop-us-east-1-5xx", false, StateValue.OK);
        cloudWatch.computeIfAbsent("us-west-2", FakeCloudWatch::new).add("shop-us-west-2-5xx", false, StateValue.OK);
        ObjectNode input = example();
        input.putObject("failover").put("minDrainSeconds", 300).put("dataPlane", true);

        JsonNode out = run(input);

        assertEquals(300, out.at("/failover/minDrainSeconds").asInt());
        assertEquals(true, out.at("/failover/dataPlane").asBoolean());
    }

    @Test
    void handleRequest_tagValueOver256_namesTheTag() throws IOException {
        assertEquals("tags.team", rejected(i -> i.putObject("tags").put("team", "x".repeat(257))).field());
    }

    @Test
    void handleRequest_pollsThatWouldPassTheHistoryLimit_namesThePollToRaise() throws IOException {
        InvalidInputException e = rejected(i -> i.putObject("timing").put("certificatePollSeconds", 1)
                .put("certificateTimeoutMinutes", 4320));

        assertEquals("timing.certificatePollSeconds", e.field());
        assertTrue(e.getMessage().contains("25000 history events"), e.getMessage());
        int suggested = Integer.parseInt(e.getMessage().replaceAll(".*Poll every (\\d+) s or more.*", "$1"));
        ObjectNode input = example();
        input.putObject("timing").put("certificatePollSeconds", suggested).put("certificateTimeoutMinutes", 4320);
        assertEquals(suggested, run(input).at("/timing/certificatePollSeconds").asInt(), "the suggested poll fits");
    }

    @Test
    void handleRequest_distributionPollsTooFrequent_namesDistributionPoll() throws IOException {
        assertEquals("timing.distributionPollSeconds", rejected(i -> i.putObject("timing")
                .put("distributionPollSeconds", 1).put("distributionTimeoutMinutes", 600)).field());
    }

    @Test
    void handleRequest_threeDayCertificateWaitPolledEveryFiveMinutes_fitsTheHistoryLimit() throws IOException {
        ObjectNode input = example();
        input.putObject("timing").put("certificatePollSeconds", 300).put("certificateTimeoutMinutes", 4320)
                .put("distributionPollSeconds", 60).put("distributionTimeoutMinutes", 600);

        assertEquals(4320, run(input).at("/timing/certificateTimeoutMinutes").asInt());
    }

    @Test
    void handleRequest_apiWithExecuteApiEndpointDisabled_namesTheApiBeforeAnythingIsCreated() throws IOException {
        when(restApis.getRestApi(any(GetRestApiRequest.class)))
                .thenReturn(GetRestApiResponse.builder().id("a1b2c3d4e5").disableExecuteApiEndpoint(true).build());

        InvalidInputException e = rejected(i -> { });

        assertEquals("regions[0].origin.apiGateway.apiId", e.field());
        assertTrue(e.getMessage().contains("disableExecuteApiEndpoint"), e.getMessage());
    }

    @Test
    void handleRequest_webAclThatIsNotAGlobalWafArn_namesWebAclId() throws IOException {
        assertEquals("distribution.webAclId", rejected(i -> i.putObject("distribution")
                .put("webAclId", "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/edge/"
                        + "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111")).field());
    }

    @Test
    void handleRequest_globalWafArn_accepted() throws IOException {
        ObjectNode input = example();
        String arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/edge/a1b2c3d4-5678-90ab-cdef-000000000001";
        input.putObject("distribution").put("webAclId", arn);

        assertEquals(arn, run(input).at("/distribution/webAclId").asText());
    }

    @Test
    void handleRequest_notJson_namesInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> handler.handleRequest(
                new ByteArrayInputStream("{\"app\":".getBytes()), new ByteArrayOutputStream(), null));
        assertEquals("input", e.field());
    }

    @Test
    void handleRequest_dataPlane_metricMathAlarm_refusedNamingTheAlarm() throws IOException {
        FakeCloudWatch west = cloudWatch.computeIfAbsent("us-west-2", FakeCloudWatch::new);
        west.add("shop-us-west-2-5xx", false, StateValue.OK);
        west.add("shop-us-west-2-errors-ratio", false, StateValue.OK);
        west.shapes.put("shop-us-west-2-errors-ratio", a -> a.metricName(null).namespace(null).statistic((String) null)
                .metrics(MetricDataQuery.builder().id("ratio").expression("m1/m2").returnData(true).build()));
        cloudWatch.computeIfAbsent("us-east-1", FakeCloudWatch::new).add("shop-us-east-1-5xx", false, StateValue.OK);

        InvalidInputException e = rejected(input -> {
            input.putObject("failover").put("dataPlane", true);
            ((ArrayNode) input.at("/regions/0/alarms")).removeAll().add("shop-us-east-1-5xx");
            ((ArrayNode) input.at("/regions/1/alarms")).removeAll().add("shop-us-west-2-5xx")
                    .add("shop-us-west-2-errors-ratio");
        });

        assertEquals("regions[1].alarms[1]", e.field());
        assertTrue(e.getMessage().contains("metric math"), e.getMessage());
    }

    @Test
    void handleRequest_dataPlaneOff_readsNoAlarm() throws IOException {
        ObjectNode input = example();
        ((ArrayNode) input.at("/regions/0/alarms")).removeAll().add("no-such-alarm");

        run(input);

        assertTrue(cloudWatch.isEmpty(), "no CloudWatch client was asked for");
    }
}
