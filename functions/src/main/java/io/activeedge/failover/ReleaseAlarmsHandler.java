package io.activeedge.failover;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;

/**
 * First of the teardown: the application's CloudWatch alarms stop driving its switches. The alarms are the
 * user's and stay; only the marks provisioning put on them (app, Region, switch) are removed. In each Region of
 * the scope, the alarms are found by their app tag (so one the input no longer lists is released too) and by
 * the names the input lists; the Region's other alarms are never read.
 */
public final class ReleaseAlarmsHandler extends JsonHandler<TeardownState, RemovalResult> {
    private final AlarmReleaser release;

    public ReleaseAlarmsHandler() {
        this(new AlarmReleaser(new RegionalClients<>(Clients::cloudWatch), new RegionalClients<>(Clients::tagging)));
    }

    ReleaseAlarmsHandler(AlarmReleaser release) {
        super(TeardownState.class);
        this.release = release;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return release.release(state.input(), state.scope().regionsToSearch());
    }
}
