package io.activeedge.local.bench;

import java.util.List;

/**
 * The cold decision against the bare Route 53 client, measured side by side in one run.
 * <ul>
 *   <li>{@code coldDecisionMs}: the median first event of the failover probes, after the handler's constructor and
 *       its SnapStart priming: what a function restored from its snapshot pays for its first decision;</li>
 *   <li>{@code baselineMs}: the median of the baseline probes' first {@code calls} Route 53 calls on a freshly built
 *       client with no priming, {@code calls} being what the cold decision made (median), so both sides pay the same
 *       number of round trips to the emulator;</li>
 *   <li>{@code ratio}: their quotient; {@code within} when it is at most {@code target}.</li>
 * </ul>
 */
public record ColdRatio(double coldDecisionMs, double baselineMs, long calls, double ratio, double target,
                        boolean within) {

    static ColdRatio of(List<ProbeRun> failover, List<ProbeRun> baseline, double target) {
        double decision = Stats.ofNanos(failover.stream().map(r -> r.result().eventNanos().get(0)).toList()).median();
        double bare = Stats.ofNanos(baseline.stream().map(r -> r.result().eventNanos().get(0)).toList()).median();
        long[] calls = failover.stream().mapToLong(r -> r.result().calls(0)).sorted().toArray();
        double ratio = decision / bare;
        return new ColdRatio(decision, bare, Stats.percentile(calls, 50), ratio, target, ratio <= target);
    }

    /** The line the benchmark prints. */
    String line() {
        return String.format("cold decision ÷ bare Route 53 client (%d calls each): %.1f ms ÷ %.1f ms = %.2f (target ≤ %.1f: %s)",
                calls, coldDecisionMs, baselineMs, ratio, target, within ? "met" : "NOT met");
    }
}
