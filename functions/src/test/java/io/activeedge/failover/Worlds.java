package io.activeedge.failover;

import io.activeedge.failover.Observation.Alarm;
import io.activeedge.failover.Observation.Hold;
import io.activeedge.failover.Observation.Region;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Observations for the planner's tests, and what a plan does to them once written. */
final class Worlds {
    static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");

    private Worlds() {
    }

    /** A Region that serves: complete, with its record, healthy, not drained, with these alarms. */
    static Region serving(String region, Alarm... alarms) {
        return new Region(region, "sw-" + region, "gate-" + region, 1L, false, null, null, null, List.of(alarms),
                true, true, 0, false, true);
    }

    static Alarm alarm(String name, String state, Instant since) {
        return new Alarm(name, state, since);
    }

    static Region drained(Region r, String cause, Instant at) {
        return new Region(r.region(), r.switchId(), r.gateId(), r.switchVersion(), true, at, cause, r.hold(),
                r.alarms(), r.endpointHealthy(), r.recordExists(), r.minDrainSeconds(), r.dataPlane(), r.complete());
    }

    static Region held(Region r, String reason) {
        return new Region(r.region(), r.switchId(), r.gateId(), r.switchVersion(), r.drained(), r.changedAt(),
                r.cause(), new Hold(reason, NOW.minusSeconds(60), "ops"), r.alarms(), r.endpointHealthy(),
                r.recordExists(), r.minDrainSeconds(), r.dataPlane(), r.complete());
    }

    static Region withAlarms(Region r, List<Alarm> alarms) {
        return new Region(r.region(), r.switchId(), r.gateId(), r.switchVersion(), r.drained(), r.changedAt(),
                r.cause(), r.hold(), List.copyOf(alarms), r.endpointHealthy(), r.recordExists(), r.minDrainSeconds(),
                r.dataPlane(), r.complete());
    }

    static Region unhealthy(Region r) {
        return new Region(r.region(), r.switchId(), r.gateId(), r.switchVersion(), r.drained(), r.changedAt(),
                r.cause(), r.hold(), r.alarms(), false, r.recordExists(), r.minDrainSeconds(), r.dataPlane(),
                r.complete());
    }

    static Region minDrain(Region r, int seconds) {
        return new Region(r.region(), r.switchId(), r.gateId(), r.switchVersion(), r.drained(), r.changedAt(),
                r.cause(), r.hold(), r.alarms(), r.endpointHealthy(), r.recordExists(), seconds, r.dataPlane(),
                r.complete());
    }

    static Observation world(Instant at, Region... regions) {
        return new Observation("shop", at, List.of(regions));
    }

    /** The observation after the plan was written, at {@code at}, the alarms as {@code alarms} (by Region). */
    static Observation after(Observation o, Plan plan, Instant at, Map<String, List<Alarm>> alarms) {
        List<Region> next = new ArrayList<>();
        for (Region r : o.regions()) {
            Plan.Step step = plan.regions().stream().filter(s -> s.region().equals(r.region())).findFirst()
                    .orElse(null);
            if (step == null) {
                next.add(r);
                continue;
            }
            boolean flips = step.flips();
            next.add(new Region(r.region(), r.switchId(), r.gateId(), r.switchVersion() + (flips ? 1 : 0),
                    step.drain(), flips ? at : r.changedAt(), flips ? step.cause() : r.cause(), step.hold(),
                    alarms == null ? r.alarms() : alarms.getOrDefault(r.region(), r.alarms()), r.endpointHealthy(),
                    r.recordExists(), r.minDrainSeconds(), r.dataPlane(), r.complete()));
        }
        return new Observation(o.app(), at, List.copyOf(next));
    }

    static long serving(Observation o) {
        return o.regions().stream().filter(r -> r.serves(r.drained())).count();
    }
}
