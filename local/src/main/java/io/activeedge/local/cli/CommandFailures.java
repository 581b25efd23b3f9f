package io.activeedge.local.cli;

import io.activeedge.local.cli.command.Console;
import io.activeedge.local.cli.command.UsageException;
import io.activeedge.local.localcloud.LocalCloudException;
import io.activeedge.local.target.CommandException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A command that cannot do what was asked: one line, {@code active-edge: } and why in the user's terms, exit 1.
 * A usage error found while the command runs (options that go together) is one as parsing finds it: exit 2.
 * Anything else is a defect: its stack trace, exit 1.
 */
final class CommandFailures implements IExecutionExceptionHandler {

    static final int EXIT = 1;

    private final Console console;

    CommandFailures(Console console) {
        this.console = console;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (e instanceof UsageException) {
            console.err().println(e.getMessage());
            command.usage(console.err());
            return UsageErrors.EXIT;
        }
        if (e instanceof CommandException || e instanceof LocalCloudException) {
            console.err().println("active-edge: " + e.getMessage());
            return EXIT;
        }
        if (e instanceof SdkException sdk) {
            console.err().println("active-edge: " + AwsErrors.explain(sdk));
            return EXIT;
        }
        throw e;
    }
}
