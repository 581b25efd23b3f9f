package io.activeedge.local.bench;

import io.activeedge.failover.FailoverHandler;
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
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs in a fresh JVM that the benchmark starts: builds the failover handler as Lambda does (its no-argument
 * constructor) and passes it each event of a file, one JSON event a line, through {@code handleRequest}. Prints
 * one result line with the {@link System#nanoTime()} of each step; nothing is parsed or loaded for the result
 * before the last event is handled.
 */
public final class FailoverProbe {
    /** FailoverFunction as template.yaml declares it (name, timeout, memory). */
    static final Template.Function FUNCTION = new Template.Function("FailoverFunction",
            FailoverHandler.class.getName(), "FailoverFunction", 30, 512);

    private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"([A-Z_]+)\"");

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

        long[] eventNanos = new long[events.size()];
        long firstDoneNanos = 0;
        String[] outputs = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long start = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(events.get(i)), out, contexts[i]);
            long end = System.nanoTime();
            eventNanos[i] = end - start;
            if (i == 0) {
                firstDoneNanos = end;
            }
            outputs[i] = out.toString(StandardCharsets.UTF_8);
        }

        long vmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        StringJoiner nanos = new StringJoiner(",", "[", "]");
        StringJoiner actions = new StringJoiner(",", "[", "]");
        for (int i = 0; i < eventNanos.length; i++) {
            nanos.add(Long.toString(eventNanos[i]));
            Matcher action = ACTION.matcher(outputs[i]);
            actions.add(action.find() ? "\"" + action.group(1) + "\"" : "null");
        }
        System.out.println(FailoverBenchmark.RESULT_PREFIX + "{\"probe\":\"failover\",\"vmStartMillis\":" + vmStartMillis
                + ",\"mainWallMillis\":" + mainWallMillis + ",\"mainNanos\":" + mainNanos + ",\"initNanos\":" + initNanos
                + ",\"firstDoneNanos\":" + firstDoneNanos + ",\"eventNanos\":" + nanos + ",\"actions\":" + actions + "}");
        System.out.flush();
        // Lambda freezes the process after a response; here it must end, whatever threads the libraries left.
        System.exit(0);
    }
}
