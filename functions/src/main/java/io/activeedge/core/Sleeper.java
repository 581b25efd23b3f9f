package io.activeedge.core;

import java.time.Duration;

/** Waits between retries; tests pass one that only records how long it was asked to wait. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration);

    static Sleeper real() {
        return duration -> {
            try {
                Thread.sleep(duration);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting to retry", e);
            }
        };
    }
}
