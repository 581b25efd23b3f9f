package io.activeedge.local.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
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

/**
 * Cold start and warm latency of the failover function against the local cloud.
 * <ul>
 *   <li>Starts a local cloud and provisions events/provision.json with the CLI's {@code provision} (stand-in
 *       alarms, the real state machine and functions), so there are real switches and marked alarms.</li>
 *   <li>Cold, modelled on SnapStart: N times, a fresh JVM with Lambda's JVM options runs {@link FailoverProbe}: the
 *       handler's constructor and its priming hooks (before the snapshot), then one ALARM event and one OK event
 *       (each drains or restores the switch; the first is what a restored function pays). Then a fresh JVM runs
 *       {@link Route53Probe}, the baseline: a bare Route 53 client making as many calls as that first decision
 *       made. Their medians give the ratio {@link ColdRatio}.</li>
 *   <li>Warm: one fresh JVM, one handler instance, warm-up events and then M events, ALARM and OK in turn.</li>
 * </ul>
 * Prints a table and writes every number to local/target/bench/failover.json.
 *
 * <p>"Spawn to main" compares the parent's and the child's {@link System#nanoTime()}: on Linux both read the
 * system-wide CLOCK_MONOTONIC.
 */
public final class FailoverBenchmark {
    static final String RESULT_PREFIX = "bench-result ";
    /** The cold decision may take at most this many times the bare client's time for the same calls. */
    public static final double RATIO_TARGET = 1.3;
    public static final int DEFAULT_RUNS = 5;
    public static final int DEFAULT_WARM = 200;
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

    private final Path root;
    private final String cliMainClass;
    private final Path out;
    private final int runs;
    private final int warm;
    private final ObjectNode eventTemplate;
    private Instant nextTimestamp;
    private String endpoint;

    /**
     * @param runs         fresh JVMs per cold measurement
     * @param warm         events measured in the warm JVM
     * @param cliMainClass the CLI's entry point, run in a JVM of its own to provision the example
     */
    public FailoverBenchmark(Path root, int runs, int warm, String cliMainClass) throws IOException {
        this.root = root;
        this.cliMainClass = cliMainClass;
        this.out = root.resolve("local/target/bench");
        this.runs = runs;
        this.warm = warm;
        this.eventTemplate = (ObjectNode) Json.MAPPER.readTree(root.resolve(ALARM_EVENT).toFile());
        // From now on, a second apart: later than anything on the switch and than the alarms' own state in the
        // emulator (the function takes the newer of the event's state and DescribeAlarms').
        this.nextTimestamp = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Starts a local cloud, provisions the example, measures, prints the table and writes failover.json.
     *
     * @return the cold decision against the bare client
     */
    public ColdRatio run() throws IOException, InterruptedException {
        Files.createDirectories(out.resolve("logs"));
        // The functions the provisioning runs in this JVM log to a file, as the CLI's do.
        System.setProperty("activeedge.functionLog", out.resolve("logs/functions.log").toString());
        System.setProperty("log4j2.configurationFile", "active-edge-local-log4j2.xml");

        Map<String, Object> report = new LinkedHashMap<>();
        ColdRatio ratio;
        try (PrintStream functionLog = new PrintStream(new FileOutputStream(out.resolve("logs/lambda.log").toFile()),
                true, StandardCharsets.UTF_8);
             LocalCloud cloud = LocalCloud.start(root, 0, out.resolve("logs"), functionLog)) {
            endpoint = cloud.endpoint();
            System.out.println("local cloud: moto on " + endpoint + "; logs in " + root.relativize(out.resolve("logs")));
            provision(cloud);
            // The events must be newer than the alarm's state in the emulator, which provisioning just set: the
            // failover function takes the newer of an event's state and CloudWatch's.
            nextTimestamp = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);

            System.out.println("cold: " + runs + " fresh JVMs each for the failover handler and the bare Route 53 client"
                    + " (after one discarded run of each)");
            coldRoute53(-1, coldFailover(-1).result().calls(0));
            List<ProbeRun> failover = new ArrayList<>();
            List<ProbeRun> route53 = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                ProbeRun decision = coldFailover(i);
                failover.add(decision);
                // The same number of round trips as the decision made: the ratio is then what the handler adds.
                route53.add(coldRoute53(i, decision.result().calls(0)));
            }
            System.out.println("warm: one JVM, one handler, " + WARM_UP_EVENTS + " warm-up events then " + warm);
            ProbeResult warmRun = warmFailover();

            report.put("machine", BenchReport.machine());
            report.put("config", Map.of("runs", runs, "warmEvents", warm, "warmUpEvents", WARM_UP_EVENTS,
                    "javaToolOptions", LAMBDA_JAVA_TOOL_OPTIONS, "endpoint", endpoint));
            Map<String, Object> cold = new LinkedHashMap<>();
            cold.put("failover", BenchReport.cold(failover, true));
            cold.put("route53Baseline", BenchReport.cold(route53, false));
            report.put("cold", cold);
            report.put("warm", BenchReport.warm(warmRun));
            ratio = ColdRatio.of(failover, route53, RATIO_TARGET);
            report.put("ratio", ratio);
            report.put("callBudget", BenchReport.callBudget(failover, warmRun));
        }
        Path file = out.resolve("failover.json");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
        System.out.println();
        System.out.print(BenchReport.table(report));
        System.out.println("raw numbers: " + root.relativize(file));
        return ratio;
    }

    // ---- the local cloud

    /** The CLI's provision, in its own JVM, pointed at this cloud by a local.json of its own (not the user's). */
    private void provision(LocalCloud cloud) throws IOException, InterruptedException {
        Path cliRoot = out.resolve("cli");
        Path state = LocalState.file(cliRoot);
        Files.createDirectories(state.getParent());
        Json.MAPPER.writeValue(state.toFile(), new LocalState(cloud.endpoint(), cloud.lambdaEndpoint(),
                cloud.stateMachineArns(), ProcessHandle.current().pid(), cloud.motoPid()));
        System.out.println("provisioning " + PROVISION_INPUT + " ...");
        List<String> command = List.of(Probes.java(), "-Dactiveedge.root=" + cliRoot, "-cp", Probes.classpath(),
                cliMainClass, "provision", root.resolve(PROVISION_INPUT).toString(),
                "--timeout", Long.toString(PROVISION_TIMEOUT.toMinutes() - 1));
        Path log = out.resolve("logs/provision.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Probes.clean(builder.environment());
        Process process = builder.start();
        int exit = Probes.await(process, PROVISION_TIMEOUT, log);
        if (exit != 0) {
            throw new IllegalStateException("provisioning failed (exit " + exit + "); see " + log);
        }
    }

    // ---- the runs

    private ProbeRun coldFailover(int run) throws IOException, InterruptedException {
        String name = run < 0 ? "discarded" : Integer.toString(run);
        Path events = writeEvents("cold-" + name, 2);
        ProbeRun probe = Probes.run(FailoverProbe.class, events.toString(), out.resolve("logs/cold-failover-" + name + ".log"),
                COLD_TIMEOUT, endpoint);
        expectAlternating(probe.result(), 0);
        return probe;
    }

    private ProbeRun coldRoute53(int run, long calls) throws IOException, InterruptedException {
        String name = run < 0 ? "discarded" : Integer.toString(run);
        return Probes.run(Route53Probe.class, Long.toString(Math.max(1, calls)),
                out.resolve("logs/cold-route53-" + name + ".log"), COLD_TIMEOUT, endpoint);
    }

    private ProbeResult warmFailover() throws IOException, InterruptedException {
        Path events = writeEvents("warm", WARM_UP_EVENTS + warm);
        Duration timeout = COLD_TIMEOUT.plusMillis(500L * (WARM_UP_EVENTS + warm));
        ProbeResult result = Probes.run(FailoverProbe.class, events.toString(), out.resolve("logs/warm-failover.log"), timeout,
                endpoint).result();
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
}
