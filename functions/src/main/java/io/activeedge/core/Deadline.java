package io.activeedge.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When work must stop so that the function can still answer: derived from the invocation's remaining time. */
public record Deadline(Clock clock, Instant at) {

    /** {@code remaining} from now, less {@code margin} for answering. */
    public static Deadline in(Clock clock, Duration remaining, Duration margin) {
        return new Deadline(clock, clock.instant().plus(remaining).minus(margin));
    }

    /** At least {@code needed} is left. */
    public boolean allows(Duration needed) {
        return left().compareTo(needed) >= 0;
    }

    public Duration left() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
