package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.local.target.WorkflowRun;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.StandIns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Tags;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * A second provisioning after the input or the account changed, through the functions' own clients: API Gateway's
 * updates are PATCH requests (UpdateDomainName, UpdateBasePathMapping, UpdateApiMapping), which the local cloud
 * serves and the URL-connection HTTP client cannot send; a new certificate is first not found and then has no
 * validation record for a while, as ACM's is.
 */
class OriginUpdatesIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String EAST = "us-east-1";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("origin-updates-it");

    @Test
    void provision_restApiStageAndOriginCertificateChanged_patchesTheMappingAndTheCustomDomain() {
        ObjectNode input = TestApps.input("patched", List.of(EAST, "us-west-2"));
        String apiId = input.at("/regions/0/origin/apiGateway/apiId").asText();
        String domain = input.path("originDomain").asText();
        JsonNode first = provision(input);
        String oldCertificate = originCertificate(first);
        try (ApiGatewayClient apiGateway = LocalClients.apiGateway(LOCAL.cloud().endpoint(), EAST);
             AcmClient acm = LocalClients.acm(LOCAL.cloud().endpoint(), EAST)) {
            apiGateway.createDeployment(r -> r.restApiId(apiId).stageName("next"));
            // The certificate is no longer the app's (as if replaced): the next run requests a new one.
            acm.removeTagsFromCertificate(r -> r.certificateArn(oldCertificate)
                    .tags(t -> t.key(Tags.APP).value("patched")));
            ((ObjectNode) input.at("/regions/0/origin/apiGateway")).put("stage", "next");

            JsonNode second = provision(input);

            String newCertificate = originCertificate(second);
            assertThat(newCertificate).isNotEqualTo(oldCertificate);
            assertThat(apiGateway.getDomainName(r -> r.domainName(domain)).regionalCertificateArn())
                    .as("UpdateDomainName").isEqualTo(newCertificate);
            assertThat(apiGateway.getBasePathMapping(r -> r.domainName(domain).basePath("(none)")).stage())
                    .as("UpdateBasePathMapping").isEqualTo("next");
        }
    }

    @Test
    void provision_httpApiStageChanged_patchesTheApiMapping() {
        ObjectNode input = TestApps.input("mapped", List.of(EAST, "us-west-2"));
        String domain = input.path("originDomain").asText();
        String apiId = "h77papi001";
        try (ApiGatewayV2Client http = LocalClients.apiGatewayV2(LOCAL.cloud().endpoint(), EAST)) {
            http.createApi(r -> r.name("mapped").protocolType(ProtocolType.HTTP)
                    .tags(Map.of(StandIns.CUSTOM_ID_TAG, apiId)));
            http.createStage(r -> r.apiId(apiId).stageName("live"));
            http.createStage(r -> r.apiId(apiId).stageName("next"));
            ((ObjectNode) input.at("/regions/0/origin/apiGateway")).put("apiId", apiId);
            provision(input);
            ((ObjectNode) input.at("/regions/0/origin/apiGateway")).put("stage", "next");

            provision(input);

            assertThat(http.getApiMappings(r -> r.domainName(domain)).items()).singleElement()
                    .satisfies(m -> assertThat(m.apiId()).isEqualTo(apiId))
                    .satisfies(m -> assertThat(m.stage()).as("UpdateApiMapping").isEqualTo("next"));
        }
    }

    private static String originCertificate(JsonNode output) {
        for (JsonNode certificate : output.at("/certificates/items")) {
            if (certificate.path("role").asText().equals(Tags.ROLE_ORIGIN_CERTIFICATE)
                    && certificate.path("region").asText().equals(EAST)) {
                return certificate.path("arn").asText();
            }
        }
        throw new AssertionError("no origin certificate in " + EAST + ": " + output);
    }

    private static JsonNode provision(ObjectNode input) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8)) {
            WorkflowRun.Result result = new WorkflowRun(LOCAL.session(), out).run(Workflow.PROVISION, input,
                    "test input", TIMEOUT);
            System.out.print(progress.toString(StandardCharsets.UTF_8));
            assertThat(result.succeeded()).as(result.error() + ": " + result.cause()).isTrue();
            return result.output();
        }
    }
}
