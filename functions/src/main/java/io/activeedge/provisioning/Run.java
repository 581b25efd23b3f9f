package io.activeedge.provisioning;

import java.time.Instant;

/**
 * Facts about the execution, passed by the state machine from its context object.
 *
 * @param id        the execution name: unique per execution, the same across retries of a step,
 *                  so it makes a good idempotency token
 * @param startedAt when the execution started; deadlines count from here
 */
public record Run(String id, Instant startedAt) {
}
