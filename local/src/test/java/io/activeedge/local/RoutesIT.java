package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.local.localcloud.EmulatorControl;
import io.activeedge.local.places.ClientLocations;
import io.activeedge.local.report.ClientRoutes;
import io.activeedge.local.report.LatencyGroup;
import io.activeedge.local.report.Route;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.RRType;

/**
 * {@code ./active-edge routes} on the local cloud: a three-Region application, the Region its TestDNSAnswer gives
 * clients at each location, before and after a drain, and when no gate is healthy.
 */
class RoutesIT {
    private static final String EAST = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final String TOKYO = "ap-northeast-1";
    private static final List<String> REGIONS = List.of(EAST, EU, TOKYO);
    private static final ClientLocations PLACES = ClientLocations.table();

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("routes-it");

    @Test
    void routes_threeRegionsThenOneDrained_clientsNearItMoveToTheirNextClosestRegion() {
        String app = "routes3";
        TestApps.provision(LOCAL.session(), TestApps.input(app, REGIONS));

        Map<String, Route> before = routes(app);

        assertThat(before.keySet()).as("by Region, then the well-known places").containsExactly("Tokyo", "Dublin",
                "Virginia", "Oregon", "São Paulo", "Frankfurt", "Johannesburg", "Sydney");
        before.values().forEach(route -> {
            assertThat(route.answer()).as(route.location().name()).containsExactly(route.near());
            assertThat(route.why()).as(route.location().name()).isEqualTo("lowest-latency healthy Region");
        });
        assertThat(before.get("Dublin").answer()).containsExactly(EU);
        assertThat(before.get("Frankfurt").answer()).containsExactly(EU);
        assertThat(before.get("Sydney").answer()).containsExactly(TOKYO);
        assertThat(before.get("São Paulo").answer()).containsExactly(EAST);

        setSwitch(app, EU, true);
        Map<String, Route> drained = routes(app);

        for (Route was : before.values()) {
            Route is = drained.get(was.location().name());
            if (EU.equals(was.near())) {
                assertThat(is.answer()).as(is.location().name())
                        .containsExactly(PLACES.nearest(was.location(), List.of(EAST, TOKYO)));
                assertThat(is.why()).isEqualTo("next-closest, because eu-west-1 is drained");
            } else {
                assertThat(is.answer()).as(is.location().name() + " unchanged").isEqualTo(was.answer());
            }
        }
        assertThat(drained.get("Dublin").answer()).containsExactly(EAST);
        assertThat(drained.get("Johannesburg").answer()).containsExactly(EAST);

        setSwitch(app, EU, false);

        assertThat(routes(app).values()).allSatisfy(route -> assertThat(route.answer()).containsExactly(route.near()));
    }

    @Test
    void routes_everyGateUnhealthy_route53FailsOpenAndAnswersWithEveryRegion() {
        String app = "routes0";
        TestApps.provision(LOCAL.session(), TestApps.input(app, REGIONS));
        EmulatorControl control = new EmulatorControl(LOCAL.cloud().endpoint());
        REGIONS.forEach(region -> control.setEndpointHealth(LOCAL.route53(), app, region, false));

        List<RoutingTable.Row> rows = new RoutingTable(LOCAL.route53()).of(app);
        List<Route> routes = new ClientRoutes(LOCAL.route53()).of(app, null, rows);

        assertThat(routes).allSatisfy(route -> {
            assertThat(route.reason()).isEqualTo(Route.Reason.FAIL_OPEN);
            assertThat(route.answer()).as("the lowest latency of all").containsExactly(route.near());
        });
        assertThat(routes.stream().flatMap(r -> r.answer().stream()).distinct()).containsExactlyInAnyOrderElementsOf(
                REGIONS);
        assertThat(ClientRoutes.format(app, routes))
                .contains("every Region, because Route 53 fails open when none is healthy")
                .contains("Route 53 fails open and answers with every Region");

        control.setEndpointHealth(LOCAL.route53(), app, TOKYO, true);

        Map<String, Route> oneUp = routes(app);
        assertThat(oneUp.values()).allSatisfy(route -> assertThat(route.answer()).containsExactly(TOKYO));
        assertThat(oneUp.get("Dublin").why()).isEqualTo("next-closest, because eu-west-1 is unhealthy");
    }

    @Test
    void testDnsAnswer_subnetMaskOutOfRangeOrUnknownName_isRefusedOrNxdomainAsRoute53Does() {
        String app = "routesdns";
        TestApps.provision(LOCAL.session(), TestApps.input(app, List.of(EAST, EU)));
        LatencyGroup group = LatencyGroup.of(LOCAL.route53(), app, null);

        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_TestDNSAnswer.html: "IPv4: Specify a value
        // between 0 and 32".
        assertThatThrownBy(() -> LOCAL.route53().testDNSAnswer(r -> r.hostedZoneId(group.zoneId())
                .recordName(group.name()).recordType(RRType.A).edns0ClientSubnetIP("134.226.0.0")
                .edns0ClientSubnetMask("33"))).isInstanceOf(InvalidInputException.class);
        assertThat(LOCAL.route53().testDNSAnswer(r -> r.hostedZoneId(group.zoneId())
                .recordName("nothing-here." + app + ".example.net").recordType(RRType.A)).responseCode())
                .isEqualTo("NXDOMAIN");
        assertThat(LOCAL.route53().testDNSAnswer(r -> r.hostedZoneId(group.zoneId()).recordName(group.name())
                .recordType(RRType.A)).recordData()).as("no subnet: a resolver in us-east-1")
                .containsExactlyElementsOf(group.values().get(EAST));
    }

    private static Map<String, Route> routes(String app) {
        return new ClientRoutes(LOCAL.route53()).of(app, null, new RoutingTable(LOCAL.route53()).of(app)).stream()
                .collect(Collectors.toMap(r -> r.location().name(), Function.identity(), (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** Drains ({@code inverted}) or restores the Region as the failover function does: the switch's Inverted. */
    private static void setSwitch(String app, String region, boolean inverted) {
        String switchId = new HealthCheckLookup(LOCAL.route53()).of(app).get(region).switchId();
        long version = LOCAL.route53().getHealthCheck(r -> r.healthCheckId(switchId)).healthCheck().healthCheckVersion();
        LOCAL.route53().updateHealthCheck(r -> r.healthCheckId(switchId).healthCheckVersion(version).inverted(inverted));
    }
}
