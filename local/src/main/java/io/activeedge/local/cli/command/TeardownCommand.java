package io.activeedge.local.cli.command;

import io.activeedge.local.report.TeardownOutput;
import io.activeedge.local.report.TeardownSummary;
import io.activeedge.local.target.Glyphs;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import picocli.CommandLine.Command;

/** {@code teardown}: the teardown state machine, then what it deleted and what it kept. */
@Command(name = "teardown", description = {
    "run the teardown state machine with FILE as input (the same file as provision): remove what provisioning"
            + " made for the app, then say what it deleted and what it kept",
    "On the local cloud that up started, or one started for this command; with --aws in your AWS account."})
public final class TeardownCommand extends WorkflowCommand {

    public TeardownCommand(Console console) {
        super(console, Workflow.TEARDOWN);
    }

    @Override
    String summary(WorkflowRun.Result result, Glyphs glyphs) {
        return TeardownSummary.format(result.output(TeardownOutput.class), result.calls());
    }
}
