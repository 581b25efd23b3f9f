package io.activeedge.local.target;

import io.activeedge.local.localcloud.LocalCloud;

/**
 * What the commands run or invoke, by the template's logical id (the local cloud) and by the stack output that
 * names it once deployed (template.yaml, Outputs).
 */
public enum StackResource {
    PROVISION_STATE_MACHINE("ProvisionStateMachine", "ProvisionStateMachineArn"),
    TEARDOWN_STATE_MACHINE("TeardownStateMachine", "TeardownStateMachineArn"),
    FAILOVER_FUNCTION("FailoverFunction", "FailoverFunctionArn");

    /** The stack name README's deploy section suggests; the local cloud creates its stack under it too. */
    public static final String DEFAULT_STACK = LocalCloud.STACK_NAME;

    private final String logicalId;
    private final String outputKey;

    StackResource(String logicalId, String outputKey) {
        this.logicalId = logicalId;
        this.outputKey = outputKey;
    }

    public String logicalId() {
        return logicalId;
    }

    public String outputKey() {
        return outputKey;
    }
}
