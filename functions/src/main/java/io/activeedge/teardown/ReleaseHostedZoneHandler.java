package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;

/** Teardown's last step: keep the hosted zone (the domain is delegated to it) and remove active-edge's tags from it. */
public final class ReleaseHostedZoneHandler extends JsonHandler<TeardownState, Removal> {
    private final HostedZoneRelease zone;

    public ReleaseHostedZoneHandler() {
        this(new HostedZoneRelease(Clients.route53()));
    }

    ReleaseHostedZoneHandler(HostedZoneRelease zone) {
        super(TeardownState.class);
        this.zone = zone;
    }

    @Override
    protected Removal handle(TeardownState state) {
        return zone.release(state);
    }
}
