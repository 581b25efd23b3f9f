package io.activeedge.failover;

import io.activeedge.errors.InvalidInputException;
import io.activeedge.failover.FailoverDecision.Action;
import io.activeedge.failover.Observation.Alarm;
import io.activeedge.failover.Observation.Hold;
import io.activeedge.failover.Observation.Region;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The failover decision, a pure function: from what was observed of one application (and an operator's command,
 * if any) to the switches it wants. Nothing here reads or writes AWS, so the same observation always gives the same
 * plan, whatever order the events that led to it came in.
 * <ol>
 *   <li>A hold drains its Region. Holding the last Region that serves is refused unless forced.</li>
 *   <li>Otherwise a Region's alarms decide: any in ALARM drains it; any with INSUFFICIENT_DATA (and none in ALARM)
 *       keeps it as it is (a Region an alarm drained stays drained, a serving one serves; one drained for another
 *       reason is restored); all OK (or none) restores it, but a Region an alarm drained is restored only once it has
 *       been drained {@code minDrainSeconds} (flap damping). With the data-plane option the alarms act through the
 *       gate's alarm checks, so the switch serves unless held.</li>
 *   <li>The guard: restores first, then drains in Region order, each only while another Region still serves (its
 *       latency record exists, its switch is not inverted, its endpoint is healthy by Route 53's rule). A refused
 *       drain is wanted again at the next event or scheduled run and happens once another Region serves. The guard
 *       never restores a Region whose hold or alarms call for a drain to make room for another.</li>
 * </ol>
 */
public final class FailoverPlanner {

    private FailoverPlanner() {
    }

    private enum Want { DRAIN, SERVE, KEEP }

    private record Wish(Want want, String cause, String changedBy, String reason) {
    }

    /**
     * @param observation what was seen of the application
     * @param command     an operator's hold or release of one of its Regions, or null
     */
    public static Plan plan(Observation observation, OperatorCommand command) {
        List<Region> regions = observation.regions().stream().filter(r -> r.switchId() != null)
                .sorted(Comparator.comparing(Region::region)).toList();
        Map<String, Hold> holds = new HashMap<>();
        regions.forEach(r -> {
            if (r.hold() != null) {
                holds.put(r.region(), r.hold());
            }
        });

        Region target = null;
        String refusal = null;
        boolean holdChanged = false;
        if (command != null) {
            target = regions.stream().filter(r -> r.region().equals(command.region())).findFirst()
                    .orElseThrow(() -> new InvalidInputException("operator.region", "application "
                            + observation.app() + " has no switch health check in " + command.region()
                            + (regions.isEmpty() ? "" : "; its Regions: "
                                    + String.join(", ", regions.stream().map(Region::region).toList()))));
            if (command.hold()) {
                Hold wanted = new Hold(command.reason() == null || command.reason().isBlank() ? "no reason given"
                        : command.reason(), observation.at().truncatedTo(ChronoUnit.MILLIS),
                        command.by() == null ? "operator" : command.by());
                Map<String, Boolean> now = current(regions);
                if (target.hold() == null && target.serves(target.drained()) && !command.forced()
                        && !otherServes(regions, target, now)) {
                    refusal = "holding " + target.region() + " would leave no Region serving: "
                            + whyNotServing(regions, target, now) + "; hold with --force to drain it anyway";
                } else if (target.hold() == null || !target.hold().reason().equals(wanted.reason())) {
                    holds.put(target.region(), wanted);
                    holdChanged = true;
                }
            } else if (target.hold() != null) {
                holds.remove(target.region());
                holdChanged = true;
            }
        }

        Map<String, Wish> wishes = new HashMap<>();
        regions.forEach(r -> wishes.put(r.region(), wish(r, holds.get(r.region()), observation.at())));

        Map<String, Boolean> after = current(regions);
        for (Region r : regions) {
            if (r.drained() && wishes.get(r.region()).want() == Want.SERVE) {
                after.put(r.region(), false);
            }
        }
        Map<String, String> refused = new HashMap<>();
        Map<String, String> stillServing = new HashMap<>();
        // The operator's Region first: a hold that passed the check above is not then refused because an alarm's
        // drain of a Region earlier in order took the last room.
        List<Region> drainOrder = new ArrayList<>(regions);
        if (target != null) {
            drainOrder.remove(target);
            drainOrder.add(0, target);
        }
        for (Region r : drainOrder) {
            if (r.drained() || wishes.get(r.region()).want() != Want.DRAIN) {
                continue;
            }
            boolean forced = command != null && command.forced() && command.hold() && r == target;
            if (forced || !r.serves(false) || otherServes(regions, r, after)) {
                regions.stream().filter(o -> o != r && o.serves(after.get(o.region()))).findFirst()
                        .ifPresent(o -> stillServing.put(r.region(), o.region()));
                after.put(r.region(), true);
            } else {
                refused.put(r.region(), "draining would leave no Region serving: " + whyNotServing(regions, r, after));
            }
        }

        List<Plan.Step> steps = new ArrayList<>();
        for (Region r : regions) {
            Wish wish = wishes.get(r.region());
            boolean drain = after.get(r.region());
            boolean isTarget = r == target;
            Hold hold = holds.get(r.region());
            Action action;
            String reason = wish.reason();
            if (isTarget && refusal != null) {
                action = Action.REFUSED;
                reason = refusal;
            } else if (refused.containsKey(r.region())) {
                action = Action.REFUSED;
                reason = wish.reason() + "; " + refused.get(r.region());
            } else if (isTarget) {
                action = command.hold() ? Action.HELD : Action.RELEASED;
                if (!command.hold()) {
                    reason = (holdChanged ? "hold released; " : "was not held; ") + reason;
                }
            } else if (drain != r.drained()) {
                action = drain ? Action.DRAINED : Action.RESTORED;
            } else {
                action = Action.UNCHANGED;
            }
            if (stillServing.containsKey(r.region()) && action != Action.REFUSED) {
                reason = reason + "; " + stillServing.get(r.region()) + " still serves";
            }
            boolean flips = drain != r.drained();
            String changedBy = isTarget && !command.hold() ? command.by() : wish.changedBy();
            steps.add(new Plan.Step(r.region(), r.switchId(), r.gateId(), r.drained(), drain, hold, isTarget && holdChanged,
                    flips ? wish.cause() : null, flips ? changedBy : null, action, reason));
        }
        return new Plan(observation.app(), List.copyOf(steps));
    }

    private static Wish wish(Region r, Hold hold, Instant now) {
        if (hold != null) {
            return new Wish(Want.DRAIN, FailoverTags.CAUSE_HOLD, hold.by(), "held by " + hold.by() + " since "
                    + hold.since() + ": " + hold.reason());
        }
        if (r.dataPlane()) {
            return new Wish(Want.SERVE, FailoverTags.CAUSE_RESTORE, "data-plane",
                    "not held; its alarms act through the gate's alarm checks (failover.dataPlane)");
        }
        Optional<Alarm> firing = first(r, AlarmChange.ALARM);
        if (firing.isPresent()) {
            return new Wish(Want.DRAIN, FailoverTags.CAUSE_ALARM, firing.get().name(),
                    "alarm " + firing.get().name() + " in ALARM since " + firing.get().since());
        }
        Optional<Alarm> unknown = first(r, AlarmChange.INSUFFICIENT_DATA);
        // INSUFFICIENT_DATA keeps what an alarm decided; a Region drained for another reason (a released hold, a
        // hand-made drain) is restored as when the alarms are OK.
        if (unknown.isPresent() && (!r.drained() || FailoverTags.CAUSE_ALARM.equals(r.cause()))) {
            return new Wish(Want.KEEP, null, null, "alarm " + unknown.get().name()
                    + " has INSUFFICIENT_DATA since " + unknown.get().since() + ": the Region stays as it is");
        }
        String ok = r.alarms().isEmpty() ? "no alarm or hold drains it" : "alarms OK";
        if (r.drained() && FailoverTags.CAUSE_ALARM.equals(r.cause()) && r.minDrainSeconds() > 0
                && r.changedAt() != null) {
            Instant until = r.changedAt().plusSeconds(r.minDrainSeconds());
            if (now.isBefore(until)) {
                return new Wish(Want.KEEP, null, null, ok + ", but drained at " + r.changedAt()
                        + ": restores from " + until + " (failover.minDrainSeconds " + r.minDrainSeconds() + ")");
            }
        }
        return new Wish(Want.SERVE, FailoverTags.CAUSE_RESTORE, "alarms-ok", ok);
    }

    private static Optional<Alarm> first(Region r, String state) {
        return r.alarms().stream().filter(a -> state.equals(a.state())).min(Comparator.comparing(Alarm::name));
    }

    private static Map<String, Boolean> current(List<Region> regions) {
        Map<String, Boolean> drained = new HashMap<>();
        regions.forEach(r -> drained.put(r.region(), r.drained()));
        return drained;
    }

    private static boolean otherServes(List<Region> regions, Region except, Map<String, Boolean> drained) {
        return regions.stream().anyMatch(o -> o != except && o.serves(drained.get(o.region())));
    }

    /** Why no other Region serves, Region by Region. */
    static String whyNotServing(List<Region> regions, Region except, Map<String, Boolean> drained) {
        List<String> why = new ArrayList<>();
        for (Region o : regions) {
            if (o == except) {
                continue;
            }
            if (!o.complete()) {
                why.add(o.region() + " lacks an endpoint, switch or gate check");
            } else if (!o.recordExists()) {
                why.add(o.region() + " has no latency record");
            } else if (drained.get(o.region())) {
                why.add(o.region() + " is drained");
            } else if (Boolean.FALSE.equals(o.endpointHealthy())) {
                why.add(o.region() + " fails its endpoint check");
            } else {
                why.add(o.region() + " has an alarm check in ALARM");
            }
        }
        return why.isEmpty() ? "the application has no other Region" : String.join("; ", why);
    }
}
