package io.activeedge.failover;

import java.time.Instant;

/** Why the failover function runs: every kind leads to the same reconciliation, over different applications. */
public sealed interface Trigger {

    /** An alarm changed state: reconciles the application that marks it (if any). */
    record AlarmChanged(AlarmChange change) implements Trigger {
    }

    /** The schedule: reconciles every application. */
    record Scheduled(Instant at) implements Trigger {
    }

    /** An operator holds or releases a Region: reconciles its application. */
    record Operator(OperatorCommand command) implements Trigger {
    }

    /** A queued message that is none of these: dropped with a log line (retrying it would not help). */
    record Unreadable(String messageId, String why) implements Trigger {
    }
}
