package io.activeedge.local.cli.command;

import io.activeedge.failover.OperatorCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hold}: an operator drains a Region and keeps it drained, whatever its alarms say, until released. */
@Command(name = "hold", description = {
    "drain Region R of APP and keep it drained until `release`: alarms, scheduled runs and provisioning leave it so",
    "Refused (exit 1) when R is the last Region serving, unless --force."})
public final class HoldCommand extends OperatorCommandBase {

    @Option(names = "--reason", paramLabel = "TEXT", description = "why, shown by status (Route 53 tag characters;"
            + " others become _)")
    String reason;

    @Option(names = "--force", description = "hold R even when it is the last Region serving (Route 53 then answers"
            + " with every Region: it fails open)")
    boolean force;

    public HoldCommand(Console console) {
        super(console, OperatorCommand.HOLD);
    }

    @Override
    String reason() {
        return reason;
    }

    @Override
    boolean force() {
        return force;
    }
}
