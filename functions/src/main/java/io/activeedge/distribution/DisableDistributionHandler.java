package io.activeedge.distribution;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.DistributionRemovalResult;
import io.activeedge.teardown.TeardownState;
import java.time.Clock;

/** Teardown step 4: disable the application's CloudFront distribution, which CloudFront requires before deleting it. */
public final class DisableDistributionHandler extends JsonHandler<TeardownState, DistributionRemovalResult> {
    private final DistributionRemover distributions;

    public DisableDistributionHandler() {
        this(new DistributionRemover(Clients.cloudFront(), Clock.systemUTC()));
    }

    DisableDistributionHandler(DistributionRemover distributions) {
        super(TeardownState.class);
        this.distributions = distributions;
    }

    @Override
    protected DistributionRemovalResult handle(TeardownState state) {
        return distributions.disable(state.input());
    }
}
