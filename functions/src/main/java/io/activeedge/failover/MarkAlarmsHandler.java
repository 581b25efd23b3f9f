package io.activeedge.failover;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.AlarmMarksResult;
import io.activeedge.provisioning.RegionState;

/**
 * Per Region, after the health checks: tag the Region's CloudWatch alarms with the switch they drive and the
 * application's failover settings, and the gate with where the latency record is.
 */
public final class MarkAlarmsHandler extends JsonHandler<RegionState, AlarmMarksResult> {
    private final AlarmMarker marker;

    public MarkAlarmsHandler() {
        this(new AlarmMarker(new RegionalClients<>(Clients::cloudWatch), Clients.route53()));
    }

    MarkAlarmsHandler(AlarmMarker marker) {
        super(RegionState.class);
        this.marker = marker;
    }

    @Override
    protected AlarmMarksResult handle(RegionState state) {
        return marker.mark(state.input().app(), state.region().region(), state.region().alarms(),
                state.healthChecks(), state.input().failover(), state.zone() == null ? null : state.zone().id(),
                state.input().originDomain());
    }
}
