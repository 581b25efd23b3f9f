package io.activeedge.core;

import io.activeedge.errors.ThrottledException;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Retries a call that AWS throttled (Throttling, PriorRequestNotComplete) with full-jitter exponential backoff:
 * before attempt n+1 it waits a random time between 0 and min(cap, base * 2^(n-1)). Bounded, so that a
 * function still ends inside its timeout; the last error goes to the caller.
 */
public final class Backoff implements AwsCalls {
    private static final Logger LOG = LoggerFactory.getLogger(Backoff.class);
    public static final int MAX_ATTEMPTS = 6;
    public static final Duration BASE = Duration.ofMillis(100);
    public static final Duration CAP = Duration.ofSeconds(3);

    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    public Backoff(Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public <T> T call(String operation, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!ThrottledException.isThrottling(e) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                Duration delay = delay(attempt);
                LOG.warn("aws call retried operation={} attempt={} errorCode={} delayMillis={}", operation, attempt,
                        e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode(), delay.toMillis());
                sleeper.sleep(delay);
            }
        }
    }

    Duration delay(int attempt) {
        long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }
}
