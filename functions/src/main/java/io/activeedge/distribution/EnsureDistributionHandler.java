package io.activeedge.distribution;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.Distribution;
import io.activeedge.provisioning.WorkflowState;
import java.time.Clock;

/** Step 7: find the application's CloudFront distribution or create it, and converge its config if it drifted. */
public final class EnsureDistributionHandler extends JsonHandler<WorkflowState, Distribution> {
    private final Distributions distributions;

    public EnsureDistributionHandler() {
        this(new Distributions(Clients.cloudFront(), Clock.systemUTC()));
    }

    EnsureDistributionHandler(Distributions distributions) {
        super(WorkflowState.class);
        this.distributions = distributions;
    }

    @Override
    protected Distribution handle(WorkflowState state) {
        return distributions.ensure(state.input(), state.run(), state.certificates().edge().arn());
    }
}
