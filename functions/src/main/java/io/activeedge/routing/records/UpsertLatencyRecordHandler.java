package io.activeedge.routing.records;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.provisioning.RegionState;

/** Step 6c, per Region: write the Region's latency record for the origin name, gated by its gate check. */
public final class UpsertLatencyRecordHandler extends JsonHandler<RegionState, RecordChange> {
    private final LatencyRecords records;

    public UpsertLatencyRecordHandler() {
        this(new LatencyRecords(Clients.route53()));
    }

    UpsertLatencyRecordHandler(LatencyRecords records) {
        super(RegionState.class);
        this.records = records;
    }

    @Override
    protected RecordChange handle(RegionState state) {
        return records.upsert(state.input(), state.region().region(), state.target(), state.zone().id(),
                state.healthChecks().gateId());
    }
}
