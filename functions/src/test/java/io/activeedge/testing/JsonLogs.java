package io.activeedge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The lines the functions log while this is open, written as CloudWatch Logs receives them: by the layout of the
 * functions' own log4j2.xml appender (JsonTemplateLayout with Powertools' LambdaJsonLayout.json), one JSON object each.
 */
public final class JsonLogs implements AutoCloseable {
    /** The logger of every class of the functions (log4j2.xml). */
    private static final String FUNCTIONS = "io.activeedge";
    /** The appender log4j2.xml writes with. */
    private static final String APPENDER = "JsonAppender";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerConfig config;

    public JsonLogs() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        var layout = context.getConfiguration().getAppender(APPENDER).getLayout();
        appender = new AbstractAppender("json-logs-" + System.nanoTime(), null, layout, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                lines.add(new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
            }
        };
        appender.start();
        config = context.getConfiguration().getLoggerConfig(FUNCTIONS);
        config.addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    /** Every line so far, parsed; a line that is not one JSON object fails the test. */
    public List<JsonNode> lines() {
        return lines.stream().map(JsonLogs::parse).toList();
    }

    /** The lines whose message is {@code message}. */
    public List<JsonNode> withMessage(String message) {
        return lines().stream().filter(line -> message.equals(line.path("message").asText())).toList();
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode json = Json.MAPPER.readTree(line);
            if (json == null || !json.isObject()) {
                throw new AssertionError("log line is not a JSON object: " + line);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("log line is not JSON: " + line, e);
        }
    }

    @Override
    public void close() {
        config.removeAppender(appender.getName());
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
        appender.stop();
    }
}
