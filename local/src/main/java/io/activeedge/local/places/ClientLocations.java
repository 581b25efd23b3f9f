package io.activeedge.local.places;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where clients are and where the AWS Regions are ({@value #RESOURCE}): one place near each Region and a few
 * well-known places, each with a client subnet there, and the latency model that the local cloud answers
 * TestDNSAnswer with: a client's latency to a Region grows with the great-circle distance between them. The same
 * file is the local cloud's table (latency_routing.py reads it), so the view and the emulator agree.
 */
public final class ClientLocations {

    /** The table, on the classpath; the local cloud gets a copy next to its Python modules. */
    public static final String RESOURCE = "/io/activeedge/local/places/client_locations.json";
    private static final double EARTH_RADIUS_KM = 6371.0;

    /**
     * A place with clients.
     *
     * @param region    the AWS Region it stands for (null for a well-known place that stands for none)
     * @param subnet    a client subnet there, as CIDR (a /24 of {@code owner}'s published network)
     * @param wellKnown shown for every application, not only for one in its Region
     */
    public record Location(String name, String region, boolean wellKnown, double lat, double lon, String subnet,
                           String owner) {
        /** The subnet's address, for EDNS0ClientSubnetIP. */
        public String address() {
            return subnet.substring(0, subnet.indexOf('/'));
        }

        /** The subnet's length, for EDNS0ClientSubnetMask. */
        public String mask() {
            return subnet.substring(subnet.indexOf('/') + 1);
        }
    }

    /** A Region's place: the city its name gives. */
    public record Place(String city, double lat, double lon) {
    }

    private static final ClientLocations TABLE = read();

    private final List<Location> locations;
    private final Map<String, Place> regions;

    ClientLocations(List<Location> locations, Map<String, Place> regions) {
        this.locations = List.copyOf(locations);
        this.regions = Map.copyOf(regions);
    }

    /** The table of {@value #RESOURCE}. */
    public static ClientLocations table() {
        return TABLE;
    }

    public List<Location> all() {
        return locations;
    }

    /**
     * The locations to show for an application in {@code regions}: those that stand for one of its Regions, in the
     * order of its Regions, then the well-known places.
     */
    public List<Location> shownFor(Collection<String> regions) {
        Set<Location> shown = new LinkedHashSet<>();
        for (String region : regions) {
            locations.stream().filter(l -> region.equals(l.region())).forEach(shown::add);
        }
        locations.stream().filter(Location::wellKnown).forEach(shown::add);
        return List.copyOf(shown);
    }

    /** Great-circle distance in km (haversine) from the location to the Region; infinite for an unknown Region. */
    public double distanceKm(Location location, String region) {
        Place place = regions.get(region);
        if (place == null) {
            return Double.POSITIVE_INFINITY;
        }
        double lat1 = Math.toRadians(location.lat());
        double lat2 = Math.toRadians(place.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(place.lon() - location.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    /** {@code regions} from the lowest latency to the highest for clients at the location (known Regions only). */
    public List<String> byLatency(Location location, Collection<String> regions) {
        return regions.stream().distinct().filter(this.regions::containsKey)
                .sorted(Comparator.comparingDouble((String r) -> distanceKm(location, r)).thenComparing(r -> r))
                .toList();
    }

    /** The Region of {@code regions} with the lowest latency for the location; null when none is known. */
    public String nearest(Location location, Collection<String> regions) {
        List<String> ranked = byLatency(location, regions);
        return ranked.isEmpty() ? null : ranked.getFirst();
    }

    private static ClientLocations read() {
        try (InputStream in = ClientLocations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild the local module");
            }
            JsonNode table = Json.MAPPER.readTree(in);
            List<Location> locations = new ArrayList<>();
            for (JsonNode l : table.path("locations")) {
                locations.add(new Location(l.path("name").asText(), l.path("region").isNull() ? null
                        : l.path("region").asText(), l.path("wellKnown").asBoolean(false), l.path("lat").asDouble(),
                        l.path("lon").asDouble(), l.path("subnet").asText(), l.path("owner").asText()));
            }
            Map<String, Place> regions = new LinkedHashMap<>();
            table.path("regions").properties().forEach(e -> regions.put(e.getKey(), new Place(
                    e.getValue().path("city").asText(), e.getValue().path("lat").asDouble(),
                    e.getValue().path("lon").asDouble())));
            return new ClientLocations(locations, regions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
