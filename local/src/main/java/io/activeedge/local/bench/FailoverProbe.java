package io.activeedge.local.bench;

import io.activeedge.core.Json;
import io.activeedge.failover.FailoverHandler;
import io.activeedge.failover.FailoverPriming;
import io.activeedge.local.localcloud.ApiCallCounter;
import io.activeedge.local.localcloud.LocalContext;
import io.activeedge.local.localcloud.Template;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crac.Core;

/**
 * Runs in a fresh JVM that the benchmark starts, and models a SnapStart function: builds the failover handler as
 * Lambda does (its no-argument constructor), then runs the SnapStart priming hooks as Lambda does before the
 * snapshot (the ones the handler registered; when it registered none, a {@link FailoverPriming} with the SDK path
 * only). What follows is what a restored function pays: each event of a file, one JSON event a line, through
 * {@code handleRequest}. Prints one result line with the {@link System#nanoTime()} of each step and the AWS calls
 * of each event; nothing is parsed for the result before the last event is handled.
 */
public final class FailoverProbe {
    /** FailoverFunction as template.yaml declares it (name, timeout, memory). */
    static final Template.Function FUNCTION = new Template.Function("FailoverFunction",
            FailoverHandler.class.getName(), "FailoverFunction", 30, 512);

    /** The Region the events' alarm is in, whose decision the result reads. */
    static final String REGION = "us-east-1";

    private FailoverProbe() {
    }

    public static void main(String[] args) throws IOException {
        long mainNanos = System.nanoTime();
        long mainWallMillis = System.currentTimeMillis();
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: FailoverProbe EVENTS_FILE (one JSON event a line)");
        }
        List<byte[]> events = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        LocalContext[] contexts = new LocalContext[events.size()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new LocalContext(FUNCTION, "bench-" + i, System.err);
        }

        long initStart = System.nanoTime();
        FailoverHandler handler = new FailoverHandler();
        long initNanos = System.nanoTime() - initStart;

        long primeStart = System.nanoTime();
        int hooks = FailoverPriming.beforeCheckpointOfRegistered();
        if (hooks == 0) {
            new FailoverPriming(() -> { }).beforeCheckpoint(Core.getGlobalContext());
        }
        long primeNanos = System.nanoTime() - primeStart;

        long[] eventNanos = new long[events.size()];
        long firstDoneNanos = 0;
        String[] outputs = new String[events.size()];
        List<Map<String, Long>> calls = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Map<String, Long> before = ApiCallCounter.snapshot();
            long start = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(events.get(i)), out, contexts[i]);
            long end = System.nanoTime();
            eventNanos[i] = end - start;
            if (i == 0) {
                firstDoneNanos = end;
            }
            outputs[i] = out.toString(StandardCharsets.UTF_8);
            calls.add(difference(before, ApiCallCounter.snapshot()));
        }

        long vmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<Long> nanos = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < eventNanos.length; i++) {
            nanos.add(eventNanos[i]);
            actions.add(Decisions.action(outputs[i], REGION));
        }
        ProbeResult result = new ProbeResult("failover", vmStartMillis, mainWallMillis, mainNanos, initNanos, primeNanos,
                hooks, firstDoneNanos, nanos, actions, calls);
        System.out.println(FailoverBenchmark.RESULT_PREFIX + Json.MAPPER.writeValueAsString(result));
        System.out.flush();
        // Lambda freezes the process after a response; here it must end, whatever threads the libraries left.
        System.exit(0);
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> made = new LinkedHashMap<>();
        after.forEach((service, count) -> {
            long delta = count - before.getOrDefault(service, 0L);
            if (delta > 0) {
                made.put(service, delta);
            }
        });
        return made;
    }
}
