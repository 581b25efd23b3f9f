package io.activeedge.local.drill;

import io.activeedge.local.places.ClientLocations;
import io.activeedge.local.report.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the drill expects of the routes ({@link io.activeedge.local.report.ClientRoutes}): every client location on
 * its nearest Region while all serve; after a drain, the clients near the drained Region on their next-closest
 * Region and every other location unchanged.
 */
final class RouteChecks {

    /** Whether the routes are as expected; {@code detail} says how, or what differs. */
    record Verdict(boolean passed, String detail) {
    }

    private final ClientLocations places;
    private final String arrow;

    RouteChecks(ClientLocations places, String arrow) {
        this.places = places;
        this.arrow = arrow;
    }

    /** Every location answered by its nearest Region, for that reason. */
    Verdict nearest(List<Route> routes) {
        if (routes.isEmpty()) {
            return new Verdict(false, "no client location was asked about");
        }
        List<String> wrong = new ArrayList<>();
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (Route route : routes) {
            if (route.reason() != Route.Reason.NEAREST || !route.answer().equals(List.of(route.near()))) {
                wrong.add(describe(route) + " (expected " + route.near() + ")");
            }
            byRegion.computeIfAbsent(String.join(", ", route.answer()), k -> new ArrayList<>())
                    .add(route.location().name());
        }
        if (!wrong.isEmpty()) {
            return new Verdict(false, String.join("; ", wrong));
        }
        List<String> lines = new ArrayList<>();
        byRegion.forEach((region, names) -> lines.add(String.join(", ", names) + " " + arrow + " " + region));
        return new Verdict(true, String.join("; ", lines));
    }

    /**
     * After {@code drained} was drained: the locations whose nearest Region it was are answered by the next-closest
     * of {@code regions}, and the others as {@code before}.
     */
    Verdict afterDrain(List<Route> before, List<Route> after, String drained, List<String> regions) {
        Map<String, Route> now = new LinkedHashMap<>();
        after.forEach(route -> now.put(route.location().name(), route));
        List<String> others = regions.stream().filter(r -> !r.equals(drained)).toList();
        List<String> wrong = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        int unchanged = 0;
        for (Route was : before) {
            Route is = now.get(was.location().name());
            if (is == null) {
                wrong.add(was.location().name() + " was not asked about");
            } else if (drained.equals(was.near())) {
                String next = places.nearest(was.location(), others);
                if (is.reason() != Route.Reason.NEXT_CLOSEST || !is.answer().equals(List.of(next))) {
                    wrong.add(describe(is) + " (expected " + next + ", the next-closest)");
                } else {
                    moved.add(is.location().name() + " " + arrow + " " + next);
                }
            } else if (!is.answer().equals(was.answer())) {
                wrong.add(describe(is) + " (expected " + String.join(", ", was.answer()) + " as before)");
            } else {
                unchanged++;
            }
        }
        if (!wrong.isEmpty()) {
            return new Verdict(false, String.join("; ", wrong));
        }
        return new Verdict(true, "clients near " + drained + ": " + (moved.isEmpty() ? "none" : String.join(", ", moved))
                + "; " + unchanged + " other location(s) unchanged");
    }

    private String describe(Route route) {
        return route.location().name() + " " + arrow + " "
                + (route.answer().isEmpty() ? "nothing" : String.join(", ", route.answer())) + ": " + route.why();
    }
}
