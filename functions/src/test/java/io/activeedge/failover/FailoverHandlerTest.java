package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.errors.ThrottledException;
import io.activeedge.testing.ExampleApp.Provisioned;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The failover function end to end over in-memory AWS (the fakes of io.activeedge.testing): every kind of event it
 * reads, reconciling an application's switches to its alarms' current state, holds and the guard.
 */
class FailoverHandlerTest {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    private static final String T1 = "2026-11-24T01:02:03.456+0000";
    private static final String T2 = "2026-11-24T01:05:00.000+0000";

    private static String eventBridge(String state, String timestamp) {
        return FailoverEventTest.EVENTBRIDGE.formatted(state, timestamp);
    }

    private static FailoverResult invoke(FailoverHandler handler, InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(in, out, null);
        return Json.MAPPER.readValue(out.toByteArray(), FailoverResult.class);
    }

    private static FailoverResult invoke(FailoverHandler handler, String json) throws IOException {
        return invoke(handler, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static FailoverHandler handler(Provisioned shop) {
        return new FailoverHandler(shop.reconciler(), shop.clock);
    }

    private static FailoverDecision decision(FailoverResult result, String region) {
        return result.decisions().stream().filter(d -> region.equals(d.region())).findFirst().orElseThrow();
    }

    private static String scheduled() {
        return """
                {"version": "0", "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", "detail-type": "Scheduled Event",
                 "source": "aws.events", "account": "123456789012", "time": "2026-11-24T01:10:00Z",
                 "region": "us-east-1", "resources": ["arn:aws:events:us-east-1:123456789012:rule/failover"],
                 "detail": {}}
                """;
    }

    private static String operator(String action, String region, boolean force) {
        return """
                {"operator": {"action": "%s", "app": "shop", "region": "%s", "reason": "patching",
                 "force": %s, "by": "alice"}}
                """.formatted(action, region, force);
    }

    @Test
    void handleRequest_eventBridgeAlarm_drainsOnlyThatRegionsSwitch() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("DRAINED");
        assertThat(decision(result, EAST).alarm()).isEqualTo("shop-us-east-1-5xx");
        assertThat(decision(result, WEST).action()).isEqualTo("UNCHANGED");
        var east = shop.regions.get(EAST);
        assertThat(shop.route53.inverted(east.switchId())).isTrue();
        assertThat(shop.route53.inverted(east.endpointId())).isFalse();
        assertThat(shop.route53.inverted(east.gateId())).isFalse();
        assertThat(shop.route53.inverted(shop.switchOf(WEST))).isFalse();
        assertThat(shop.route53.tags.get(east.switchId()))
                .containsEntry(FailoverTags.CHANGED_BY, "alarm:shop-us-east-1-5xx");
        assertThat(shop.metrics.counted).containsExactly("Drained shop us-east-1");
    }

    @Test
    void handleRequest_eventNewerThanDescribeAlarms_counts() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("DRAINED");
    }

    /** Sequence 1: a newer OK of one alarm does not hide an older ALARM of another of the same Region. */
    @Test
    void handleRequest_newerOkOfAnotherAlarm_keepsTheRegionDrained() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        String latency = "shop-us-east-1-latency";
        shop.mark(EAST, shop.cloudWatch(EAST).add(latency, false, StateValue.OK), shop.switchOf(EAST));
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        shop.alarmState(EAST, latency, StateValue.OK, "2026-11-24T01:05:00Z");

        String okOfLatency = eventBridge("OK", T2).replace("shop-us-east-1-5xx", latency);
        FailoverResult result = invoke(handler(shop), okOfLatency);

        assertThat(decision(result, EAST).after()).isEqualTo("drained");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
    }

    /** Sequence 2: a late OK does not restore a Region whose alarm is in ALARM again. */
    @Test
    void handleRequest_lateOk_doesNotRestoreWhileTheAlarmFires() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:05:00Z");
        invoke(handler(shop), eventBridge("ALARM", T2));

        FailoverResult late = invoke(handler(shop), eventBridge("OK", T1));

        assertThat(decision(late, EAST).action()).isEqualTo("UNCHANGED");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
    }

    /** Sequence 5: a refused drain happens at the next scheduled run once another Region serves again. */
    @Test
    void handleRequest_scheduledRun_drainsWhatWasRefusedOnceAnotherRegionServes() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(WEST, Provisioned.alarm(WEST), StateValue.ALARM, "2026-11-24T01:00:00Z");
        invoke(handler(shop), scheduled());
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        FailoverResult refused = invoke(handler(shop), eventBridge("ALARM", T1));
        assertThat(decision(refused, EAST).action()).isEqualTo("REFUSED");
        assertThat(decision(refused, EAST).reason()).contains(WEST + " is drained");

        shop.alarmState(WEST, Provisioned.alarm(WEST), StateValue.OK, "2026-11-24T01:06:00Z");
        FailoverResult run = invoke(handler(shop), scheduled());

        assertThat(decision(run, WEST).action()).isEqualTo("RESTORED");
        assertThat(decision(run, EAST).action()).isEqualTo("DRAINED");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
        assertThat(shop.route53.inverted(shop.switchOf(WEST))).isFalse();
    }

    /** Sequence 6: an OK does not undo an operator's hold; release does. */
    @Test
    void handleRequest_hold_survivesOkAndScheduledRuns_releaseRestores() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = handler(shop);

        FailoverResult held = invoke(handler, operator("hold", EAST, false));
        assertThat(decision(held, EAST).action()).isEqualTo("HELD");
        assertThat(shop.route53.tags.get(shop.regions.get(EAST).gateId()).get(FailoverTags.HOLD))
                .endsWith(" alice patching");

        invoke(handler, eventBridge("OK", T2));
        invoke(handler, scheduled());
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();

        FailoverResult released = invoke(handler, operator("release", EAST, false));
        assertThat(decision(released, EAST).action()).isEqualTo("RELEASED");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
        assertThat(shop.route53.tags.get(shop.regions.get(EAST).gateId())).doesNotContainKey(FailoverTags.HOLD);
        assertThat(shop.metrics.of(FailoverMetrics.HELD)).isEqualTo(1);
    }

    @Test
    void handleRequest_holdOfTheLastServingRegion_refusedUnlessForced() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = handler(shop);
        invoke(handler, operator("hold", WEST, false));

        FailoverResult refused = invoke(handler, operator("hold", EAST, false));
        assertThat(decision(refused, EAST).action()).isEqualTo("REFUSED");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();

        FailoverResult forced = invoke(handler, operator("hold", EAST, true));
        assertThat(decision(forced, EAST).action()).isEqualTo("HELD");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();
    }

    @Test
    void handleRequest_operatorWithoutRegion_namesTheField() {
        Provisioned shop = new Provisioned(EAST, WEST);

        assertThatThrownBy(() -> invoke(handler(shop), "{\"operator\": {\"action\": \"hold\", \"app\": \"shop\"}}"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("operator.region"));
        assertThat(shop.route53.updates).isEmpty();
    }

    /** A scheduled run goes on past an application that fails, then fails itself, so that its alarm sees it. */
    @Test
    void handleRequest_scheduledRunWithOneFailingApp_reconcilesTheOthersThenFails() {
        Provisioned shop = new Provisioned(EAST, WEST);
        var blog = shop.addApp("blog", EAST, WEST);
        shop.alarmState(WEST, Provisioned.alarm(WEST), StateValue.ALARM, "2026-11-24T01:00:00Z");
        shop.alarmState(WEST, "blog-us-west-2-5xx", StateValue.ALARM, "2026-11-24T01:00:00Z");
        shop.route53.failNext("GetHealthCheckStatus", FakeRoute53.error("ServiceUnavailable", 503));

        assertThatThrownBy(() -> invoke(handler(shop), scheduled()))
                .isInstanceOf(io.activeedge.errors.AwsServerErrorException.class);

        boolean shopDrained = shop.route53.inverted(shop.switchOf(WEST));
        boolean blogDrained = shop.route53.inverted(blog.get(WEST).switchId());
        assertThat(shopDrained ^ blogDrained).as("the application after the failing one was reconciled").isTrue();
        assertThat(shop.metrics.of(FailoverMetrics.FAILED)).isEqualTo(1);
    }

    /** Sequence 7: an alarm whose tags are removed stops acting within a minute, though the container is warm. */
    @Test
    void handleRequest_alarmUnmarkedWhileWarm_stopsActingWithinAMinute() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = handler(shop);
        invoke(handler, scheduled());
        shop.cloudWatch(EAST).tags.get(shop.cloudWatch(EAST).arn(Provisioned.alarm(EAST))).remove(Tags.APP);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");

        shop.clock.advance(Duration.ofSeconds(55));
        FailoverResult result = invoke(handler, eventBridge("ALARM", T1));

        assertThat(result.decisions()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo("IGNORED");
            assertThat(d.reason()).contains("no application marks this alarm");
        });
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    /** Noise: an alarm no application marks is dropped without a Route 53 call while the index is fresh. */
    @Test
    void handleRequest_unmarkedAlarmStorm_costsNoRoute53Call() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = handler(shop);
        shop.cloudWatch(EAST).add("someone-elses", false, StateValue.ALARM);
        invoke(handler, scheduled());
        shop.route53.calls.clear();

        for (int i = 0; i < 50; i++) {
            FailoverResult result = invoke(handler, eventBridge("ALARM", T1).replace("shop-us-east-1-5xx",
                    "someone-elses"));
            assertThat(result.decisions()).singleElement().extracting(FailoverDecision::action).isEqualTo("IGNORED");
        }

        assertThat(shop.route53.calls).isEmpty();
        assertThat(shop.cloudWatch(EAST).tagsRead).as("one look at the unknown alarm's own tags").hasSize(1);
    }

    @Test
    void handleRequest_alarmMarkedAfterTheIndexWasRead_actsAtItsFirstEvent() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        FailoverHandler handler = handler(shop);
        invoke(handler, scheduled());
        String latency = "shop-us-east-1-latency";
        shop.mark(EAST, shop.cloudWatch(EAST).add(latency, false, StateValue.OK), shop.switchOf(EAST));
        shop.alarmState(EAST, latency, StateValue.ALARM, "2026-11-24T01:02:03.456Z");

        FailoverResult result = invoke(handler, eventBridge("ALARM", T1).replace("shop-us-east-1-5xx", latency));

        assertThat(decision(result, EAST).action()).isEqualTo("DRAINED");
    }

    @Test
    void handleRequest_alarmOfAnotherAccount_isDropped() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler(shop).handleRequest(new ByteArrayInputStream(eventBridge("ALARM", T1)
                .getBytes(StandardCharsets.UTF_8)), out, io.activeedge.testing.FakeLambdaContext.inAccount("999999999999"));

        FailoverResult result = Json.MAPPER.readValue(out.toByteArray(), FailoverResult.class);
        assertThat(result.decisions()).singleElement().satisfies(d -> assertThat(d.reason())
                .contains("account 123456789012"));
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    @Test
    void handleRequest_flapDamping_restoresOnlyAfterMinDrainSeconds() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.minDrainSeconds(300);
        FailoverHandler handler = handler(shop);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:00:00Z");
        invoke(handler, scheduled());
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.OK, "2026-11-24T01:01:00Z");

        shop.clock.advance(Duration.ofSeconds(120));
        invoke(handler, scheduled());
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isTrue();

        shop.clock.advance(Duration.ofSeconds(200));
        invoke(handler, scheduled());
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    /** The guard follows Route 53's metric when there is one: the other Region's endpoint is unhealthy there. */
    @Test
    void handleRequest_otherEndpointUnhealthyByTheMetric_refusesTheDrain() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.cloudWatch(EAST).healthCheckStatus.put(shop.regions.get(WEST).endpointId(), List.of(0.0, 1.0));
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("REFUSED");
        assertThat(decision(result, EAST).reason()).contains(WEST + " fails its endpoint check");
        assertThat(shop.route53.count("GetHealthCheckStatus")).as("the metric answered for both").isEqualTo(1);
    }

    /** Without datapoints, GetHealthCheckStatus and Route 53's rule: 1 of 5 checkers (20%) is more than 18%. */
    @Test
    void handleRequest_oneCheckerInFiveReportsSuccess_countsAsServing() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        String failure = "Failure: Connection timed out.";
        shop.route53.statuses.put(shop.regions.get(WEST).endpointId(),
                List.of("Success: HTTP Status Code 200, OK", failure, failure, failure, failure));
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("DRAINED");
    }

    @Test
    void handleRequest_otherRegionWithoutLatencyRecord_refusesTheDrain() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        for (String region : List.of(EAST, WEST)) {
            shop.route53.tags.get(shop.regions.get(region).gateId()).put(FailoverTags.RECORDS,
                    FailoverTags.records(shop.route53.zoneId, "api.example.com"));
        }
        shop.route53.put(ResourceRecordSet.builder().name("api.example.com.").type(RRType.A)
                .setIdentifier(Tags.setIdentifier("shop", EAST))
                .region(EAST).aliasTarget(a -> a.dnsName("d-1.execute-api.us-east-1.amazonaws.com.")
                        .hostedZoneId("Z1UJRXOUMOOFQ8").evaluateTargetHealth(false))
                .healthCheckId(shop.regions.get(EAST).gateId()).build());
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("REFUSED");
        assertThat(decision(result, EAST).reason()).contains(WEST + " has no latency record");
    }

    @Test
    void handleRequest_switchChangedMeanwhile_readsAgainAndConverges() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        String east = shop.switchOf(EAST);
        shop.route53.beforeNextUpdate = () -> shop.route53.edit(east, c -> c.resourcePath(null));

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("DRAINED");
        assertThat(shop.route53.inverted(east)).isTrue();
        assertThat(shop.route53.count("UpdateHealthCheck")).isEqualTo(2);
    }

    /** Sequence 3: another writer drains the other Region between the read and the write: the drain is undone. */
    @Test
    void handleRequest_concurrentDrainLeftNoRegionServing_undoesItsOwnDrain() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        String west = shop.switchOf(WEST);
        shop.route53.beforeNextUpdate = () -> shop.route53.edit(west, c -> c.inverted(true));

        FailoverResult result = invoke(handler(shop), eventBridge("ALARM", T1));

        assertThat(decision(result, EAST).action()).isEqualTo("REFUSED");
        assertThat(decision(result, EAST).reason()).contains("undone");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    /** A queued batch: several events, one reconciliation per application, and a failure is not thrown. */
    @Test
    void handleRequest_sqsBatch_reconcilesOnceAndSwallowsFailures() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        String batch = Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().set("Records",
                Json.MAPPER.createArrayNode()
                        .add(Json.MAPPER.createObjectNode().put("messageId", "m1").put("eventSource", "aws:sqs")
                                .put("body", eventBridge("OK", "2026-11-24T00:30:00.000+0000")))
                        .add(Json.MAPPER.createObjectNode().put("messageId", "m2").put("eventSource", "aws:sqs")
                                .put("body", eventBridge("ALARM", T1)))
                        .add(Json.MAPPER.createObjectNode().put("messageId", "m3").put("eventSource", "aws:sqs")
                                .put("body", "not json"))));

        FailoverResult result = invoke(handler(shop), batch);

        assertThat(result.decisions().stream().filter(d -> EAST.equals(d.region())).toList()).singleElement()
                .extracting(FailoverDecision::action).isEqualTo("DRAINED");
        assertThat(result.decisions()).anySatisfy(d -> assertThat(d.reason()).contains("message m3"));

        shop.route53.failNext("ListHealthChecks", FakeRoute53.error("Throttling", 400));
        FailoverResult failed = invoke(handler(shop), batch);
        assertThat(shop.metrics.of(FailoverMetrics.FAILED)).isEqualTo(1);
        assertThat(failed.decisions()).noneSatisfy(d -> assertThat(d.action()).isEqualTo("DRAINED"));
    }

    /** Called directly, Route 53 still throttling after the client's retries fails with the named error. */
    @Test
    void handleRequest_throttledBeyondTheClientsRetries_failsWithThrottledException() {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        shop.route53.failNext("UpdateHealthCheck", FakeRoute53.error("Throttling", 400));

        assertThatThrownBy(() -> invoke(handler(shop), eventBridge("ALARM", T1)))
                .isInstanceOf(ThrottledException.class).hasMessageStartingWith("Throttling");
        assertThat(shop.route53.inverted(shop.switchOf(EAST))).isFalse();
    }

    @Test
    void handleRequest_deadlinePassed_writesNothingAndSaysSo() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        shop.alarmState(EAST, Provisioned.alarm(EAST), StateValue.ALARM, "2026-11-24T01:02:03.456Z");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler(shop).handleRequest(new ByteArrayInputStream(eventBridge("ALARM", T1)
                .getBytes(StandardCharsets.UTF_8)), out, io.activeedge.testing.FakeLambdaContext.withRemaining(2_000));

        JsonNode decisions = Json.MAPPER.readTree(out.toByteArray()).get("decisions");
        assertThat(decisions.get(0).get("reason").asText()).contains("out of time");
        assertThat(shop.route53.updates).isEmpty();
    }

    @Test
    void handleRequest_sampleEvents_drainThenRestoreInBothShapes() throws IOException {
        for (String shape : new String[] {"eventbridge", "direct"}) {
            Provisioned shop = new Provisioned(EAST, WEST);
            FailoverHandler handler = handler(shop);

            FailoverResult drained = invoke(handler, SampleEvents.open("FailoverFunction-alarm-" + shape + ".json"));
            shop.clock.advance(Duration.ofMinutes(1));
            FailoverResult restored = invoke(handler, SampleEvents.open("FailoverFunction-ok-" + shape + ".json"));

            assertThat(decision(drained, EAST).action()).as(shape).isEqualTo("DRAINED");
            assertThat(decision(restored, EAST).action()).as(shape).isEqualTo("RESTORED");
            assertThat(shop.route53.inverted(shop.switchOf(EAST))).as(shape).isFalse();
        }
    }

    @Test
    void handleRequest_decision_writesEveryFieldForTheCaller() throws IOException {
        Provisioned shop = new Provisioned(EAST, WEST);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler(shop).handleRequest(new ByteArrayInputStream(scheduled().getBytes(StandardCharsets.UTF_8)), out, null);

        assertThat(Json.MAPPER.readTree(out.toByteArray()).get("decisions").get(0).fieldNames()).toIterable()
                .containsExactly("alarm", "app", "region", "switchId", "before", "after", "action", "reason");
    }
}
