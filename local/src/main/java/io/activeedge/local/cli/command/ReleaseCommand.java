package io.activeedge.local.cli.command;

import io.activeedge.failover.OperatorCommand;
import picocli.CommandLine.Command;

/** {@code release}: lifts an operator's hold; the Region's alarms decide again. */
@Command(name = "release", description = {
    "lift the hold on Region R of APP: it serves again unless one of its alarms is in ALARM"})
public final class ReleaseCommand extends OperatorCommandBase {

    public ReleaseCommand(Console console) {
        super(console, OperatorCommand.RELEASE);
    }
}
