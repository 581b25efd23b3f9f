package io.activeedge.local.cli;

import io.activeedge.local.cli.command.BenchFailoverCommand;
import io.activeedge.local.cli.command.CompletionCommand;
import io.activeedge.local.cli.command.Console;
import io.activeedge.local.cli.command.DownCommand;
import io.activeedge.local.cli.command.DrillCommand;
import io.activeedge.local.cli.command.FailoverCommand;
import io.activeedge.local.cli.command.HealthCommand;
import io.activeedge.local.cli.command.InvokeCommand;
import io.activeedge.local.cli.command.ProvisionCommand;
import io.activeedge.local.cli.command.RecoverCommand;
import io.activeedge.local.cli.command.HoldCommand;
import io.activeedge.local.cli.command.ReleaseCommand;
import io.activeedge.local.cli.command.RoutesCommand;
import io.activeedge.local.cli.command.ServeCommand;
import io.activeedge.local.cli.command.StatusCommand;
import io.activeedge.local.cli.command.TeardownCommand;
import io.activeedge.local.cli.command.UpCommand;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Spec;

/**
 * The command line, {@code ./active-edge <command> [options]}: the entry point, and the root command that lists
 * every command of {@code cli.command} in the order the help shows them. Its usage text is the only one: the
 * launcher, {@code help} and {@code --help} all print what picocli generates from these classes.
 */
@Command(name = "./active-edge",
        synopsisHeading = "usage: ",
        customSynopsis = "./active-edge <command> [options]",
        descriptionHeading = "%n",
        description = "Runs active-edge's workflows on a local cloud (moto, the real state machines and the real"
                + " handlers; no AWS account and no Docker needed), or with --aws in your AWS account.",
        commandListHeading = "%ncommands:%n",
        footerHeading = "%n",
        footer = {
            "provision, teardown, invoke, failover, recover, status, routes and drill use the local cloud that up started;"
                    + " without one they start their own for the run. Everything binds to 127.0.0.1; nothing"
                    + " reaches AWS.",
            "",
            "With --aws, provision, teardown, failover, recover, status and routes run in your AWS account instead: on the"
                    + " deployed stack (its outputs ProvisionStateMachineArn, TeardownStateMachineArn and"
                    + " FailoverFunctionArn name what they run) with your credentials from the SDK's default chain.",
            "",
            "./active-edge help COMMAND (or ./active-edge COMMAND --help) shows a command's options."})
public final class ActiveEdge implements Callable<Integer> {

    /** How wide the help is; one width, so the text is the same in a terminal, a pipe and the tests. */
    private static final int WIDTH = 100;
    private static final String SYNOPSIS_HEADING = "usage: ";

    @Spec
    CommandSpec spec;

    private final Console console;

    private ActiveEdge(Console console) {
        this.console = console;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("activeedge.root", System.getProperty("user.dir"))).toAbsolutePath()
                .normalize();
        System.exit(run(new Console(root, System.out, System.err), args));
    }

    /** Runs one command line; returns its exit code (0, 1 when the command failed, 2 for a wrong command line). */
    public static int run(Console console, String... args) {
        try {
            return commandLine(console).execute(args);
        } finally {
            console.out().flush();
            console.err().flush();
        }
    }

    /** No command: the usage, on the error stream. */
    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return 2;
    }

    static CommandLine commandLine(Console console) {
        CommandLine commandLine = new CommandLine(new ActiveEdge(console));
        commandLine.addSubcommand(new UpCommand(console));
        commandLine.addSubcommand(new DownCommand(console));
        commandLine.addSubcommand(new ProvisionCommand(console));
        commandLine.addSubcommand(new TeardownCommand(console));
        commandLine.addSubcommand(new InvokeCommand(console));
        commandLine.addSubcommand(new FailoverCommand(console));
        commandLine.addSubcommand(new RecoverCommand(console));
        commandLine.addSubcommand(new HoldCommand(console));
        commandLine.addSubcommand(new ReleaseCommand(console));
        commandLine.addSubcommand(new StatusCommand(console));
        commandLine.addSubcommand(new RoutesCommand(console));
        commandLine.addSubcommand(new HealthCommand(console));
        commandLine.addSubcommand(new DrillCommand(console));
        commandLine.addSubcommand(new BenchFailoverCommand(console, ActiveEdge.class.getName()));
        commandLine.addSubcommand(new ServeCommand(console));
        commandLine.addSubcommand(new CompletionCommand(console));
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        addHelpOption(commandLine.getCommandSpec());
        commandLine.getSubcommands().values().forEach(command -> {
            if (command.getCommandSpec().findOption("--help") == null) {
                addHelpOption(command.getCommandSpec());
            }
            UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            usage.sortOptions(false).synopsisHeading(SYNOPSIS_HEADING).descriptionHeading("%n")
                    .parameterListHeading("%n").optionListHeading("%n").width(WIDTH)
                    .customSynopsis(CommandList.commandSynopsis(command.getCommandSpec(), SYNOPSIS_HEADING, WIDTH));
        });
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList());
        commandLine.setSeparator(" ");
        commandLine.setUsageHelpWidth(WIDTH);
        commandLine.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        commandLine.setOut(writer(console.out()));
        commandLine.setErr(writer(console.err()));
        commandLine.setParameterExceptionHandler(new UsageErrors(console));
        commandLine.setExecutionExceptionHandler(new CommandFailures(console));
        return commandLine;
    }

    /** {@code -h, --help} on every command; left out of the synopses, where it would only repeat itself. */
    private static void addHelpOption(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).hidden(true)
                .description("show this help").build());
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }
}
