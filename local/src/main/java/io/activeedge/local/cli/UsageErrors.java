package io.activeedge.local.cli;

import io.activeedge.local.cli.command.Console;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** A command line the commands do not take: one line that says what is wrong, the command's usage, exit 2. */
final class UsageErrors implements IParameterExceptionHandler {

    static final int EXIT = 2;

    private final Console console;

    UsageErrors(Console console) {
        this.console = console;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        console.err().println(message(e, List.of(args)));
        e.getCommandLine().usage(console.err());
        return EXIT;
    }

    /** In the words the commands use: unknown command, unknown option, unexpected argument, missing, needs a value. */
    static String message(ParameterException e, List<String> args) {
        CommandLine command = e.getCommandLine();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().getFirst();
            if (first.startsWith("-")) {
                return "unknown option: " + first;
            }
            return command.getParent() == null ? "unknown command: " + first
                    : "unexpected argument: " + String.join(" ", unmatched.getUnmatched());
        }
        if (e instanceof MissingParameterException missing) {
            List<ArgSpec> specs = missing.getMissing();
            if (specs.size() == 1 && specs.getFirst() instanceof OptionSpec option
                    && Arrays.stream(option.names()).anyMatch(args::contains)) {
                return option.longestName() + " needs a value";
            }
            if (specs.stream().allMatch(ArgSpec::isOption)) {
                return "missing " + specs.stream().map(spec -> ((OptionSpec) spec).longestName())
                        .collect(Collectors.joining(", "));
            }
            return command.getCommandName() + " needs " + specs.stream().map(ArgSpec::paramLabel)
                    .collect(Collectors.joining(" and "));
        }
        if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null
                && (option.type() == int.class || option.type() == Integer.class)) {
            return option.longestName() + " needs a number, not " + e.getValue();
        }
        return e.getMessage();
    }
}
