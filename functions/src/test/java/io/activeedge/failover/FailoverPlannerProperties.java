package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.failover.Observation.Alarm;
import io.activeedge.failover.Observation.Hold;
import io.activeedge.failover.Observation.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The failover decision over generated applications (jqwik): Regions complete or not, with or without a latency
 * record, healthy, unhealthy or not yet judged, drained or not, held or not, with alarms in any state, flap damping on
 * or off. Each property is a promise the README makes.
 */
class FailoverPlannerProperties {
    private static final List<String> REGIONS = List.of("ap-southeast-2", "eu-west-1", "us-east-1", "us-west-2");
    private static final List<String> STATES = List.of("OK", "ALARM", "INSUFFICIENT_DATA");
    private static final Instant NOW = Worlds.NOW;

    // ---- generators

    @Provide
    Arbitrary<Observation> worlds() {
        return Arbitraries.integers().between(1, 4).flatMap(n -> region(0).list().ofSize(n)).map(regions -> {
            List<Region> named = new ArrayList<>();
            for (int i = 0; i < regions.size(); i++) {
                Region r = regions.get(i);
                String name = REGIONS.get(i);
                List<Alarm> alarms = new ArrayList<>();
                for (int a = 0; a < r.alarms().size(); a++) {
                    Alarm alarm = r.alarms().get(a);
                    alarms.add(new Alarm(name + "-alarm-" + a, alarm.state(), alarm.since()));
                }
                named.add(new Region(name, "sw-" + name, "gate-" + name, 1L, r.drained(), r.changedAt(), r.cause(),
                        r.hold(), List.copyOf(alarms), r.endpointHealthy(), r.recordExists(), r.minDrainSeconds(),
                        r.dataPlane(), r.complete()));
            }
            return new Observation("shop", NOW, List.copyOf(named));
        });
    }

    private static Arbitrary<Region> region(int unused) {
        Arbitrary<Alarm> alarm = Combinators.combine(Arbitraries.of(STATES), Arbitraries.integers().between(0, 3600))
                .as((state, ago) -> new Alarm("a", state, NOW.minusSeconds(ago)));
        Arbitrary<Hold> hold = Arbitraries.of(true, false, false, false)
                .map(h -> h ? new Hold("maintenance", NOW.minusSeconds(120), "ops") : null);
        Arbitrary<Boolean> health = Arbitraries.of(Boolean.TRUE, Boolean.TRUE, Boolean.FALSE, null);
        Arbitrary<Integer> changedAgo = Arbitraries.integers().between(0, 900);
        return Combinators.combine(Arbitraries.of(true, false), changedAgo,
                Arbitraries.of(FailoverTags.CAUSE_ALARM, FailoverTags.CAUSE_HOLD, FailoverTags.CAUSE_RESTORE), hold,
                alarm.list().ofMaxSize(3), health, Arbitraries.of(true, true, true, false),
                Arbitraries.of(0, 0, 300))
                .as((drained, ago, cause, held, alarms, healthy, record, minDrain) -> new Region("x", "sw", "gate",
                        1L, drained, NOW.minusSeconds(ago), cause, held, alarms, healthy, record, minDrain,
                        false, true));
    }

    @Provide
    Arbitrary<OperatorCommand> commands() {
        return Combinators.combine(Arbitraries.of(OperatorCommand.HOLD, OperatorCommand.RELEASE),
                Arbitraries.of(REGIONS.get(0))).as((action, region) ->
                new OperatorCommand(action, "shop", region, "reason", false, "ops")).injectNull(0.4);
    }

    // ---- properties

    /** Never zero serving Regions, unless none served before (Route 53 then already answers with every Region). */
    @Property(tries = 2000)
    void plan_neverLeavesNoRegionServing(@ForAll("worlds") Observation world,
            @ForAll("commands") OperatorCommand command) {
        Plan plan = FailoverPlanner.plan(world, command);
        Observation after = Worlds.after(world, plan, NOW, null);

        if (Worlds.serving(world) > 0) {
            assertThat(Worlds.serving(after)).as(plan.toString()).isPositive();
        }
    }

    /** A hold is never lifted by an alarm or a run: only a release removes it, and a held drained Region stays so. */
    @Property(tries = 2000)
    void plan_holdIsNeverLiftedByAlarms(@ForAll("worlds") Observation world) {
        Plan plan = FailoverPlanner.plan(world, null);

        for (Region r : world.regions()) {
            Plan.Step step = plan.regions().stream().filter(s -> s.region().equals(r.region())).findFirst().orElseThrow();
            if (r.hold() != null) {
                assertThat(step.hold()).isEqualTo(r.hold());
                if (r.drained()) {
                    assertThat(step.drain()).as(step.toString()).isTrue();
                }
            }
        }
    }

    /** What was decided, once written, is decided again: a second run with nothing new changes nothing. */
    @Property(tries = 2000)
    void plan_isSettledAfterItsOwnWrite(@ForAll("worlds") Observation world,
            @ForAll("commands") OperatorCommand command) {
        Plan first = FailoverPlanner.plan(world, command);
        Observation written = Worlds.after(world, first, NOW, null);

        Plan second = FailoverPlanner.plan(written, null);

        assertThat(second.regions()).allSatisfy(s -> assertThat(s.flips()).as(s.toString()).isFalse());
    }

    /**
     * The same alarm events, delivered in two different orders, some twice and some not at all, end in the same
     * switches, and in those a single scheduled run gives: an event never reports a state newer than CloudWatch's
     * current one (it reports a change that already happened), so each delivery reads the current state.
     */
    @Property(tries = 1000)
    void anyOrderOfEvents_endsInTheSameSwitches(@ForAll("worlds") Observation world, @ForAll Random random) {
        List<AlarmChange> events = new ArrayList<>();
        for (Region r : world.regions()) {
            for (Alarm a : r.alarms()) {
                int copies = random.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    boolean current = random.nextBoolean();
                    String state = current ? a.state() : STATES.get(random.nextInt(STATES.size()));
                    Instant at = current ? a.since() : a.since().minusSeconds(1 + random.nextInt(600));
                    events.add(new AlarmChange("arn:" + a.name(), a.name(), r.region(), state, at));
                }
            }
        }
        List<AlarmChange> one = new ArrayList<>(events);
        List<AlarmChange> other = new ArrayList<>(events);
        Collections.shuffle(one, random);
        Collections.shuffle(other, random);

        Map<String, Boolean> scheduled = switches(deliver(world, List.of()));
        assertThat(switches(deliver(world, one))).isEqualTo(scheduled);
        assertThat(switches(deliver(world, other))).isEqualTo(scheduled);
    }

    /** Each event is one invocation: CloudWatch's current state merged with the event, then the plan written. */
    private static Observation deliver(Observation world, List<AlarmChange> events) {
        Observation now = world;
        for (AlarmChange event : events) {
            Map<String, List<Alarm>> merged = new HashMap<>();
            for (Region r : now.regions()) {
                List<Alarm> alarms = new ArrayList<>();
                for (Alarm a : r.alarms()) {
                    AlarmChange mine = event.alarmName().equals(a.name()) ? event : null;
                    alarms.add(AlarmStates.current(a.name(), a, mine));
                }
                merged.put(r.region(), alarms);
            }
            Observation seen = withAlarms(now, merged);
            now = withAlarms(Worlds.after(seen, FailoverPlanner.plan(seen, null), NOW, null), alarmsOf(world));
        }
        return Worlds.after(now, FailoverPlanner.plan(now, null), NOW, null);
    }

    private static Map<String, List<Alarm>> alarmsOf(Observation o) {
        Map<String, List<Alarm>> alarms = new HashMap<>();
        o.regions().forEach(r -> alarms.put(r.region(), r.alarms()));
        return alarms;
    }

    private static Observation withAlarms(Observation o, Map<String, List<Alarm>> alarms) {
        return new Observation(o.app(), o.at(), o.regions().stream()
                .map(r -> Worlds.withAlarms(r, alarms.get(r.region()))).toList());
    }

    private static Map<String, Boolean> switches(Observation o) {
        Map<String, Boolean> drained = new LinkedHashMap<>();
        o.regions().forEach(r -> drained.put(r.region(), r.drained()));
        return drained;
    }

    /**
     * Alarms change over time, with a run after each change: whatever the history, a run with nothing new changes
     * nothing more, and no step ever leaves no Region serving when one served before it.
     */
    @Property(tries = 1000)
    void anyHistory_staysSafeAndSettles(@ForAll("worlds") Observation world, @ForAll Random random) {
        Observation now = world;
        for (int step = 0; step < 6; step++) {
            Map<String, List<Alarm>> changed = new HashMap<>();
            for (Region r : now.regions()) {
                List<Alarm> alarms = new ArrayList<>();
                for (Alarm a : r.alarms()) {
                    alarms.add(random.nextInt(3) == 0
                            ? new Alarm(a.name(), STATES.get(random.nextInt(STATES.size())), NOW) : a);
                }
                changed.put(r.region(), alarms);
            }
            Observation seen = withAlarms(now, changed);
            Observation next = Worlds.after(seen, FailoverPlanner.plan(seen, null), NOW, null);
            if (Worlds.serving(seen) > 0) {
                assertThat(Worlds.serving(next)).isPositive();
            }
            now = next;
        }
        Plan settled = FailoverPlanner.plan(now, null);
        assertThat(settled.regions()).allSatisfy(s -> assertThat(s.flips()).as(s.toString()).isFalse());
    }
}
