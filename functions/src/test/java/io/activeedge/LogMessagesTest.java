package io.activeedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Log lines keep their keys out of the message (STYLE.md, 7): the message is a short text for people; what explains
 * the decision goes as Powertools structured arguments or the invocation's MDC, JSON fields that CloudWatch Logs
 * Insights filters on. Reads the sources under functions/src/main, which sam build copies along with the tests.
 */
class LogMessagesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "io", "activeedge");
    /** Every log call. */
    private static final Pattern CALL = Pattern.compile("\\bLOG\\.(?:trace|debug|info|warn|error)\\(");
    /** A log call whose message is a string literal, or literals joined with +; group 1 is the message. */
    private static final Pattern LITERAL_CALL = Pattern.compile(
            "\\bLOG\\.(?:trace|debug|info|warn|error)\\(\\s*(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*)");
    /** "key=" as text: "region={}", "action=retry". */
    private static final Pattern KEY_AS_TEXT = Pattern.compile("[A-Za-z][\\w.]*=");
    /** The context keys as plain structured arguments, which would repeat what the MDC holds already. */
    private static final Pattern CONTEXT_KEY_ENTRY = Pattern.compile("\\bentry\\(\\s*\"(app|region|execution)\"");

    @Test
    void logCalls_outsideFailover_haveALiteralMessageWithoutKeysOrPlaceholders() throws IOException {
        List<String> offenders = new ArrayList<>();
        int calls = 0;
        for (Path file : sources()) {
            String source = Files.readString(file);
            int all = count(CALL.matcher(source));
            Matcher call = LITERAL_CALL.matcher(source);
            int literal = 0;
            while (call.find()) {
                literal++;
                String message = call.group(1);
                if (KEY_AS_TEXT.matcher(message).find() || message.contains("{}")) {
                    offenders.add(file + ": " + message);
                }
            }
            if (literal != all) {
                offenders.add(file + ": " + (all - literal) + " log call(s) whose message is not a string literal");
            }
            calls += all;
        }

        assertThat(calls).as("log calls found: the patterns still match how the code logs").isGreaterThan(100);
        assertThat(offenders).as("keys belong in structured arguments (StructuredArguments.entry), not in the"
                + " message; a {} placeholder would print the argument into the message as key=value too").isEmpty();
    }

    @Test
    void structuredArguments_outsideFailover_leaveTheContextKeysToLogContext() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            Matcher entry = CONTEXT_KEY_ENTRY.matcher(Files.readString(file));
            while (entry.find()) {
                offenders.add(file + ": " + entry.group());
            }
        }

        assertThat(offenders).as("app and region go through LogContext.app/region, which leave them out when the"
                + " invocation's MDC holds them already (a JSON line must not carry a key twice)").isEmpty();
    }

    private static List<Path> sources() throws IOException {
        assertThat(SOURCES).as("the tests run in functions/").isDirectory();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted()
                    .toList();
        }
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
