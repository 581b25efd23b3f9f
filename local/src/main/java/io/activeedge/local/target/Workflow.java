package io.activeedge.local.target;

import io.activeedge.local.localcloud.StandIns;

/** A state machine the CLI runs with an input file. */
public enum Workflow {
    PROVISION("provision", StackResource.PROVISION_STATE_MACHINE, true),
    TEARDOWN("teardown", StackResource.TEARDOWN_STATE_MACHINE, false);

    private final String command;
    private final StackResource stateMachine;
    private final boolean needsStandIns;

    Workflow(String command, StackResource stateMachine, boolean needsStandIns) {
        this.command = command;
        this.stateMachine = stateMachine;
        this.needsStandIns = needsStandIns;
    }

    /** The CLI command that runs it; also part of its execution names. */
    public String command() {
        return command;
    }

    public StackResource stateMachine() {
        return stateMachine;
    }

    /** The input names APIs and alarms of the user's account, which a fresh emulator lacks (see {@link StandIns}). */
    boolean needsStandIns() {
        return needsStandIns;
    }
}
