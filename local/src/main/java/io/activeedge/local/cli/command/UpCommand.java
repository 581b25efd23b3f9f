package io.activeedge.local.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./active-edge up}: the launcher runs {@code serve} in the background; here only its usage. */
@Command(name = "up", description = "start the local cloud in the background and print its endpoint")
public final class UpCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "the AWS endpoint's port (default: a free one)")
    int port;

    @Mixin
    FaultOptions faults;

    private final Console console;

    public UpCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        faults.cloudOptions();
        console.err().println("up is a command of ./active-edge, which runs serve in the background");
        return 2;
    }
}
