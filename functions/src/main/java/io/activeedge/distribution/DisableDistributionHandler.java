package io.activeedge.distribution;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.DistributionRemoval;
import io.activeedge.teardown.TeardownState;
import java.time.Clock;

/** Teardown step 4: disable the application's CloudFront distribution, which CloudFront requires before deleting it. */
public final class DisableDistributionHandler extends JsonHandler<TeardownState, DistributionRemoval> {
    private final DistributionRemover distributions;

    public DisableDistributionHandler() {
        this(new DistributionRemover(Clients.cloudFront(), Clock.systemUTC()));
    }

    DisableDistributionHandler(DistributionRemover distributions) {
        super(TeardownState.class);
        this.distributions = distributions;
    }

    @Override
    protected DistributionRemoval handle(TeardownState state) {
        return distributions.disable(state);
    }
}
