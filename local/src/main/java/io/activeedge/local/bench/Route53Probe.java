package io.activeedge.local.bench;

import java.lang.management.ManagementFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * The baseline: a fresh JVM that only builds a Route 53 client the way the functions do (Region.AWS_GLOBAL,
 * UrlConnectionHttpClient, the default credentials chain and AWS_ENDPOINT_URL) and makes one ListHealthChecks call.
 */
public final class Route53Probe {

    private Route53Probe() {
    }

    public static void main(String[] args) {
        long mainNanos = System.nanoTime();
        long mainWallMillis = System.currentTimeMillis();

        long initStart = System.nanoTime();
        Route53Client route53 = Route53Client.builder().region(Region.AWS_GLOBAL)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        long initNanos = System.nanoTime() - initStart;

        long start = System.nanoTime();
        int checks = route53.listHealthChecks().healthChecks().size();
        long end = System.nanoTime();

        long vmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(FailoverBenchmark.RESULT_PREFIX + "{\"probe\":\"route53\",\"vmStartMillis\":" + vmStartMillis
                + ",\"mainWallMillis\":" + mainWallMillis + ",\"mainNanos\":" + mainNanos + ",\"initNanos\":" + initNanos
                + ",\"firstDoneNanos\":" + end + ",\"eventNanos\":[" + (end - start) + "],\"actions\":[\"LISTED_"
                + checks + "\"]}");
        System.out.flush();
        System.exit(0);
    }
}
