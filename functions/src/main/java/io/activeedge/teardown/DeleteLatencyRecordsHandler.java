package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;

/** Teardown step 6: delete the application's latency records, which refer to its gate health checks. */
public final class DeleteLatencyRecordsHandler extends JsonHandler<TeardownState, Removal> {
    private final LatencyRecordRemoval records;

    public DeleteLatencyRecordsHandler() {
        this(new LatencyRecordRemoval(Clients.route53()));
    }

    DeleteLatencyRecordsHandler(LatencyRecordRemoval records) {
        super(TeardownState.class);
        this.records = records;
    }

    @Override
    protected Removal handle(TeardownState state) {
        return records.delete(state);
    }
}
