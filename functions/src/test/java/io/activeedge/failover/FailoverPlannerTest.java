package io.activeedge.failover;

import static io.activeedge.failover.Worlds.NOW;
import static io.activeedge.failover.Worlds.alarm;
import static io.activeedge.failover.Worlds.drained;
import static io.activeedge.failover.Worlds.held;
import static io.activeedge.failover.Worlds.minDrain;
import static io.activeedge.failover.Worlds.serving;
import static io.activeedge.failover.Worlds.unhealthy;
import static io.activeedge.failover.Worlds.world;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.errors.InvalidInputException;
import io.activeedge.failover.FailoverDecision.Action;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailoverPlannerTest {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";
    private static final Instant EARLIER = NOW.minusSeconds(600);

    private static Plan.Step step(Plan plan, String region) {
        return plan.regions().stream().filter(s -> s.region().equals(region)).findFirst().orElseThrow();
    }

    @Test
    void plan_oneAlarmInAlarm_drainsThatRegionOnly() {
        Plan plan = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER)),
                serving(WEST, alarm("w", "OK", EARLIER))), null);

        assertThat(step(plan, EAST).action()).isEqualTo(Action.DRAINED);
        assertThat(step(plan, EAST).changedBy()).isEqualTo("a");
        assertThat(step(plan, WEST).action()).isEqualTo(Action.UNCHANGED);
        assertThat(step(plan, WEST).drain()).isFalse();
    }

    @Test
    void plan_newerOkOfOneAlarm_doesNotHideAnotherInAlarm() {
        Plan plan = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER),
                alarm("b", "OK", NOW.minusSeconds(5))), serving(WEST)), null);

        assertThat(step(plan, EAST).drain()).isTrue();
        assertThat(step(plan, EAST).reason()).contains("alarm a in ALARM");
    }

    @Test
    void plan_lastServingRegion_refusesTheDrainAndSaysWhy() {
        Plan plan = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER)),
                unhealthy(serving(WEST))), null);

        assertThat(step(plan, EAST).action()).isEqualTo(Action.REFUSED);
        assertThat(step(plan, EAST).drain()).isFalse();
        assertThat(step(plan, EAST).reason()).contains(WEST + " fails its endpoint check");
    }

    @Test
    void plan_bothAlarming_drainsTheFirstInRegionOrderAndRefusesTheOther() {
        Plan plan = FailoverPlanner.plan(world(NOW, serving(WEST, alarm("w", "ALARM", EARLIER)),
                serving(EAST, alarm("a", "ALARM", EARLIER))), null);

        assertThat(step(plan, EAST).action()).isEqualTo(Action.DRAINED);
        assertThat(step(plan, WEST).action()).isEqualTo(Action.REFUSED);
    }

    @Test
    void plan_refusedDrain_happensOnceAnotherRegionServesAgain() {
        Plan refused = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER)),
                drained(serving(WEST, alarm("w", "ALARM", EARLIER)), FailoverTags.CAUSE_ALARM, EARLIER)), null);
        assertThat(step(refused, EAST).action()).isEqualTo(Action.REFUSED);

        Plan later = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER)),
                drained(serving(WEST, alarm("w", "OK", NOW)), FailoverTags.CAUSE_ALARM, EARLIER)), null);

        assertThat(step(later, WEST).action()).isEqualTo(Action.RESTORED);
        assertThat(step(later, EAST).action()).isEqualTo(Action.DRAINED);
    }

    @Test
    void plan_drainedRegionWhoseAlarmStillFires_isNotRestoredToMakeRoom() {
        Plan plan = FailoverPlanner.plan(world(NOW, drained(serving(EAST, alarm("a", "ALARM", EARLIER)),
                FailoverTags.CAUSE_ALARM, EARLIER), serving(WEST, alarm("w", "ALARM", EARLIER))), null);

        assertThat(step(plan, EAST).drain()).isTrue();
        assertThat(step(plan, WEST).action()).isEqualTo(Action.REFUSED);
    }

    @Test
    void plan_insufficientData_keepsTheRegionAsItIs() {
        Plan drainedStays = FailoverPlanner.plan(world(NOW, drained(serving(EAST,
                alarm("a", "INSUFFICIENT_DATA", NOW)), FailoverTags.CAUSE_ALARM, EARLIER), serving(WEST)), null);
        Plan servingStays = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "INSUFFICIENT_DATA", NOW)),
                serving(WEST)), null);

        assertThat(step(drainedStays, EAST).drain()).isTrue();
        assertThat(step(servingStays, EAST).drain()).isFalse();
        assertThat(step(servingStays, EAST).reason()).contains("INSUFFICIENT_DATA");
    }

    @Test
    void plan_holdWithAlarmsOk_staysDrained() {
        Plan plan = FailoverPlanner.plan(world(NOW, held(drained(serving(EAST, alarm("a", "OK", NOW)),
                FailoverTags.CAUSE_HOLD, EARLIER), "maintenance"), serving(WEST)), null);

        assertThat(step(plan, EAST).drain()).isTrue();
        assertThat(step(plan, EAST).action()).isEqualTo(Action.UNCHANGED);
        assertThat(step(plan, EAST).reason()).contains("held by ops").contains("maintenance");
    }

    @Test
    void plan_holdCommand_drainsAndRecordsTheHold() {
        Plan plan = FailoverPlanner.plan(world(NOW, serving(EAST), serving(WEST)),
                new OperatorCommand("hold", "shop", EAST, "patching", false, "alice"));

        Plan.Step east = step(plan, EAST);
        assertThat(east.action()).isEqualTo(Action.HELD);
        assertThat(east.drain()).isTrue();
        assertThat(east.holdChanged()).isTrue();
        assertThat(east.hold().reason()).isEqualTo("patching");
        assertThat(east.hold().by()).isEqualTo("alice");
        assertThat(east.cause()).isEqualTo(FailoverTags.CAUSE_HOLD);
    }

    @Test
    void plan_holdOfTheLastServingRegion_isRefusedUnlessForced() {
        Observation last = world(NOW, serving(EAST), unhealthy(serving(WEST)));

        Plan refused = FailoverPlanner.plan(last, new OperatorCommand("hold", "shop", EAST, null, false, "alice"));
        Plan forced = FailoverPlanner.plan(last, new OperatorCommand("hold", "shop", EAST, null, true, "alice"));

        assertThat(step(refused, EAST).action()).isEqualTo(Action.REFUSED);
        assertThat(step(refused, EAST).holdChanged()).isFalse();
        assertThat(step(refused, EAST).reason()).contains("--force");
        assertThat(step(forced, EAST).action()).isEqualTo(Action.HELD);
        assertThat(step(forced, EAST).drain()).isTrue();
    }

    @Test
    void plan_release_restoresWhenAlarmsAreOk_andKeepsDrainedWhileOneFires() {
        OperatorCommand release = new OperatorCommand("release", "shop", EAST, null, false, "alice");
        Observation ok = world(NOW, held(drained(serving(EAST, alarm("a", "OK", NOW)), FailoverTags.CAUSE_HOLD,
                EARLIER), "x"), serving(WEST));
        Observation firing = world(NOW, held(drained(serving(EAST, alarm("a", "ALARM", NOW)),
                FailoverTags.CAUSE_HOLD, EARLIER), "x"), serving(WEST));

        Plan.Step restored = step(FailoverPlanner.plan(ok, release), EAST);
        Plan.Step kept = step(FailoverPlanner.plan(firing, release), EAST);

        assertThat(restored.action()).isEqualTo(Action.RELEASED);
        assertThat(restored.drain()).isFalse();
        assertThat(restored.hold()).isNull();
        assertThat(kept.drain()).isTrue();
        assertThat(kept.hold()).isNull();
    }

    @Test
    void plan_releaseWhileAnAlarmHasInsufficientData_restoresTheRegion() {
        Observation held = world(NOW, held(drained(serving(EAST, alarm("a", "INSUFFICIENT_DATA", NOW)),
                FailoverTags.CAUSE_HOLD, EARLIER), "x"), serving(WEST));

        Plan.Step east = step(FailoverPlanner.plan(held, new OperatorCommand("release", "shop", EAST, null, false,
                "alice")), EAST);

        assertThat(east.action()).isEqualTo(Action.RELEASED);
        assertThat(east.drain()).isFalse();
    }

    @Test
    void plan_holdWhileAnotherRegionsAlarmWantsTheLastRoom_theHoldWinsAndIsKept() {
        Observation world = world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER)), serving(WEST));

        Plan plan = FailoverPlanner.plan(world, new OperatorCommand("hold", "shop", WEST, "deploy", false, "alice"));

        assertThat(step(plan, WEST).action()).isEqualTo(Action.HELD);
        assertThat(step(plan, WEST).drain()).isTrue();
        assertThat(step(plan, WEST).holdChanged()).isTrue();
        assertThat(step(plan, EAST).action()).isEqualTo(Action.REFUSED);
    }

    @Test
    void plan_flapDamping_keepsAnAlarmDrainUntilMinDrainSecondsPassed() {
        Observation young = world(NOW, minDrain(drained(serving(EAST, alarm("a", "OK", NOW)),
                FailoverTags.CAUSE_ALARM, NOW.minusSeconds(100)), 300), serving(WEST));
        Observation old = world(NOW, minDrain(drained(serving(EAST, alarm("a", "OK", NOW)),
                FailoverTags.CAUSE_ALARM, NOW.minusSeconds(300)), 300), serving(WEST));

        assertThat(step(FailoverPlanner.plan(young, null), EAST).drain()).isTrue();
        assertThat(step(FailoverPlanner.plan(young, null), EAST).reason()).contains("restores from");
        assertThat(step(FailoverPlanner.plan(old, null), EAST).action()).isEqualTo(Action.RESTORED);
    }

    @Test
    void plan_commandForAnUnknownRegion_namesTheField() {
        assertThatThrownBy(() -> FailoverPlanner.plan(world(NOW, serving(EAST)),
                new OperatorCommand("hold", "shop", "eu-west-9", null, false, "alice")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("operator.region"));
    }

    @Test
    void plan_regionWithoutLatencyRecord_doesNotCountAsServing() {
        Observation.Region west = serving(WEST);
        Observation.Region noRecord = new Observation.Region(WEST, west.switchId(), west.gateId(), 1L, false, null,
                null, null, java.util.List.of(), true, false, 0, false, true);

        Plan plan = FailoverPlanner.plan(world(NOW, serving(EAST, alarm("a", "ALARM", EARLIER)), noRecord), null);

        assertThat(step(plan, EAST).action()).isEqualTo(Action.REFUSED);
        assertThat(step(plan, EAST).reason()).contains("has no latency record");
    }
}
