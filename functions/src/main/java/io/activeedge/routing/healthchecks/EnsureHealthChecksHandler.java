package io.activeedge.routing.healthchecks;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.provisioning.RegionState;

/**
 * Step 6b, per Region: find or create the endpoint, switch and gate health checks, and with failover.dataPlane one
 * alarm check per alarm.
 */
public final class EnsureHealthChecksHandler extends JsonHandler<RegionState, RegionHealthChecksResult> {
    private final HealthChecks checks;

    public EnsureHealthChecksHandler() {
        this(new HealthChecks(Clients.route53()));
    }

    EnsureHealthChecksHandler(HealthChecks checks) {
        super(RegionState.class);
        this.checks = checks;
    }

    @Override
    protected RegionHealthChecksResult handle(RegionState state) {
        return checks.ensure(state.input(), state.region().region(), state.run(), state.target());
    }
}
