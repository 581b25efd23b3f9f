package io.activeedge.certificates;

import io.activeedge.core.RegionalClients;
import io.activeedge.input.AppSpec;
import io.activeedge.input.HealthCheckSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.input.TimingSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.Run;
import io.activeedge.testing.FakeAcm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.acm.AcmClient;

/** The example application of DESIGN.md, as the certificate steps receive it, and fake ACM per Region. */
public final class ExampleApp {
    static final String ZONE_ID = "Z0EXAMPLE";
    static final Instant STARTED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private ExampleApp() {
    }

    static AppSpec input(List<String> aliases, String... regions) {
        List<RegionSpec> regionSpecs = java.util.Arrays.stream(regions).map(r -> new RegionSpec(r,
                new OriginSpec(null, "d-abc123.execute-api." + r + ".amazonaws.com", "Z2OJLYMUO9EFXC", null, null),
                List.of())).toList();
        return new AppSpec("shop", "example.com", null, aliases, "api.example.com", regionSpecs,
                new HealthCheckSpec("/health", 10, 3, 443), null, new TimingSpec(15, 60, 30, 45),
                Map.of("team", "payments"), false);
    }

    static AppSpec input() {
        return input(List.of("example.com", "www.example.com"), "us-east-1", "us-west-2");
    }

    static Run run(String id) {
        return new Run(id, STARTED_AT);
    }

    static HostedZone zone() {
        return new HostedZone(ZONE_ID, "example.com.", List.of("ns-1.awsdns-01.org", "ns-2.awsdns-02.co.uk"), false);
    }

    /** A fake ACM per Region, made on first use, as RegionalClients makes real ones. */
    public static final class Acm {
        final Map<String, FakeAcm> regions = new TreeMap<>();
        public final RegionalClients<AcmClient> clients = new RegionalClients<>(this::in);

        public synchronized FakeAcm in(String region) {
            return regions.computeIfAbsent(region, FakeAcm::new);
        }

        public int count() {
            return regions.values().stream().mapToInt(FakeAcm::count).sum();
        }
    }
}
