package io.activeedge.local.bench;

import io.activeedge.core.Json;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The baseline: a fresh JVM that only builds a Route 53 client the way the functions do (Region.AWS_GLOBAL,
 * UrlConnectionHttpClient, the default credentials chain and AWS_ENDPOINT_URL), as a bare function would at init,
 * with no priming hook, and then times its first N ListHealthChecks calls in a row: what such a function pays after a
 * restore for N round trips. N is the argument: the number of AWS calls the cold decision made in the same run.
 */
public final class Route53Probe {

    private Route53Probe() {
    }

    public static void main(String[] args) throws Exception {
        long mainNanos = System.nanoTime();
        long mainWallMillis = System.currentTimeMillis();
        int calls = args.length == 1 ? Integer.parseInt(args[0]) : 1;
        if (calls < 1) {
            throw new IllegalArgumentException("usage: Route53Probe CALLS (at least 1)");
        }

        long initStart = System.nanoTime();
        Route53Client route53 = Route53Client.builder().region(Region.AWS_GLOBAL)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        long initNanos = System.nanoTime() - initStart;

        long start = System.nanoTime();
        int checks = 0;
        for (int i = 0; i < calls; i++) {
            checks = route53.listHealthChecks().healthChecks().size();
        }
        long end = System.nanoTime();

        long vmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        ProbeResult result = new ProbeResult("route53", vmStartMillis, mainWallMillis, mainNanos, initNanos, 0, 0, end,
                List.of(end - start), List.of("LISTED_" + checks), List.of(Map.of("Route53", (long) calls)));
        System.out.println(FailoverBenchmark.RESULT_PREFIX + Json.MAPPER.writeValueAsString(result));
        System.out.flush();
        System.exit(0);
    }
}
