package io.activeedge.local.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The synopses of the help: in the list of commands, each command with its parameters and options (required ones
 * bare, the others in brackets) and the first line of its description; the same synopsis heads the command's own
 * help.
 */
final class CommandList implements IHelpSectionRenderer {

    private static final String INDENT = "  ";
    private static final String DESCRIPTION_INDENT = "      ";

    @Override
    public String render(Help help) {
        int width = help.commandSpec().usageMessage().width();
        StringBuilder text = new StringBuilder();
        for (Help command : help.subcommands().values()) {
            CommandSpec spec = command.commandSpec();
            if (spec.usageMessage().hidden()) {
                continue;
            }
            wrap(text, spec.name() + synopsis(spec), INDENT, DESCRIPTION_INDENT + INDENT, width);
            String summary = summary(spec);
            if (!summary.isEmpty()) {
                wrap(text, summary, DESCRIPTION_INDENT, DESCRIPTION_INDENT, width);
            }
        }
        return text.toString();
    }

    /** What a command does, in one line: its header, else the first line of its description. */
    private static String summary(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        String[] description = spec.usageMessage().description();
        String line = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
        return line.replace("%n", "").strip();
    }

    /**
     * A command's synopsis for its own help, {@code ./active-edge provision [FILE] ...}, wrapped to {@code width}
     * after the {@code prefix} that heads it.
     */
    static String commandSynopsis(CommandSpec spec, String prefix, int width) {
        String command = spec.qualifiedName();
        StringBuilder text = new StringBuilder();
        wrap(text, command + synopsis(spec), prefix, " ".repeat(prefix.length() + command.length() + 1), width);
        return text.substring(prefix.length()).stripTrailing();
    }

    /** " [FILE] [--timeout M] [--aws]": positional parameters first, then options, as declared. */
    static String synopsis(CommandSpec spec) {
        StringBuilder synopsis = new StringBuilder();
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            if (!parameter.hidden()) {
                synopsis.append(' ').append(optional(parameter.paramLabel(), parameter.arity().min() == 0));
            }
        }
        for (OptionSpec option : spec.options()) {
            if (option.hidden() || option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String name = option.shortestName() + (option.arity().max() > 0 ? " " + option.paramLabel() : "");
            synopsis.append(' ').append(optional(name, !option.required()));
        }
        return synopsis.toString();
    }

    private static String optional(String text, boolean optional) {
        return optional ? "[" + text + "]" : text;
    }

    /** Word-wraps {@code words} to {@code width}: the first line after {@code first}, the others after {@code next}. */
    private static void wrap(StringBuilder text, String words, String first, String next, int width) {
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : words.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > width) {
                text.append(line).append(System.lineSeparator());
                line = new StringBuilder(next);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        text.append(line).append(System.lineSeparator());
    }
}
