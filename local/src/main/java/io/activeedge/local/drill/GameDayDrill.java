package io.activeedge.local.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision.Action;
import io.activeedge.local.localcloud.LocalCloudException;
import io.activeedge.local.places.ClientLocations;
import io.activeedge.local.report.ClientRoutes;
import io.activeedge.local.report.Route;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.CommandException;
import io.activeedge.local.target.Glyphs;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The game-day drill: provision the application, check that clients everywhere are served by their nearest
 * Region, drain one Region through one of its alarms, check that only the other Regions serve and that the
 * clients near the drained one moved to their next-closest Region (the others unchanged), recover it, check that
 * all serve and every client is back, tear everything down and check that nothing tagged for the application is
 * left. Each step is printed with pass or fail as it ends; after a failed step
 * the drill skips to the teardown so that it leaves nothing behind.
 */
public final class GameDayDrill {

    /** What the drill drives: the same operations as the CLI commands. */
    public interface Operations {
        /** Runs the provision workflow with {@code input}. */
        Execution provision(ObjectNode input);

        /** Runs the teardown workflow with {@code input}. */
        Execution teardown(ObjectNode input);

        /** Sets an alarm of {@code app} in {@code region} to {@code state} and lets the failover function act. */
        AlarmDrill.Outcome alarm(String app, String region, String state);

        /** The application's routing, Region by Region. */
        List<RoutingTable.Row> routing(String app);

        /** Which Region answers clients near each of the application's Regions ({@link ClientRoutes}). */
        List<Route> routes(String app);

        /** What is left of the application ({@link Leftovers}). */
        List<String> leftovers(String app, String zone, List<String> aliases, List<String> regions);
    }

    /** How a workflow run ended: {@code detail} says how long it took, or its error and cause. */
    public record Execution(boolean succeeded, String detail) {
    }

    public record Step(int number, String name, Outcome outcome, String detail) {
    }

    public enum Outcome { PASSED, FAILED, SKIPPED }

    public record Report(List<Step> steps) {
        public boolean passed() {
            return steps.stream().allMatch(s -> s.outcome() == Outcome.PASSED);
        }

        public List<Step> failed() {
            return steps.stream().filter(s -> s.outcome() == Outcome.FAILED).toList();
        }
    }

    public static final int STEPS = 8;

    private final Operations operations;
    private final PrintStream out;
    private final Glyphs glyphs;
    private final RouteChecks routeChecks;

    public GameDayDrill(Operations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
        this.glyphs = Glyphs.of(out);
        this.routeChecks = new RouteChecks(ClientLocations.table(), glyphs.arrow());
    }

    /**
     * @param region the Region to drain; null for the first Region of the input that lists an alarm
     */
    public Report run(ObjectNode input, String region) {
        String app = input.path("app").asText();
        String zone = input.path("zone").asText();
        List<String> regions = new ArrayList<>();
        input.path("regions").forEach(r -> regions.add(r.path("region").asText()));
        List<String> aliases = new ArrayList<>();
        input.path("aliases").forEach(a -> aliases.add(a.asText()));
        String drained = regionToDrain(input, region);
        List<String> others = regions.stream().filter(r -> !r.equals(drained)).toList();

        List<Step> steps = new ArrayList<>();
        Attempt attempt = new Attempt(steps);
        List<List<Route>> baseline = new ArrayList<>();
        attempt.step("provision " + app, () -> execution(operations.provision(input)));
        attempt.step("every client location is served by its nearest Region", () -> {
            baseline.add(operations.routes(app));
            return verdict(routeChecks.nearest(baseline.getFirst()));
        });
        attempt.step("drain " + drained + " (alarm to ALARM)", () -> alarm(app, drained, AlarmChange.ALARM, Action.DRAINED));
        attempt.step("only " + String.join(", ", others) + " serve; clients near " + drained
                + " move to their next-closest Region", () -> serving(app, others) + "; " + verdict(routeChecks
                .afterDrain(baseline.getFirst(), operations.routes(app), drained, regions)));
        attempt.step("recover " + drained + " (alarm to OK)", () -> alarm(app, drained, AlarmChange.OK, Action.RESTORED));
        attempt.step("all of " + String.join(", ", regions) + " serve; every client location is back on its nearest"
                + " Region", () -> serving(app, regions) + "; " + verdict(routeChecks.nearest(operations.routes(app))));
        attempt.always("teardown " + app, () -> execution(operations.teardown(input)));
        attempt.always("nothing tagged for " + app + " is left", () -> {
            List<String> left = operations.leftovers(app, zone, aliases, regions);
            if (!left.isEmpty()) {
                throw new StepFailed(left.size() + " left: " + String.join("; ", left));
            }
            return "certificates, health checks, distribution, custom domains, records and tags all gone";
        });
        return new Report(List.copyOf(steps));
    }

    /**
     * The Region the drill drains: {@code region}, or the first Region of the input that lists an alarm. Checked
     * before anything runs: the input needs two Regions or more, and the drained one needs an alarm.
     */
    public static String regionToDrain(ObjectNode input, String region) {
        List<String> regions = new ArrayList<>();
        List<String> withAlarms = new ArrayList<>();
        for (JsonNode node : input.path("regions")) {
            regions.add(node.path("region").asText());
            if (node.path("alarms").size() > 0) {
                withAlarms.add(node.path("region").asText());
            }
        }
        if (regions.size() < 2) {
            throw new CommandException("the drill drains one Region while the others serve, and the input has "
                    + regions.size() + " Region(s) under regions: give it two or more");
        }
        if (region != null && !regions.contains(region)) {
            throw new CommandException("--region " + region + " is not a Region of the input (" + String.join(", ", regions) + ")");
        }
        String drained = region != null ? region : withAlarms.isEmpty() ? null : withAlarms.getFirst();
        if (drained == null || !withAlarms.contains(drained)) {
            throw new CommandException("the drill drains a Region through one of its alarms, and "
                    + (drained == null ? "no Region of the input lists one" : region + " lists none")
                    + ": add \"alarms\": [\"NAME\"] to that Region of the input (regions[].alarms)");
        }
        return drained;
    }

    private static String execution(Execution execution) {
        if (!execution.succeeded()) {
            throw new StepFailed(execution.detail());
        }
        return execution.detail();
    }

    private static String verdict(RouteChecks.Verdict verdict) {
        if (!verdict.passed()) {
            throw new StepFailed(verdict.detail());
        }
        return verdict.detail();
    }

    private String alarm(String app, String region, String state, Action wanted) {
        AlarmDrill.Outcome outcome = operations.alarm(app, region, state);
        String decision = outcome.decision().action() + ": " + outcome.decision().reason();
        if (!wanted.name().equals(outcome.decision().action())) {
            throw new StepFailed("the failover function decided " + decision + " (expected " + wanted + ")");
        }
        return "alarm " + outcome.alarm().name() + " " + glyphs.arrow() + " " + decision;
    }

    private String serving(String app, List<String> expected) {
        List<String> receiving = RoutingTable.receiving(operations.routing(app));
        if (!new TreeSet<>(receiving).equals(new TreeSet<>(expected))) {
            throw new StepFailed("Route 53 answers with " + (receiving.isEmpty() ? "no Region" : String.join(", ", receiving))
                    + ", expected " + String.join(", ", expected));
        }
        return "Route 53 answers with " + String.join(", ", receiving);
    }

    /** Runs the steps in order; after the first failure, only the {@link #always} steps run. */
    private final class Attempt {
        private final List<Step> steps;
        private boolean failed;

        Attempt(List<Step> steps) {
            this.steps = steps;
        }

        void step(String name, Check check) {
            if (failed) {
                record(new Step(steps.size() + 1, name, Outcome.SKIPPED, "an earlier step failed"));
                return;
            }
            always(name, check);
        }

        void always(String name, Check check) {
            Step step;
            try {
                step = new Step(steps.size() + 1, name, Outcome.PASSED, check.run());
            } catch (StepFailed | LocalCloudException e) {
                step = new Step(steps.size() + 1, name, Outcome.FAILED, e.getMessage());
            } catch (RuntimeException e) {
                step = new Step(steps.size() + 1, name, Outcome.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            failed |= step.outcome() == Outcome.FAILED;
            record(step);
        }

        private void record(Step step) {
            steps.add(step);
            String mark = switch (step.outcome()) {
                case PASSED -> glyphs.done() + " pass";
                case FAILED -> glyphs.failed() + " FAIL";
                case SKIPPED -> "- skip";
            };
            out.println(mark + "  " + step.number() + "/" + STEPS + " " + step.name()
                    + (step.detail() == null ? "" : "\n          " + step.detail()));
            out.flush();
        }
    }

    @FunctionalInterface
    private interface Check {
        String run();
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }
}
