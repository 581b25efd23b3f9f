package io.activeedge.failover;

import java.util.List;

/** What one invocation of the failover function did: one decision per Region it reconciled or event it dropped. */
public record FailoverResult(List<FailoverDecision> decisions) {
}
