package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Json;
import io.activeedge.errors.ThrottledException;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.testing.ExampleApp.Provisioned;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FailoverHandlerTest {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    private static FailoverDecision invoke(FailoverHandler handler, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(in, out, null);
        return Json.MAPPER.readValue(out.toByteArray(), FailoverDecision.class);
    }

    private static FailoverDecision invoke(FailoverHandler handler, String json) throws IOException {
        return invoke(handler, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void handleRequest_eventBridgeAlarm_drainsOnlyThatRegionsSwitch() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = new FailoverHandler(shop.regionSwitch());

        FailoverDecision decision = invoke(handler,
                AlarmEventTest.EVENTBRIDGE.formatted("ALARM", "2026-11-24T01:02:03.456+0000"));

        assertThat(decision.action()).isEqualTo("DRAINED");
        assertThat(decision.region()).isEqualTo(EAST);
        RegionHealthChecksResult east = shop.regions.get(EAST);
        assertThat(shop.route53.inverted(east.switchId())).isTrue();
        assertThat(shop.route53.inverted(east.endpointId())).isFalse();
        assertThat(shop.route53.inverted(east.gateId())).isFalse();
        assertThat(shop.route53.inverted(shop.switchOf(WEST))).isFalse();
    }

    /**
     * Route 53 still throttles after the client's own retries (an in-memory fake stands for the client): the
     * function fails with the named error, so that Lambda's asynchronous retry delivers the event again.
     */
    @Test
    void handleRequest_throttledBeyondTheClientsRetries_failsWithThrottledException() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.route53.failNext("UpdateHealthCheck", FakeRoute53.error("Throttling", 400));
        FailoverHandler handler = new FailoverHandler(shop.regionSwitch());

        assertThatThrownBy(() -> invoke(handler,
                AlarmEventTest.EVENTBRIDGE.formatted("ALARM", "2026-11-24T01:02:03.456+0000")))
                .isInstanceOf(ThrottledException.class).hasMessageStartingWith("Throttling");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    @Test
    void handleRequest_directAlarmAction_drainsOnlyThatRegionsSwitch() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = new FailoverHandler(shop.regionSwitch());

        FailoverDecision decision = invoke(handler,
                AlarmEventTest.DIRECT.formatted("ALARM", "2026-11-24T01:02:03.456+0000"));

        assertThat(decision.action()).isEqualTo("DRAINED");
        RegionHealthChecksResult east = shop.regions.get(EAST);
        assertThat(shop.route53.inverted(east.switchId())).isTrue();
        assertThat(shop.route53.inverted(east.endpointId())).isFalse();
        assertThat(shop.route53.inverted(east.gateId())).isFalse();
        assertThat(shop.route53.inverted(shop.switchOf(WEST))).isFalse();
    }

    @Test
    void handleRequest_sampleEvents_drainThenRestoreInBothShapes() throws IOException {
        for (String shape : new String[] {"eventbridge", "direct"}) {
            Provisioned shop = new Provisioned(EAST, WEST);
            FailoverHandler handler = new FailoverHandler(shop.regionSwitch());

            FailoverDecision drained = invoke(handler, SampleEvents.open("FailoverFunction-alarm-" + shape + ".json"));
            FailoverDecision restored = invoke(handler, SampleEvents.open("FailoverFunction-ok-" + shape + ".json"));

            assertThat(drained.action()).as(shape).isEqualTo("DRAINED");
            assertThat(drained.alarm()).as(shape).isEqualTo("shop-us-east-1-5xx");
            assertThat(restored.action()).as(shape).isEqualTo("RESTORED");
            assertThat(shop.route53.inverted(shop.switchOf(EAST))).as(shape).isFalse();
        }
    }

    @Test
    void handleRequest_realClientsAndInsufficientData_answersWithoutReachingAws() throws IOException {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: any call would fail.
        FailoverDecision decision = invoke(new FailoverHandler(),
                AlarmEventTest.EVENTBRIDGE.formatted("INSUFFICIENT_DATA", "2026-11-24T01:02:03.456+0000"));

        assertThat(decision.action()).isEqualTo("IGNORED");
    }

    @Test
    void handleRequest_decision_writesEveryFieldForTheCaller() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new FailoverHandler(shop.regionSwitch()).handleRequest(new ByteArrayInputStream(
                AlarmEventTest.DIRECT.formatted("INSUFFICIENT_DATA", "2026-11-24T01:02:03.456+0000")
                        .getBytes(StandardCharsets.UTF_8)), out, null);

        assertThat(Json.MAPPER.readTree(out.toByteArray()).fieldNames()).toIterable().containsExactly(
                "alarm", "app", "region", "switchId", "before", "after", "action", "reason");
        assertThat(shop.route53.calls).isEmpty();
    }
}
