package io.activeedge.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The SDK's full-jitter exponential backoff, with its jitter drawn from a {@link SecureRandom} instead of
 * {@code ThreadLocalRandom}.
 * <p>
 * Why: with SnapStart, every execution environment resumes from one snapshot, so a pseudo-random generator seeded
 * during init produces the same sequence in each of them. The SDK's {@code BackoffStrategy.exponentialDelay} draws
 * from {@code ThreadLocalRandom.current()}, whose seeds come from a generator that is part of that snapshot, so
 * restored functions that are throttled together would retry in step. {@code ThreadLocalRandom} cannot be reseeded
 * (its {@code setSeed} throws), so the jitter uses a generator that stays unique instead.
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html: "If your application depends on
 * randomness, we recommend that you use cryptographically secure random number generators (CSPRNGs)"; the Lambda
 * managed runtimes' built-in CSPRNGs include "Java: java.security.SecureRandom".
 */
final class SnapSafeBackoff implements BackoffStrategy {
    private static final Random RANDOM = new SecureRandom();

    private final long baseMillis;
    private final long maxMillis;

    SnapSafeBackoff(Duration base, Duration max) {
        this.baseMillis = base.toMillis();
        this.maxMillis = max.toMillis();
        if (baseMillis <= 0 || maxMillis < baseMillis) {
            throw new IllegalArgumentException("backoff base " + base + " must be positive and at most " + max);
        }
    }

    /**
     * As the SDK's own (ExponentialDelayWithJitter): no delay before the first attempt, then a delay drawn uniformly
     * from [0, min(max, base × 2^(attempt − 2))).
     */
    @Override
    public Duration computeDelay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " must be positive");
        }
        if (attempt == 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(attempt - 2, 30);
        long ceiling = Math.min(maxMillis, baseMillis << doublings);
        return Duration.ofMillis(RANDOM.nextLong(ceiling));
    }

    long baseMillis() {
        return baseMillis;
    }

    long maxMillis() {
        return maxMillis;
    }
}
