package io.activeedge.failover;

import io.activeedge.failover.Observation.Alarm;
import java.util.Comparator;

/**
 * Which of two reports of an alarm's state is current: the one that entered its state later. A report never
 * wins by arriving later, so events delivered late, twice or out of order cannot bring back an older state.
 * Two reports of the same instant are ordered by state, so that the choice does not depend on which came first.
 */
final class AlarmStates {
    private static final Comparator<AlarmChange> NEWER = Comparator.comparing(AlarmChange::stateTimestamp)
            .thenComparing(AlarmChange::state);

    private AlarmStates() {
    }

    /** The later of two events of one alarm. */
    static AlarmChange newer(AlarmChange a, AlarmChange b) {
        return NEWER.compare(a, b) >= 0 ? a : b;
    }

    /**
     * The alarm's current state: what DescribeAlarms says ({@code described}, null when it did not list the alarm),
     * or the event's when the event's state is newer.
     */
    static Alarm current(String name, Alarm described, AlarmChange event) {
        if (event == null) {
            return described;
        }
        if (described == null || described.since() == null || event.stateTimestamp().isAfter(described.since())) {
            return new Alarm(name, event.state(), event.stateTimestamp());
        }
        return described;
    }
}
