package io.activeedge.local.cli.command;

import io.activeedge.failover.AlarmChange;
import picocli.CommandLine.Command;

/** {@code recover}: the alarm goes back to OK; the failover function restores the Region. */
@Command(name = "recover", description = {
    "the same as failover with OK: R serves again",
    "Exit 1 when the function refuses or fails."})
public final class RecoverCommand extends AlarmCommand {

    public RecoverCommand(Console console) {
        super(console, AlarmChange.OK);
    }
}
