package io.activeedge.failover;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Sleeper;
import java.time.Clock;

/**
 * Alarm-driven failover: a CloudWatch alarm state change (from the EventBridge rule, or from an alarm action
 * that invokes this function) drains or restores the alarm's Region.
 */
public final class FailoverHandler extends JsonHandler<AlarmEvent, FailoverDecision> {
    private final RegionSwitch regionSwitch;

    public FailoverHandler() {
        this(new RegionSwitch(new RegionalClients<>(Clients::cloudWatch), Clients.route53(), Clock.systemUTC(),
                new PowertoolsFailoverMetrics()));
    }

    FailoverHandler(RegionSwitch regionSwitch) {
        super(AlarmEvent.class);
        this.regionSwitch = regionSwitch;
    }

    @Override
    protected FailoverDecision handle(AlarmEvent event) {
        return regionSwitch.apply(event.change());
    }
}
