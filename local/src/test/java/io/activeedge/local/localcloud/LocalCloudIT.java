package io.activeedge.local.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import io.activeedge.local.target.ExecutionWatcher;
import io.activeedge.local.target.WorkflowRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.Route53Exception;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The fixture template's state machine, run by moto against the fixture handlers in this JVM. */
class LocalCloudIT {

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final String INPUT = "{\"regions\": [{\"region\": \"us-east-1\"}, {\"region\": \"us-west-2\"}]}";

    private static LocalCloud cloud;
    private static SfnClient sfn;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.start(TemplateTest.fixture(), 0, Path.of("target", "local-cloud-it"), System.out);
        sfn = LocalClients.sfn(cloud.endpoint());
    }

    @AfterAll
    static void stop() {
        if (sfn != null) {
            sfn.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void startExecution_twiceInARow_bothSucceedOnOneWarmHandler() throws IOException {
        DescribeExecutionResponse first = run(INPUT, null);
        DescribeExecutionResponse second = run(INPUT, null);

        assertEquals(ExecutionStatus.SUCCEEDED, first.status(), first.toString());
        assertEquals(ExecutionStatus.SUCCEEDED, second.status(), second.toString());
        JsonNode output = JSON.readTree(second.output());
        assertTrue(output.path("result").path("echo").path("invocations").asInt()
                > JSON.readTree(first.output()).path("result").path("echo").path("invocations").asInt(), second.output());
        assertEquals("us-west-2", output.path("regions").path(1).path("region").asText(), second.output());
        assertEquals(0, output.path("regions").path(1).path("certificates").asInt(-1), second.output());
    }

    @Test
    void startExecution_handlerThrows_failsWithTheExceptionClassAsErrorName() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        DescribeExecutionResponse execution = run("{\"fail\": true, \"reason\": \"the test said so\", \"regions\": []}",
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals("io.activeedge.local.fixture.FixtureFailedException", execution.error());
        assertEquals("asked to fail: the test said so", WorkflowRun.causeMessage(execution.cause()));
        String progress = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("Echo failed: io.activeedge.local.fixture.FixtureFailedException"), progress);
    }

    @Test
    void startExecution_handlerCallsAws_reachesMotoAndIsCounted() {
        long before = ApiCallCounter.snapshot().getOrDefault("Acm", 0L);

        DescribeExecutionResponse execution = run(INPUT, null);

        assertEquals(ExecutionStatus.SUCCEEDED, execution.status(), execution.toString());
        Map<String, Long> after = ApiCallCounter.snapshot();
        assertEquals(before + 2, after.get("Acm"), after.toString());
        assertFalse(after.containsKey("Sfn"), "the local cloud's own calls are not counted: " + after);
    }

    @Test
    void watcher_execution_printsEachStateWithItsRegion() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        run(INPUT, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String progress = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("✓ Echo ("), progress);
        assertTrue(progress.contains("▸ CountCertificates [us-west-2]"), progress);
        assertTrue(progress.contains("✓ CountCertificates [us-west-2] ("), progress);
        assertTrue(progress.contains("✓ PerRegion ("), progress);
    }

    @Test
    void standInApis_missingRestApi_isCreatedWithItsIdAndStageOnce() throws IOException {
        JsonNode input = JSON.readTree("""
                {"app": "shop", "regions": [
                  {"region": "us-west-2", "origin": {"apiGateway": {"apiId": "a1b2c3d4e5", "stage": "prod"}}},
                  {"region": "eu-west-1", "origin": {"dnsName": "origin.example.com"}}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandIns standIns = new StandIns(cloud.endpoint(), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        standIns.ensure(input);
        standIns.ensure(input);

        try (ApiGatewayClient apiGateway = LocalClients.apiGateway(cloud.endpoint(), "us-west-2")) {
            assertEquals("prod", apiGateway.getStage(r -> r.restApiId("a1b2c3d4e5").stageName("prod")).stageName());
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, printed.lines().count(), printed);
        assertTrue(printed.contains("stand-in REST API a1b2c3d4e5 (stage prod) in us-west-2"), printed);
    }

    @Test
    void route53_calculatedCheckMonitoringACalculatedCheck_isRefusedWithInvalidInput() {
        try (Route53Client route53 = LocalClients.route53(cloud.endpoint())) {
            String endpoint = route53.createHealthCheck(r -> r.callerReference("it-endpoint-" + UUID.randomUUID())
                    .healthCheckConfig(c -> c.type(HealthCheckType.TCP).fullyQualifiedDomainName("example.com")
                            .port(443))).healthCheck().id();
            String calculated = route53.createHealthCheck(r -> r.callerReference("it-calc-" + UUID.randomUUID())
                    .healthCheckConfig(c -> c.type(HealthCheckType.CALCULATED).healthThreshold(1)
                            .childHealthChecks(endpoint))).healthCheck().id();

            Route53Exception created = assertThrows(Route53Exception.class, () -> route53.createHealthCheck(r -> r
                    .callerReference("it-outer-" + UUID.randomUUID()).healthCheckConfig(c -> c
                            .type(HealthCheckType.CALCULATED).healthThreshold(1).childHealthChecks(calculated))));
            Route53Exception updated = assertThrows(Route53Exception.class, () -> route53.updateHealthCheck(r -> r
                    .healthCheckId(calculated).childHealthChecks(endpoint, calculated)));

            assertEquals("InvalidInput", created.awsErrorDetails().errorCode());
            assertEquals("InvalidInput", updated.awsErrorDetails().errorCode());
            assertEquals(List.of(endpoint), route53.getHealthCheck(r -> r.healthCheckId(calculated)).healthCheck()
                    .healthCheckConfig().childHealthChecks());
        }
    }

    private static DescribeExecutionResponse run(String input, PrintStream progress) {
        String arn = sfn.startExecution(r -> r.stateMachineArn(cloud.stateMachineArn("FixtureStateMachine"))
                .name("it-" + UUID.randomUUID()).input(input)).executionArn();
        return new ExecutionWatcher(sfn, progress, Duration.ofMillis(200)).await(arn, Duration.ofMinutes(2));
    }
}
