package io.activeedge.core;

import java.util.function.Supplier;

/** How each AWS call is made: directly, or through a {@link Backoff} that retries throttled calls. */
public interface AwsCalls {
    <T> T call(String operation, Supplier<T> call);

    /** Each call made once; a throttled one fails the step, which the workflow retries. */
    AwsCalls DIRECT = new AwsCalls() {
        @Override
        public <T> T call(String operation, Supplier<T> call) {
            return call.get();
        }
    };
}
