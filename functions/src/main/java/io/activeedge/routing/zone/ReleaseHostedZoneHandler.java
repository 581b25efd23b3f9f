package io.activeedge.routing.zone;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;

/** Teardown's last step: keep the hosted zone (the domain is delegated to it) and remove active-edge's tags from it. */
public final class ReleaseHostedZoneHandler extends JsonHandler<TeardownState, RemovalResult> {
    private final HostedZoneReleaser zone;

    public ReleaseHostedZoneHandler() {
        this(new HostedZoneReleaser(Clients.route53()));
    }

    ReleaseHostedZoneHandler(HostedZoneReleaser zone) {
        super(TeardownState.class);
        this.zone = zone;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return zone.release(state.input(), state.scope().zone());
    }
}
