package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Json;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.TransientNetworkException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.provisioning.AlarmMarksResult;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.RegionState;
import io.activeedge.provisioning.Run;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class MarkAlarmsHandlerTest {
    /** The per-Region state when MarkAlarms runs: app {@code app} in us-east-1, its switch {@code switchId}. */
    private static RegionState state(String app, List<String> alarms, String switchId) {
        RegionSpec region = new RegionSpec("us-east-1",
                new OriginSpec(new OriginSpec.ApiGatewayOrigin("a1b2c3d4e5", "prod"), null, null, null, null), alarms);
        AppSpec input = new AppSpec(app, "example.com", null, List.of("example.com"), "api.example.com",
                List.of(region), null, null, null, Map.of(), false, null);
        return new RegionState(input, new Run("run-1", Instant.parse("2026-01-01T00:00:00Z")), region, null, null,
                null, new RegionHealthChecksResult("us-east-1", "endpoint-id", switchId, "gate-id", List.of()), null,
                null);
    }

    @Test
    void handleRequest_realClientsAndNoAlarms_answersWithoutReachingAws() throws Exception {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: any call would fail.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] state = Json.MAPPER.writeValueAsBytes(state("shop", List.of(), "switch-id"));

        new MarkAlarmsHandler().handleRequest(new ByteArrayInputStream(state), out, null);

        assertThat(Json.MAPPER.readValue(out.toByteArray(), AlarmMarksResult.class))
                .isEqualTo(new AlarmMarksResult("us-east-1", List.of()));
    }

    @Test
    void handleRequest_awsUnreachable_failsWithTransientNetworkErrorForTheWorkflowToRetry() throws Exception {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: the real client's call is refused, as on a network fault.
        byte[] state = Json.MAPPER.writeValueAsBytes(state("shop", List.of("shop-us-east-1-5xx"),
                "switch-id"));

        assertThatThrownBy(() -> new MarkAlarmsHandler().handleRequest(new ByteArrayInputStream(state),
                new ByteArrayOutputStream(), null))
                .isInstanceOf(TransientNetworkException.class)
                .hasCauseInstanceOf(SdkClientException.class);
    }

    @Test
    void handleRequest_sampleEvent_marksTheRegionsAlarmWithItsSwitch() throws Exception {
        byte[] event = SampleEvents.example("MarkAlarmsFunction");
        FakeCloudWatch cloudWatch = new FakeCloudWatch("us-east-1");
        String arn = cloudWatch.add("shop-us-east-1-5xx", false, StateValue.OK);
        io.activeedge.testing.FakeRoute53 route53 = new io.activeedge.testing.FakeRoute53("Z1");
        String gateId = Json.MAPPER.readTree(event).path("healthChecks").path("gateId").asText();
        route53.checks.put(gateId, software.amazon.awssdk.services.route53.model.HealthCheck.builder().id(gateId)
                .healthCheckVersion(1L).build());
        MarkAlarmsHandler handler = new MarkAlarmsHandler(
                new AlarmMarker(new RegionalClients<CloudWatchClient>(r -> cloudWatch), route53));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);

        AlarmMarksResult marks = Json.MAPPER.readValue(out.toByteArray(), AlarmMarksResult.class);
        String switchId = Json.MAPPER.readTree(event).path("healthChecks").path("switchId").asText();
        assertThat(marks.region()).isEqualTo("us-east-1");
        assertThat(marks.alarmArns()).containsExactly(arn);
        assertThat(cloudWatch.tags.get(arn)).containsEntry(Tags.APP, "shop").containsEntry(Tags.REGION, "us-east-1")
                .containsEntry(FailoverTags.SWITCH, switchId);
        String zone = Json.MAPPER.readTree(event).path("zone").path("id").asText();
        assertThat(route53.tags.get(gateId)).containsEntry(FailoverTags.RECORDS, zone + " api.example.com");
    }
}
