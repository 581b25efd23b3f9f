package io.activeedge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Path root, String... args) {
        return new Cli(root, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void run_unknownCommand_printsUsageAndExits2(@TempDir Path root) {
        assertEquals(2, run(root, "deploy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command: deploy"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./active-edge"));
    }

    @Test
    void run_noCommand_printsUsageAndExits2(@TempDir Path root) {
        assertEquals(2, run(root));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: ./active-edge"));
    }

    @Test
    void run_help_printsUsageAndExits0(@TempDir Path root) {
        assertEquals(0, run(root, "help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("provision [FILE]"));
    }

    @Test
    void run_invokeWithoutFunction_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "invoke"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("invoke needs a function"));
    }

    @Test
    void run_failoverWithoutRegion_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "failover", "--app", "shop"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --region"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_statusWithoutApp_isAUsageError(@TempDir Path root) {
        assertEquals(2, run(root, "status"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing --app"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void run_provisionMissingInput_saysWhichFile(@TempDir Path root) {
        assertEquals(1, run(root, "provision"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no input file " + root.resolve("events/provision.json")),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void causeMessage_lambdaErrorJson_isItsErrorMessage() {
        assertEquals("app: is required", Cli.causeMessage(
                "{\"errorMessage\":\"app: is required\",\"errorType\":\"x.InvalidInputException\",\"stackTrace\":[]}"));
        assertEquals("plain words", Cli.causeMessage("plain words"));
    }
}
