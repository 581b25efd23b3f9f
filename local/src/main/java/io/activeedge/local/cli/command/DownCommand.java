package io.activeedge.local.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ./active-edge down}: the launcher stops what up started; here only its usage. */
@Command(name = "down", description = "stop the local cloud that up started")
public final class DownCommand implements Callable<Integer> {

    private final Console console;

    public DownCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        console.err().println("down is a command of ./active-edge, which runs serve in the background");
        return 2;
    }
}
