package io.activeedge.local.places;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.AwsRegions;
import io.activeedge.local.places.ClientLocations.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table of client locations and the latency model over it. */
class ClientLocationsTest {
    private static final ClientLocations TABLE = ClientLocations.table();

    private static Location named(String name) {
        return TABLE.all().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void nearest_everyLocationThatStandsForARegion_isThatRegionAmongAllRegions() {
        for (Location location : TABLE.all()) {
            if (location.region() != null) {
                assertThat(TABLE.nearest(location, AwsRegions.LATENCY_ROUTING)).as(location.name())
                        .isEqualTo(location.region());
            }
        }
    }

    @Test
    void byLatency_everyLatencyRoutingRegion_hasAPlace() {
        Location virginia = named("Virginia");

        assertThat(TABLE.byLatency(virginia, AwsRegions.LATENCY_ROUTING)).hasSameSizeAs(AwsRegions.LATENCY_ROUTING)
                .first().isEqualTo("us-east-1");
        assertThat(TABLE.byLatency(virginia, List.of("us-east-1", "atlantis-1"))).containsExactly("us-east-1");
    }

    @Test
    void byLatency_threeRegions_ordersByGreatCircleDistance() {
        List<String> regions = List.of("us-east-1", "eu-west-1", "ap-northeast-1");

        assertThat(TABLE.byLatency(named("Frankfurt"), regions)).containsExactly("eu-west-1", "us-east-1",
                "ap-northeast-1");
        assertThat(TABLE.byLatency(named("Sydney"), regions)).containsExactly("ap-northeast-1", "us-east-1",
                "eu-west-1");
        assertThat(TABLE.nearest(named("São Paulo"), regions)).isEqualTo("us-east-1");
    }

    @Test
    void distanceKm_knownCities_isTheGreatCircleDistance() {
        // Dublin to Ashburn is about 5,460 km, Tokyo to the Tokyo Region a few km.
        assertThat(TABLE.distanceKm(named("Dublin"), "us-east-1")).isBetween(5400.0, 5520.0);
        assertThat(TABLE.distanceKm(named("Tokyo"), "ap-northeast-1")).isLessThan(20.0);
        assertThat(TABLE.distanceKm(named("Tokyo"), "atlantis-1")).isInfinite();
    }

    @Test
    void shownFor_anAppsRegions_listsTheirLocationsInOrderThenTheWellKnownPlaces() {
        assertThat(TABLE.shownFor(List.of("eu-west-1", "us-east-1"))).extracting(Location::name).containsExactly(
                "Dublin", "Virginia", "Oregon", "São Paulo", "Frankfurt", "Johannesburg", "Tokyo", "Sydney");
    }

    @Test
    void subnet_everyLocation_isAPublicSlash24WithAnOwner() {
        for (Location location : TABLE.all()) {
            assertThat(location.mask()).as(location.name()).isEqualTo("24");
            assertThat(location.address()).as(location.name()).matches("\\d+\\.\\d+\\.\\d+\\.0");
            assertThat(location.owner()).as(location.name()).isNotBlank();
        }
        assertThat(TABLE.all()).extracting(Location::subnet).doesNotHaveDuplicates();
    }
}
