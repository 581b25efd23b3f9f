package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import java.time.Clock;

/**
 * Teardown step 5, the wait loop: delete the distribution once CloudFront reports it disabled and Deployed,
 * then go on to the next one tagged for the application; fails when the input's deadline passes first.
 */
public final class DeleteDistributionHandler extends JsonHandler<TeardownState, DistributionRemoval> {
    private final DistributionTeardown distributions;

    public DeleteDistributionHandler() {
        this(new DistributionTeardown(Clients.cloudFront(), Clock.systemUTC()));
    }

    DeleteDistributionHandler(DistributionTeardown distributions) {
        super(TeardownState.class);
        this.distributions = distributions;
    }

    @Override
    protected DistributionRemoval handle(TeardownState state) {
        return distributions.delete(state);
    }
}
