package io.activeedge.local.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import io.activeedge.local.places.ClientLocations;
import io.activeedge.local.places.ClientLocations.Location;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Why Route 53 answers a location as it does, from its answer and the Regions' health. */
class RouteTest {
    private static final Location DUBLIN = ClientLocations.table().all().stream()
            .filter(l -> l.name().equals("Dublin")).findFirst().orElseThrow();

    private static RoutingTable.Row serving(String region) {
        return new RoutingTable.Row(region, true, true, false, null, null);
    }

    private static RoutingTable.Row drained(String region) {
        return new RoutingTable.Row(region, true, true, true, null, null);
    }

    private static RoutingTable.Row down(String region) {
        return new RoutingTable.Row(region, true, false, false, null, null);
    }

    @Test
    void of_nearestServes_isTheLowestLatencyHealthyRegion() {
        Route route = Route.of(DUBLIN, "eu-west-1", List.of("eu-west-1"),
                Map.of("eu-west-1", serving("eu-west-1"), "us-east-1", serving("us-east-1")));

        assertThat(route.reason()).isEqualTo(Route.Reason.NEAREST);
        assertThat(route.why()).isEqualTo("lowest-latency healthy Region");
    }

    @Test
    void of_nearestDrained_isTheNextClosestBecauseItIsDrained() {
        Route route = Route.of(DUBLIN, "eu-west-1", List.of("us-east-1"),
                Map.of("eu-west-1", drained("eu-west-1"), "us-east-1", serving("us-east-1")));

        assertThat(route.reason()).isEqualTo(Route.Reason.NEXT_CLOSEST);
        assertThat(route.why()).isEqualTo("next-closest, because eu-west-1 is drained");
    }

    @Test
    void of_nearestEndpointDown_isTheNextClosestBecauseItIsUnhealthy() {
        Route route = Route.of(DUBLIN, "eu-west-1", List.of("us-east-1"),
                Map.of("eu-west-1", down("eu-west-1"), "us-east-1", serving("us-east-1")));

        assertThat(route.why()).isEqualTo("next-closest, because eu-west-1 is unhealthy");
    }

    @Test
    void of_noGateHealthy_isEveryRegionBecauseRoute53FailsOpen() {
        Route route = Route.of(DUBLIN, "eu-west-1", List.of("eu-west-1"),
                Map.of("eu-west-1", drained("eu-west-1"), "us-east-1", down("us-east-1")));

        assertThat(route.reason()).isEqualTo(Route.Reason.FAIL_OPEN);
        assertThat(route.why()).startsWith("every Region, because Route 53 fails open when none is healthy");
    }

    @Test
    void of_anotherHealthyRegionAnswersWhileTheNearestServes_isRoute53sLatencyData() {
        Route route = Route.of(DUBLIN, "eu-west-1", List.of("eu-west-2"),
                Map.of("eu-west-1", serving("eu-west-1"), "eu-west-2", serving("eu-west-2")));

        assertThat(route.reason()).isEqualTo(Route.Reason.LATENCY_DATA);
        assertThat(route.why()).contains("Route 53's latency data (eu-west-1 by distance)");
    }

    @Test
    void of_answerIsNoHealthyRegion_saysSo() {
        Map<String, RoutingTable.Row> regions = Map.of("eu-west-1", serving("eu-west-1"), "us-east-1",
                drained("us-east-1"));

        assertThat(Route.of(DUBLIN, "eu-west-1", List.of("us-east-1"), regions).why())
                .startsWith("Route 53 answered with us-east-1, whose gate is not healthy");
        assertThat(Route.of(DUBLIN, "eu-west-1", List.of("192.0.2.7"), regions).reason())
                .isEqualTo(Route.Reason.UNEXPECTED);
        assertThat(Route.of(DUBLIN, "eu-west-1", List.of(), regions).why()).isEqualTo("Route 53 answered with no record");
    }

    @Test
    void json_routes_isTheListOfLocationNearAnswerReason() throws Exception {
        Map<String, RoutingTable.Row> regions = Map.of("eu-west-1", drained("eu-west-1"), "us-east-1",
                serving("us-east-1"));

        JsonNode json = Json.MAPPER.readTree(ClientRoutes.json(List.of(
                Route.of(DUBLIN, "eu-west-1", List.of("us-east-1"), regions),
                Route.of(DUBLIN, null, List.of("us-east-1"), regions))));

        assertThat(json.get(0).toString()).isEqualTo("{\"location\":\"Dublin\",\"near\":\"eu-west-1\","
                + "\"answer\":[\"us-east-1\"],\"reason\":\"next-closest, because eu-west-1 is drained\"}");
        assertThat(json.get(1).get("near").isNull()).isTrue();
    }

    @Test
    void format_everyRouteFailsOpen_saysRoute53AnswersWithEveryRegion() {
        Map<String, RoutingTable.Row> regions = Map.of("eu-west-1", down("eu-west-1"), "us-east-1", down("us-east-1"));

        String table = ClientRoutes.format("shop", List.of(Route.of(DUBLIN, "eu-west-1", List.of("eu-west-1"), regions)));

        assertThat(table).contains("LOCATION", "Dublin", "134.226.0.0/24", "every Region, because Route 53 fails open")
                .contains("no gate is healthy: Route 53 fails open and answers with every Region");
    }
}
