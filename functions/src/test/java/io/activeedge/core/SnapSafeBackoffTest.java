package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapSafeBackoffTest {
    private final SnapSafeBackoff throttled = new SnapSafeBackoff(Duration.ofSeconds(1), Duration.ofSeconds(20));

    @Test
    void computeDelay_firstAttempt_waitsNothing() {
        assertThat(throttled.computeDelay(1)).isZero();
    }

    @Test
    void computeDelay_retries_staysBelowTheDoublingCeilingCappedAtTheMaximum() {
        for (int i = 0; i < 200; i++) {
            assertThat(throttled.computeDelay(2)).isLessThan(Duration.ofSeconds(1));
            assertThat(throttled.computeDelay(3)).isLessThan(Duration.ofSeconds(2));
            assertThat(throttled.computeDelay(5)).isLessThan(Duration.ofSeconds(8));
            assertThat(throttled.computeDelay(40)).isLessThan(Duration.ofSeconds(20)).isGreaterThanOrEqualTo(Duration.ZERO);
        }
    }

    @Test
    void computeDelay_jitters() {
        Set<Duration> delays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            delays.add(throttled.computeDelay(4));
        }
        assertThat(delays).hasSizeGreaterThan(10);
    }

    @Test
    void new_baseAboveMaximum_refused() {
        assertThatThrownBy(() -> new SnapSafeBackoff(Duration.ofSeconds(30), Duration.ofSeconds(20)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clients_retryWithTheStandardDelays() {
        assertThat(Clients.BACKOFF_BASE).isEqualTo(Duration.ofMillis(100));
        assertThat(Clients.THROTTLED_BACKOFF_BASE).isEqualTo(Duration.ofSeconds(1));
        assertThat(Clients.MAX_BACKOFF).isEqualTo(Duration.ofSeconds(20));
    }
}
