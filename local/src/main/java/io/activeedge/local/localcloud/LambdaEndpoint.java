package io.activeedge.local.localcloud;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.activeedge.core.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Invoke API on 127.0.0.1, answered by the template's handler classes in this JVM
 * (the role {@code sam local start-lambda} plays). Each function gets one handler instance, made on its first
 * invoke and kept like a warm container, and runs one invocation at a time.
 */
public final class LambdaEndpoint implements AutoCloseable {

    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final ObjectMapper JSON = Json.MAPPER;

    private final Template template;
    private final PrintStream log;
    private final Map<String, Container> containers = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;

    private LambdaEndpoint(Template template, int port, PrintStream log) throws IOException {
        this.template = template;
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.createContext("/active-edge/calls", this::calls);
        server.createContext("/", exchange -> send(exchange, 404, error("ResourceNotFoundException",
                "the local Lambda endpoint has no " + exchange.getRequestURI().getPath()), Map.of()));
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. Function logs go to {@code log}. */
    public static LambdaEndpoint start(Template template, int port, PrintStream log) {
        try {
            LambdaEndpoint endpoint = new LambdaEndpoint(template, port, log);
            endpoint.server.start();
            return endpoint;
        } catch (IOException e) {
            throw new LocalCloudException("cannot start the Lambda endpoint on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = INVOKE.matcher(exchange.getRequestURI().getRawPath());
            if (!matcher.matches() || !"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 404, error("ResourceNotFoundException", "the local Lambda endpoint answers only "
                        + "POST /2015-03-31/functions/{name}/invocations"), Map.of());
                return;
            }
            String name = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
            Template.Function function = template.findFunction(name).orElse(null);
            if (function == null) {
                send(exchange, 404, error("ResourceNotFoundException", "Function not found: " + name
                        + " (template.yaml has " + String.join(", ", template.functions().keySet()) + ")"),
                        Map.of("X-Amzn-ErrorType", "ResourceNotFoundException"));
                return;
            }
            byte[] event = exchange.getRequestBody().readAllBytes();
            Container container = containers.computeIfAbsent(function.logicalId(), id -> new Container(function));
            if ("Event".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"))) {
                executor.execute(() -> container.invoke(event));
                send(exchange, 202, new byte[0], Map.of());
                return;
            }
            Result result = container.invoke(event);
            send(exchange, 200, result.body(), result.failed()
                    ? Map.of("X-Amz-Function-Error", "Unhandled", "X-Amz-Executed-Version", "$LATEST")
                    : Map.of("X-Amz-Executed-Version", "$LATEST"));
        }
    }

    private void calls(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 200, JSON.writeValueAsBytes(ApiCallCounter.snapshot()), Map.of());
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] error(String type, String message) {
        ObjectNode body = JSON.createObjectNode().put("Type", "User").put("Message", message).put("__type", type);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body Lambda returns for an unhandled error; Step Functions names the error after errorType. */
    static byte[] functionError(Throwable error) {
        ObjectNode body = JSON.createObjectNode()
                .put("errorMessage", error.getMessage())
                .put("errorType", error.getClass().getName());
        Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).forEach(body.putArray("stackTrace")::add);
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Result(byte[] body, boolean failed) {
    }

    /** One function's handler: made on first use, then reused; one invocation at a time. */
    private final class Container {
        private final Template.Function function;
        private final ReentrantLock lock = new ReentrantLock();
        private RequestStreamHandler handler;

        Container(Template.Function function) {
            this.function = function;
        }

        Result invoke(byte[] event) {
            lock.lock();
            try {
                LocalContext context = new LocalContext(function, UUID.randomUUID().toString(), log);
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    InputStream in = new ByteArrayInputStream(event);
                    handler().handleRequest(in, out, context);
                    return new Result(out.toByteArray(), false);
                } catch (Exception | LinkageError e) {
                    Throwable error = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
                    context.getLogger().log(function.logicalId() + " failed: " + error);
                    return new Result(functionError(error), true);
                }
            } finally {
                lock.unlock();
            }
        }

        private RequestStreamHandler handler() throws ReflectiveOperationException {
            if (handler == null) {
                Object instance = Class.forName(function.handlerClass()).getDeclaredConstructor().newInstance();
                if (!(instance instanceof RequestStreamHandler streamHandler)) {
                    throw new IllegalStateException(function.handlerClass() + " is not a RequestStreamHandler");
                }
                handler = streamHandler;
            }
            return handler;
        }
    }
}
