package io.activeedge.local.cli.command;

import io.activeedge.failover.AlarmChange;
import picocli.CommandLine.Command;

/** {@code failover}: an alarm of the app in a Region goes to ALARM; the failover function drains the Region. */
@Command(name = "failover", description = {
    "put an alarm of APP in R into ALARM and send FailoverFunction its EventBridge event: drains R unless it is the"
            + " last Region serving",
    "Exit 1 when the function refuses or fails."})
public final class FailoverCommand extends AlarmCommand {

    public FailoverCommand(Console console) {
        super(console, AlarmChange.ALARM);
    }
}
