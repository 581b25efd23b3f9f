package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.Sleeper;

/** Teardown step 7: delete the application's gate, switch and endpoint health checks, parents first. */
public final class DeleteHealthChecksHandler extends JsonHandler<TeardownState, Removal> {
    private final HealthCheckRemoval checks;

    public DeleteHealthChecksHandler() {
        this(new HealthCheckRemoval(Clients.route53(), Sleeper.real()));
    }

    DeleteHealthChecksHandler(HealthCheckRemoval checks) {
        super(TeardownState.class);
        this.checks = checks;
    }

    @Override
    protected Removal handle(TeardownState state) {
        return checks.delete(state);
    }
}
