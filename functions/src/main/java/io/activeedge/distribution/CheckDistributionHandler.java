package io.activeedge.distribution;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.DistributionStatus;
import io.activeedge.provisioning.WorkflowState;
import java.time.Clock;

/** Step 7, the wait loop: is the distribution Deployed yet, and is there still time to wait for it. */
public final class CheckDistributionHandler extends JsonHandler<WorkflowState, DistributionStatus> {
    private final Distributions distributions;

    public CheckDistributionHandler() {
        this(new Distributions(Clients.cloudFront(), Clock.systemUTC()));
    }

    CheckDistributionHandler(Distributions distributions) {
        super(WorkflowState.class);
        this.distributions = distributions;
    }

    @Override
    protected DistributionStatus handle(WorkflowState state) {
        return distributions.check(state.distribution().id(), state.input(), state.run());
    }
}
