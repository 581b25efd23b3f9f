package io.activeedge.local.bench;

import io.activeedge.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The fresh JVMs the benchmark starts: a probe's process, its environment as Lambda's, and its result line. */
final class Probes {

    private Probes() {
    }

    /**
     * Runs {@code main} in a fresh JVM with Lambda's JVM options and environment, pointed at {@code endpoint}, and
     * reads its result line.
     *
     * @param argument the probe's one argument (its events file, or the baseline's number of calls), or null for none
     */
    static ProbeRun run(Class<?> main, String argument, Path log, Duration timeout, String endpoint)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-cp", classpath(), main.getName()));
        if (argument != null) {
            command.add(argument);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        clean(env);
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_REGION", "us-east-1");
        env.put("JAVA_TOOL_OPTIONS", FailoverBenchmark.LAMBDA_JAVA_TOOL_OPTIONS);
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

    /** Waits for {@code process}, bounded by {@code timeout} (then it is killed); returns its exit status. */
    static int await(Process process, Duration timeout, Path log) throws InterruptedException {
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
                .filter(l -> l.startsWith(FailoverBenchmark.RESULT_PREFIX)).reduce((first, second) -> second);
        if (line.isEmpty()) {
            throw new IllegalStateException("no result line in " + log);
        }
        return Json.MAPPER.readValue(line.get().substring(FailoverBenchmark.RESULT_PREFIX.length()), ProbeResult.class);
    }

    /** Nothing from the caller's shell may change what the child measures. */
    static void clean(Map<String, String> env) {
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.equals("JAVA_TOOL_OPTIONS")
                || key.equals("_JAVA_OPTIONS") || key.equals("JDK_JAVA_OPTIONS") || key.startsWith("POWERTOOLS_")
                || key.equals("ACTIVE_EDGE_LOG_LEVEL"));
    }

    /** The java of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The classpath of this JVM: the local module and the functions. */
    static String classpath() {
        return System.getProperty("java.class.path");
    }
}
