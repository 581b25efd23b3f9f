package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.failover.AlarmMarker;
import java.util.ArrayList;
import java.util.List;

/**
 * First of the teardown: the application's CloudWatch alarms stop driving its switches. The alarms are the
 * user's and stay; only the marks provisioning put on them (app, Region, switch) are removed.
 */
public final class ReleaseAlarmsHandler extends JsonHandler<TeardownState, Removal> {
    private final AlarmMarker marker;

    public ReleaseAlarmsHandler() {
        this(new AlarmMarker(new RegionalClients<>(Clients::cloudWatch)));
    }

    ReleaseAlarmsHandler(AlarmMarker marker) {
        super(TeardownState.class);
        this.marker = marker;
    }

    @Override
    protected Removal handle(TeardownState state) {
        List<String> kept = new ArrayList<>();
        for (String region : state.scope().regions()) {
            marker.unmark(state.input().app(), region).forEach(alarm -> kept.add(region + " alarm " + alarm
                    + " (yours: kept, its active-edge tags removed)"));
        }
        return new Removal(List.of(), List.copyOf(kept));
    }
}
