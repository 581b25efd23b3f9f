package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import java.time.Clock;

/** Teardown step 4: disable the application's CloudFront distribution, which CloudFront requires before deleting it. */
public final class DisableDistributionHandler extends JsonHandler<TeardownState, DistributionRemoval> {
    private final DistributionTeardown distributions;

    public DisableDistributionHandler() {
        this(new DistributionTeardown(Clients.cloudFront(), Clock.systemUTC()));
    }

    DisableDistributionHandler(DistributionTeardown distributions) {
        super(TeardownState.class);
        this.distributions = distributions;
    }

    @Override
    protected DistributionRemoval handle(TeardownState state) {
        return distributions.disable(state);
    }
}
