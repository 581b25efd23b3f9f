package io.activeedge.failover;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** The lines the failover package logs while it is open: level, message, then its structured arguments. */
final class CapturedLogs implements AutoCloseable {
    private static final String PACKAGE = "io.activeedge";
    private final List<LogEvent> events = new CopyOnWriteArrayList<>();
    private final AbstractAppender appender;
    private final LoggerConfig config;

    CapturedLogs() {
        appender = new AbstractAppender("captured-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLoggerName().startsWith(Reconciler.class.getPackageName())) {
                    events.add(event.toImmutable());
                }
            }
        };
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        config = context.getConfiguration().getLoggerConfig(PACKAGE);
        config.addAppender(appender, Level.ALL, null);
        context.updateLoggers();
    }

    List<String> lines() {
        return events.stream().map(e -> e.getLevel() + " " + e.getMessage().getFormattedMessage() + " "
                + java.util.Arrays.stream(e.getMessage().getParameters() == null ? new Object[0]
                        : e.getMessage().getParameters()).filter(java.util.Objects::nonNull).map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(" "))).toList();
    }

    @Override
    public void close() {
        config.removeAppender(appender.getName());
        ((LoggerContext) LogManager.getContext(false)).updateLoggers();
        appender.stop();
    }
}
