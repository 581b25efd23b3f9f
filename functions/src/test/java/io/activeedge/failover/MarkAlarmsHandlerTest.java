package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Json;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.TransientNetworkException;
import io.activeedge.provisioning.AlarmMarksResult;
import io.activeedge.testing.FakeCloudWatch;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class MarkAlarmsHandlerTest {
    @Test
    void handleRequest_realClientsAndNoAlarms_answersWithoutReachingAws() throws Exception {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: any call would fail.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] state = Json.MAPPER.writeValueAsBytes(AlarmMarkerTest.state("shop", List.of(), "switch-id"));

        new MarkAlarmsHandler().handleRequest(new ByteArrayInputStream(state), out, null);

        assertThat(Json.MAPPER.readValue(out.toByteArray(), AlarmMarksResult.class))
                .isEqualTo(new AlarmMarksResult("us-east-1", List.of()));
    }

    @Test
    void handleRequest_awsUnreachable_failsWithTransientNetworkErrorForTheWorkflowToRetry() throws Exception {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: the real client's call is refused, as on a network fault.
        byte[] state = Json.MAPPER.writeValueAsBytes(AlarmMarkerTest.state("shop", List.of("shop-us-east-1-5xx"),
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
        MarkAlarmsHandler handler = new MarkAlarmsHandler(
                new AlarmMarker(new RegionalClients<CloudWatchClient>(r -> cloudWatch)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);

        AlarmMarksResult marks = Json.MAPPER.readValue(out.toByteArray(), AlarmMarksResult.class);
        String switchId = Json.MAPPER.readTree(event).path("healthChecks").path("switchId").asText();
        assertThat(marks.region()).isEqualTo("us-east-1");
        assertThat(marks.alarmArns()).containsExactly(arn);
        assertThat(cloudWatch.tags.get(arn)).containsEntry(Tags.APP, "shop").containsEntry(Tags.REGION, "us-east-1")
                .containsEntry(FailoverTags.SWITCH, switchId);
    }
}
