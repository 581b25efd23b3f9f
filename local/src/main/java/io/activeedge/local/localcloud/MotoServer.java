package io.activeedge.local.localcloud;

import io.activeedge.local.places.ClientLocations;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * moto in server mode, as a child process on 127.0.0.1, with its Step Functions executor on and its
 * Lambda calls sent to the local Lambda endpoint.
 */
public final class MotoServer implements AutoCloseable {

    private static final String LAUNCHER = "moto_launcher.py";
    /** The launcher and the modules it imports, extracted together from the classpath. */
    private static final List<String> PYTHON_MODULES = List.of(LAUNCHER, "control_endpoint.py", "fault_injection.py",
            "model_constraints.py", "strict_acm.py", "strict_alarm_checks.py", "strict_apigateway.py",
            "strict_cloudfront.py", "strict_elbv2.py", "strict_requests.py", "strict_route53.py",
            "latency_routing.py");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final String ACM_VALIDATION_WAIT_SECONDS = "1";

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts moto on {@code port} (0: a free one), waits until it answers and turns its Step Functions executor on.
     *
     * @param lambdaPort the port of the Lambda endpoint moto's executor invokes
     * @param log        where moto's own output goes
     */
    public static MotoServer start(int port, int lambdaPort, Path log) {
        return start(port, lambdaPort, log, CloudOptions.DEFAULT);
    }

    /** {@link #start(int, int, Path)} as strict and as faulty as {@code options} say. */
    public static MotoServer start(int port, int lambdaPort, Path log, CloudOptions options) {
        int chosen = port == 0 ? freePort() : port;
        String python = python();
        Path launcher = extractLauncher();
        List<String> command = new ArrayList<>(List.of(python, launcher.toString(), "--port", String.valueOf(chosen),
                "--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        command.addAll(options.launcherArguments());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MOTO_PORT", String.valueOf(lambdaPort));
        builder.environment().put("MOTO_ACM_VALIDATION_WAIT", ACM_VALIDATION_WAIT_SECONDS);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectOutput(log.toFile());
            process = builder.start();
        } catch (IOException e) {
            throw new LocalCloudException("cannot start moto with " + python + ": " + e.getMessage()
                    + ". Install it with: pip install \"moto[server]\"", e);
        }
        MotoServer moto = new MotoServer(process, chosen, log);
        try {
            moto.awaitReady();
            moto.post("/moto-api/config", "{\"stepfunctions\": {\"execute_state_machine\": true}}");
            return moto;
        } catch (RuntimeException e) {
            moto.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new LocalCloudException("moto exited with status " + process.exitValue() + " before it was ready:\n"
                        + tail(log, 20) + "\n(moto needs: pip install \"moto[server]\")");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url() + "/moto-api/config"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalCloudException("interrupted while waiting for moto", e);
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LocalCloudException("interrupted while waiting for moto", e);
            }
        }
        throw new LocalCloudException("moto did not answer on " + url() + " within " + STARTUP.toSeconds() + "s; see " + log);
    }

    private void post(String path, String json) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new LocalCloudException("moto refused " + path + ": HTTP " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new LocalCloudException("moto did not answer " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalCloudException("interrupted while configuring moto", e);
        }
    }

    /** Stops moto and anything it started. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The Python that runs moto: -Dactiveedge.python, else $ACTIVE_EDGE_PYTHON, else python3. */
    static String python() {
        String property = System.getProperty("activeedge.python");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("ACTIVE_EDGE_PYTHON");
        return env != null && !env.isBlank() ? env : "python3";
    }

    private static Path extractLauncher() {
        try {
            Path dir = Files.createTempDirectory("active-edge-moto-");
            dir.toFile().deleteOnExit();
            for (String module : PYTHON_MODULES) {
                try (InputStream in = MotoServer.class.getResourceAsStream(module)) {
                    if (in == null) {
                        throw new LocalCloudException(module + " is missing from the classpath; rebuild the local module");
                    }
                    Path file = dir.resolve(module);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                }
            }
            // latency_routing.py reads the client locations next to it.
            try (InputStream in = MotoServer.class.getResourceAsStream(ClientLocations.RESOURCE)) {
                if (in == null) {
                    throw new LocalCloudException(ClientLocations.RESOURCE + " is missing from the classpath");
                }
                Path file = dir.resolve(Path.of(ClientLocations.RESOURCE).getFileName().toString());
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                file.toFile().deleteOnExit();
            }
            return dir.resolve(LAUNCHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalCloudException("no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output in " + file + ")";
        }
    }
}
