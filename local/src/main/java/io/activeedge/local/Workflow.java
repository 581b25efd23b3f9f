package io.activeedge.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A state machine the CLI runs with an input file, and how its output is summarised. */
enum Workflow {
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
    String command() {
        return command;
    }

    StackResource stateMachine() {
        return stateMachine;
    }

    /** The input names APIs and alarms of the user's account, which a fresh emulator lacks (see {@link StandIns}). */
    boolean needsStandIns() {
        return needsStandIns;
    }

    /** What a successful run did, from its output; {@code calls} is null where they are not counted. */
    String summary(JsonNode output, Map<String, Long> calls, Glyphs glyphs) {
        return switch (this) {
            case PROVISION -> Summary.format(output, calls, glyphs);
            case TEARDOWN -> TeardownSummary.format(output, calls);
        };
    }
}
