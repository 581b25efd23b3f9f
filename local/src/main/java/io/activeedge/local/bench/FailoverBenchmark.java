package io.activeedge.local.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.local.localcloud.LocalCloud;
import io.activeedge.local.localcloud.LocalState;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Cold start and warm latency of the failover function against the local cloud.
 * <ul>
 *   <li>Starts a local cloud and provisions events/provision.json with the CLI's {@code provision} (stand-in
 *       alarms, the real state machine and functions), so there are real switches and marked alarms.</li>
 *   <li>Cold: N times, a fresh JVM with Lambda's JVM options runs {@link FailoverProbe} on one ALARM event and
 *       one OK event (each drains or restores the switch), and a fresh JVM runs {@link Route53Probe}, the
 *       baseline of a bare Route 53 client and one call.</li>
 *   <li>Warm: one fresh JVM, one handler instance, warm-up events and then M events, ALARM and OK in turn.</li>
 * </ul>
 * Prints a table and writes every number to local/target/bench/failover.json.
 *
 * <p>"Spawn to main" compares the parent's and the child's {@link System#nanoTime()}: on Linux both read the
 * system-wide CLOCK_MONOTONIC.
 */
public final class FailoverBenchmark {
    static final String RESULT_PREFIX = "bench-result ";
    static final int DEFAULT_RUNS = 5;
    static final int DEFAULT_WARM = 200;
    static final int WARM_UP_EVENTS = 20;
    /** What template.yaml's Globals give every function. */
    static final String LAMBDA_JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    static final String ALARM_EVENT = "events/FailoverFunction-alarm-direct.json";
    static final String PROVISION_INPUT = "events/provision.json";
    static final String DRAINED = "DRAINED";
    static final String RESTORED = "RESTORED";
    private static final Duration PROVISION_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration COLD_TIMEOUT = Duration.ofSeconds(60);
    private static final DateTimeFormatter CLOUDWATCH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a probe prints; times are the child's {@link System#nanoTime()} and wall clock. */
    record ProbeResult(String probe, long vmStartMillis, long mainWallMillis, long mainNanos, long initNanos,
                       long firstDoneNanos, List<Long> eventNanos, List<String> actions) {
    }

    /** One fresh JVM as the parent saw it. */
    record ProbeRun(long spawnNanos, long exitNanos, ProbeResult result) {
        long spawnToMainNanos() {
            return result.mainNanos() - spawnNanos;
        }

        long vmStartToMainNanos() {
            return (result.mainWallMillis() - result.vmStartMillis()) * 1_000_000L;
        }

        long spawnToFirstResultNanos() {
            return result.firstDoneNanos() - spawnNanos;
        }

        long processNanos() {
            return exitNanos - spawnNanos;
        }
    }

    private final Path root;
    private final Path out;
    private final int runs;
    private final int warm;
    private final ObjectNode eventTemplate;
    private Instant nextTimestamp;
    private String endpoint;

    FailoverBenchmark(Path root, int runs, int warm) throws IOException {
        this.root = root;
        this.out = root.resolve("local/target/bench");
        this.runs = runs;
        this.warm = warm;
        this.eventTemplate = (ObjectNode) JSON.readTree(root.resolve(ALARM_EVENT).toFile());
        // A day back, a second apart: later than anything on the switch, never in the future.
        this.nextTimestamp = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    }

    public static void main(String[] args) throws Exception {
        int runs = DEFAULT_RUNS;
        int warm = DEFAULT_WARM;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = positive(args, ++i);
                case "--warm" -> warm = positive(args, ++i);
                case "--help", "-h" -> {
                    System.out.println("usage: ./active-edge bench-failover [--runs N] [--warm M]");
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + args[i]
                            + "\nusage: ./active-edge bench-failover [--runs N] [--warm M]");
                    System.exit(2);
                }
            }
        }
        Path root = Path.of(System.getProperty("activeedge.root", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
        new FailoverBenchmark(root, runs, warm).run();
    }

    private static int positive(String[] args, int i) {
        try {
            int value = Integer.parseInt(i < args.length ? args[i] : "");
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println(args[i - 1] + " needs a positive number");
        System.exit(2);
        return 0;
    }

    void run() throws IOException, InterruptedException {
        Files.createDirectories(out.resolve("logs"));
        // The functions the provisioning runs in this JVM log to a file, as the CLI's do.
        System.setProperty("activeedge.functionLog", out.resolve("logs/functions.log").toString());
        System.setProperty("log4j2.configurationFile", "active-edge-local-log4j2.xml");

        Map<String, Object> report = new LinkedHashMap<>();
        try (PrintStream functionLog = new PrintStream(new FileOutputStream(out.resolve("logs/lambda.log").toFile()),
                true, StandardCharsets.UTF_8);
             LocalCloud cloud = LocalCloud.start(root, 0, out.resolve("logs"), functionLog)) {
            endpoint = cloud.endpoint();
            System.out.println("local cloud: moto on " + endpoint + "; logs in " + root.relativize(out.resolve("logs")));
            provision(cloud);

            System.out.println("cold: " + runs + " fresh JVMs each for the failover handler and the bare Route 53 client"
                    + " (after one discarded run of each)");
            coldFailover(-1);
            coldRoute53(-1);
            List<ProbeRun> failover = new ArrayList<>();
            List<ProbeRun> route53 = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                failover.add(coldFailover(i));
                route53.add(coldRoute53(i));
            }
            System.out.println("warm: one JVM, one handler, " + WARM_UP_EVENTS + " warm-up events then " + warm);
            ProbeResult warmRun = warmFailover();

            report.put("machine", machine());
            report.put("config", Map.of("runs", runs, "warmEvents", warm, "warmUpEvents", WARM_UP_EVENTS,
                    "javaToolOptions", LAMBDA_JAVA_TOOL_OPTIONS, "endpoint", endpoint));
            Map<String, Object> cold = new LinkedHashMap<>();
            cold.put("failover", cold(failover, true));
            cold.put("route53Baseline", cold(route53, false));
            report.put("cold", cold);
            report.put("warm", warm(warmRun));
        }
        Path file = out.resolve("failover.json");
        PRETTY.writeValue(file.toFile(), report);
        System.out.println();
        System.out.print(table(report));
        System.out.println("raw numbers: " + root.relativize(file));
    }

    // ---- the local cloud

    /** The CLI's provision, in its own JVM, pointed at this cloud by a local.json of its own (not the user's). */
    private void provision(LocalCloud cloud) throws IOException, InterruptedException {
        Path cliRoot = out.resolve("cli");
        Path state = LocalState.file(cliRoot);
        Files.createDirectories(state.getParent());
        JSON.writeValue(state.toFile(), new LocalState(cloud.endpoint(), cloud.lambdaEndpoint(),
                cloud.stateMachineArns(), ProcessHandle.current().pid(), cloud.motoPid()));
        System.out.println("provisioning " + PROVISION_INPUT + " ...");
        List<String> command = List.of(java(), "-Dactiveedge.root=" + cliRoot, "-cp", classpath(),
                "io.activeedge.local.Cli", "provision", root.resolve(PROVISION_INPUT).toString(),
                "--timeout", Long.toString(PROVISION_TIMEOUT.toMinutes() - 1));
        Path log = out.resolve("logs/provision.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        clean(builder.environment());
        Process process = builder.start();
        int exit = await(process, PROVISION_TIMEOUT, log);
        if (exit != 0) {
            throw new IllegalStateException("provisioning failed (exit " + exit + "); see " + log);
        }
    }

    // ---- the runs

    private ProbeRun coldFailover(int run) throws IOException, InterruptedException {
        String name = run < 0 ? "discarded" : Integer.toString(run);
        Path events = writeEvents("cold-" + name, 2);
        ProbeRun probe = probe(FailoverProbe.class, events, out.resolve("logs/cold-failover-" + name + ".log"), COLD_TIMEOUT);
        expectAlternating(probe.result(), 0);
        return probe;
    }

    private ProbeRun coldRoute53(int run) throws IOException, InterruptedException {
        String name = run < 0 ? "discarded" : Integer.toString(run);
        return probe(Route53Probe.class, null, out.resolve("logs/cold-route53-" + name + ".log"), COLD_TIMEOUT);
    }

    private ProbeResult warmFailover() throws IOException, InterruptedException {
        Path events = writeEvents("warm", WARM_UP_EVENTS + warm);
        Duration timeout = COLD_TIMEOUT.plusMillis(500L * (WARM_UP_EVENTS + warm));
        ProbeResult result = probe(FailoverProbe.class, events, out.resolve("logs/warm-failover.log"), timeout).result();
        expectAlternating(result, 0);
        return result;
    }

    /** Every event must have drained or restored the switch: otherwise the run measured another path. */
    private static void expectAlternating(ProbeResult result, int from) {
        for (int i = from; i < result.actions().size(); i++) {
            String expected = i % 2 == 0 ? DRAINED : RESTORED;
            if (!expected.equals(result.actions().get(i))) {
                throw new IllegalStateException("event " + i + " was " + result.actions().get(i) + ", expected "
                        + expected + " (is the alarm marked and the other Region serving?)");
            }
        }
    }

    /** count events, ALARM then OK in turn, one second apart, one JSON event a line. */
    private Path writeEvents(String name, int count) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(alarmEvent(eventTemplate, i % 2 == 0 ? "ALARM" : "OK", nextTimestamp)).append('\n');
            nextTimestamp = nextTimestamp.plusSeconds(1);
        }
        Path file = out.resolve("events/" + name + ".ndjson");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** The direct alarm-action event of {@code template} with the alarm entering {@code state} at {@code at}. */
    static String alarmEvent(ObjectNode template, String state, Instant at) {
        ObjectNode event = template.deepCopy();
        String previous = "ALARM".equals(state) ? "OK" : "ALARM";
        event.put("time", CLOUDWATCH_TIME.format(at));
        ObjectNode data = (ObjectNode) event.path("alarmData");
        ((ObjectNode) data.path("state")).put("value", state).put("timestamp", CLOUDWATCH_TIME.format(at));
        ((ObjectNode) data.path("previousState")).put("value", previous);
        return event.toString();
    }

    private ProbeRun probe(Class<?> main, Path events, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath(), main.getName()));
        if (events != null) {
            command.add(events.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        clean(env);
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REGION", "us-east-1");
        env.put("JAVA_TOOL_OPTIONS", LAMBDA_JAVA_TOOL_OPTIONS);
        env.put("POWERTOOLS_SERVICE_NAME", "active-edge");
        env.put("POWERTOOLS_LOG_LEVEL", "INFO");
        env.put("POWERTOOLS_METRICS_NAMESPACE", "ActiveEdge");
        // What the Lambda runtime sets; Powertools and the metrics library read them.
        env.put("AWS_LAMBDA_FUNCTION_NAME", FailoverProbe.FUNCTION.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(FailoverProbe.FUNCTION.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        long spawn = System.nanoTime();
        Process process = builder.start();
        int exit = await(process, timeout, log);
        long exited = System.nanoTime();
        if (exit != 0) {
            throw new IllegalStateException(main.getSimpleName() + " exited with " + exit + "; see " + log);
        }
        return new ProbeRun(spawn, exited, result(log));
    }

    private static int await(Process process, Duration timeout, Path log) throws InterruptedException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("gave up after " + timeout.toSeconds() + "s; see " + log);
            }
            return process.exitValue();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static ProbeResult result(Path log) throws IOException {
        Optional<String> line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith(RESULT_PREFIX)).reduce((first, second) -> second);
        if (line.isEmpty()) {
            throw new IllegalStateException("no result line in " + log);
        }
        return JSON.readValue(line.get().substring(RESULT_PREFIX.length()), ProbeResult.class);
    }

    /** Nothing from the caller's shell may change what the child measures. */
    private static void clean(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.equals("JAVA_TOOL_OPTIONS")
                || key.equals("_JAVA_OPTIONS") || key.equals("JDK_JAVA_OPTIONS") || key.startsWith("POWERTOOLS_")
                || key.equals("ACTIVE_EDGE_LOG_LEVEL"));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    // ---- the report

    private static Map<String, Object> cold(List<ProbeRun> runs, boolean failover) {
        Map<String, ToLongFunction<ProbeRun>> phases = new LinkedHashMap<>();
        phases.put("vmStartToMain", ProbeRun::vmStartToMainNanos);
        phases.put("spawnToMain", ProbeRun::spawnToMainNanos);
        phases.put("init", r -> r.result().initNanos());
        phases.put("firstEvent", r -> r.result().eventNanos().get(0));
        if (failover) {
            phases.put("secondEvent", r -> r.result().eventNanos().get(1));
        }
        phases.put("spawnToFirstResult", ProbeRun::spawnToFirstResultNanos);
        phases.put("process", ProbeRun::processNanos);

        List<Map<String, Double>> raw = new ArrayList<>();
        for (ProbeRun run : runs) {
            Map<String, Double> values = new LinkedHashMap<>();
            phases.forEach((phase, value) -> values.put(phase + "Ms", Stats.millis(value.applyAsLong(run))));
            raw.add(values);
        }
        Map<String, Stats> stats = new LinkedHashMap<>();
        phases.forEach((phase, value) -> stats.put(phase, Stats.ofNanos(runs.stream().map(value::applyAsLong).toList())));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stats", stats);
        result.put("runs", raw);
        return result;
    }

    private static Map<String, Object> warm(ProbeResult run) {
        List<Long> measured = run.eventNanos().subList(WARM_UP_EVENTS, run.eventNanos().size());
        List<Long> drains = new ArrayList<>();
        List<Long> restores = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            ((WARM_UP_EVENTS + i) % 2 == 0 ? drains : restores).add(measured.get(i));
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("all", Stats.ofNanos(measured));
        stats.put("drain", Stats.ofNanos(drains));
        if (!restores.isEmpty()) {
            stats.put("restore", Stats.ofNanos(restores));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("initMs", Stats.millis(run.initNanos()));
        result.put("stats", stats);
        result.put("warmUpEventsMs", run.eventNanos().subList(0, WARM_UP_EVENTS).stream().map(Stats::millis).toList());
        result.put("eventsMs", measured.stream().map(Stats::millis).toList());
        return result;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        return machine;
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> cold = (Map<String, Object>) report.get("cold");
        text.append(String.format("%-34s %10s %10s %10s%n", "cold start (ms, fresh JVM)", "median", "p90", "max"));
        appendCold(text, "failover handler", (Map<String, Stats>) ((Map<String, Object>) cold.get("failover")).get("stats"));
        appendCold(text, "bare Route 53 client", (Map<String, Stats>) ((Map<String, Object>) cold.get("route53Baseline")).get("stats"));
        Map<String, Object> warm = (Map<String, Object>) report.get("warm");
        text.append(String.format("%n%-34s %10s %10s %10s %10s%n", "warm (ms per event)", "median", "p90", "p99", "max"));
        ((Map<String, Stats>) warm.get("stats")).forEach((name, s) -> text.append(String.format(
                "  %-32s %10.2f %10.2f %10.2f %10.2f%n", name + " (" + s.count() + ")", s.median(), s.p90(), s.p99(), s.max())));
        return text.toString();
    }

    private static void appendCold(StringBuilder text, String title, Map<String, Stats> stats) {
        text.append("  ").append(title).append('\n');
        stats.forEach((phase, s) -> text.append(String.format("    %-30s %10.1f %10.1f %10.1f%n", phase, s.median(), s.p90(), s.max())));
    }
}
