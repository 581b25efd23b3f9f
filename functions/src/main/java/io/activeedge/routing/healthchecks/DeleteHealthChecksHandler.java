package io.activeedge.routing.healthchecks;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.Sleeper;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;

/** Teardown step 7: delete the application's gate, switch, endpoint and alarm health checks, parents first. */
public final class DeleteHealthChecksHandler extends JsonHandler<TeardownState, RemovalResult> {
    private final HealthCheckRemover checks;

    public DeleteHealthChecksHandler() {
        this(new HealthCheckRemover(Clients.route53(), Sleeper.real()));
    }

    DeleteHealthChecksHandler(HealthCheckRemover checks) {
        super(TeardownState.class);
        this.checks = checks;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return checks.delete(state.input().app());
    }
}
