package io.activeedge.distribution;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.DistributionRemovalResult;
import io.activeedge.teardown.TeardownState;
import java.time.Clock;

/**
 * Teardown step 5, the wait loop: delete the distribution once CloudFront reports it disabled and Deployed,
 * then go on to the next one tagged for the application; fails when the input's deadline passes first.
 */
public final class DeleteDistributionHandler extends JsonHandler<TeardownState, DistributionRemovalResult> {
    private final DistributionRemover distributions;

    public DeleteDistributionHandler() {
        this(new DistributionRemover(Clients.cloudFront(), Clock.systemUTC()));
    }

    DeleteDistributionHandler(DistributionRemover distributions) {
        super(TeardownState.class);
        this.distributions = distributions;
    }

    @Override
    protected DistributionRemovalResult handle(TeardownState state) {
        return distributions.delete(state.input(), state.run(), state.distribution());
    }
}
