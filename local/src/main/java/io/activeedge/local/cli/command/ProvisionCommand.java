package io.activeedge.local.cli.command;

import io.activeedge.local.report.ProvisionSummary;
import io.activeedge.local.target.Glyphs;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import io.activeedge.provisioning.WorkflowState;
import picocli.CommandLine.Command;

/** {@code provision}: the provision state machine, then what it built. */
@Command(name = "provision", description = {
    "run the provision state machine with FILE as input and print what it built",
    "On the local cloud that up started, or one started for this command (stand-ins for the APIs and alarms the"
            + " input names, short polls when the input sets no timing); with --aws in your AWS account."})
public final class ProvisionCommand extends WorkflowCommand {

    public ProvisionCommand(Console console) {
        super(console, Workflow.PROVISION);
    }

    @Override
    String summary(WorkflowRun.Result result, Glyphs glyphs) {
        return ProvisionSummary.format(result.output(WorkflowState.class), result.calls(), glyphs);
    }
}
