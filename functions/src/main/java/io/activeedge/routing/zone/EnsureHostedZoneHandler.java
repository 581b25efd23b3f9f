package io.activeedge.routing.zone;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.WorkflowState;

/** Step 2: find the application's public hosted zone, or create it. */
public final class EnsureHostedZoneHandler extends JsonHandler<WorkflowState, HostedZone> {
    private final HostedZones zones;

    public EnsureHostedZoneHandler() {
        this(new HostedZones(Clients.route53()));
    }

    EnsureHostedZoneHandler(HostedZones zones) {
        super(WorkflowState.class);
        this.zones = zones;
    }

    @Override
    protected HostedZone handle(WorkflowState state) {
        return zones.ensure(state.input(), state.run());
    }
}
