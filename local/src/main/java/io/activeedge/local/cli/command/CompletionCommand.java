package io.activeedge.local.cli.command;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: a bash (and zsh) completion script for every command and option, from the same model as the help. */
@Command(name = "completion", description = {
    "print a bash completion script for ./active-edge (zsh too, with bashcompinit)",
    "Use it with: source <(./active-edge completion)"})
public final class CompletionCommand implements Callable<Integer> {

    /** What bash completes: the launcher's name, which bash also matches when it is run as ./active-edge. */
    static final String SCRIPT_NAME = "active-edge";

    @Spec
    CommandSpec spec;

    private final Console console;

    public CompletionCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.out().print(AutoComplete.bash(SCRIPT_NAME, spec.root().commandLine()));
        console.out().flush();
        return 0;
    }
}
