package io.activeedge.local.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.local.places.ClientLocations;
import io.activeedge.local.places.ClientLocations.Location;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

/**
 * Which Region Route 53 answers clients near each of an application's Regions (and at a few well-known places)
 * with, asked of Route 53 itself: TestDNSAnswer for the origin name with an EDNS0 client subnet at each location
 * ({@link ClientLocations}).
 */
public final class ClientRoutes {

    private final Route53Client route53;
    private final ClientLocations places;
    private final Function<String, List<String>> resolver;

    public ClientRoutes(Route53Client route53) {
        this(route53, ClientLocations.table(), ClientRoutes::addresses);
    }

    /** @param resolver the addresses of a DNS name (an alias target's), to tell which record an address came from */
    ClientRoutes(Route53Client route53, ClientLocations places, Function<String, List<String>> resolver) {
        this.route53 = route53;
        this.places = places;
        this.resolver = resolver;
    }

    /**
     * One route per location shown for the application's Regions.
     *
     * @param zoneId the zone of the application's records; null to search every public hosted zone
     * @param health the Regions' health, as {@link RoutingTable#of} reads it
     */
    public List<Route> of(String app, String zoneId, List<RoutingTable.Row> health) {
        LatencyGroup group = LatencyGroup.of(route53, app, zoneId);
        Map<String, RoutingTable.Row> byRegion = new HashMap<>();
        health.forEach(row -> byRegion.put(row.region(), row));
        Answers answers = new Answers(group);
        List<Route> routes = new ArrayList<>();
        for (Location location : places.shownFor(group.regions())) {
            // https://docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html: "If the resolver that you
            // specified for resolverip supports EDNS0, specify the IPv4 or IPv6 address of a client in the applicable
            // location"; with edns0clientsubnetmask 24 "the checking tool will simulate a request from 192.0.2.0/24".
            // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-latency.html: with a resolver
            // that supports edns-client-subnet, "If you configure latency-based routing, Route 53 considers this value".
            TestDnsAnswerResponse answer = route53.testDNSAnswer(r -> r.hostedZoneId(group.zoneId())
                    .recordName(group.name()).recordType(RRType.A)
                    .edns0ClientSubnetIP(location.address()).edns0ClientSubnetMask(location.mask()));
            List<String> regions = answers.regions(answer.recordData());
            routes.add(Route.of(location, places.nearest(location, group.regions()), regions, byRegion));
        }
        return routes;
    }

    /** Tells which Region's record a value of an answer came from. */
    private final class Answers {
        private final LatencyGroup group;
        private final Map<String, String> regionOf = new HashMap<>();
        private boolean resolved;

        Answers(LatencyGroup group) {
            this.group = group;
            group.values().forEach((region, values) -> values.forEach(v -> regionOf.put(v, region)));
        }

        /**
         * The Regions whose records the values come from; a value that is none of them stays as it is. Route 53
         * answers an alias record with its target's addresses (the local cloud, which has none, with the target's
         * name), so an address is looked up among the addresses the alias targets resolve to.
         */
        List<String> regions(List<String> values) {
            Set<String> regions = new LinkedHashSet<>();
            for (String value : values) {
                String bare = LatencyGroup.bare(value);
                if (!regionOf.containsKey(bare) && !resolved) {
                    resolved = true;
                    group.values().forEach((region, targets) -> targets.forEach(
                            target -> resolver.apply(target).forEach(address -> regionOf.putIfAbsent(address, region))));
                }
                regions.add(regionOf.getOrDefault(bare, value));
            }
            return List.copyOf(regions);
        }
    }

    private static List<String> addresses(String name) {
        try {
            return Arrays.stream(InetAddress.getAllByName(name)).map(InetAddress::getHostAddress).toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    /** The routes as a table under a heading, with a line when Route 53 fails open. */
    public static String format(String app, List<Route> routes) {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"LOCATION", "CLIENT", "NEAR", "ANSWER", "WHY"});
        for (Route route : routes) {
            cells.add(new String[] {route.location().name(), route.location().subnet(),
                    route.near() == null ? "-" : route.near(), String.join(", ", route.answer()), route.why()});
        }
        int[] widths = new int[5];
        cells.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        StringBuilder text = new StringBuilder("clients of " + app + " (Route 53 TestDNSAnswer, EDNS0 client subnet)")
                .append(System.lineSeparator());
        for (String[] line : cells) {
            StringBuilder out = new StringBuilder("  ");
            for (int i = 0; i < line.length; i++) {
                out.append(i == line.length - 1 ? line[i] : String.format("%-" + (widths[i] + 3) + "s", line[i]));
            }
            text.append(out.toString().stripTrailing()).append(System.lineSeparator());
        }
        if (!routes.isEmpty() && routes.stream().allMatch(r -> r.reason() == Route.Reason.FAIL_OPEN)) {
            text.append("  no gate is healthy: Route 53 fails open and answers with every Region, each client with its"
                    + " lowest-latency one").append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }

    /** The routes as {@code routes --json} prints them: [{"location", "near", "answer", "reason"}]. */
    public static String json(List<Route> routes) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Route route : routes) {
            ObjectNode node = list.addObject().put("location", route.location().name()).put("near", route.near());
            route.answer().forEach(node.putArray("answer")::add);
            node.put("reason", route.why());
        }
        return list.toPrettyString();
    }
}
