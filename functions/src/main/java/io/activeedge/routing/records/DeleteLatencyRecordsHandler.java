package io.activeedge.routing.records;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;

/** Teardown step 6: delete the application's latency records, which refer to its gate health checks. */
public final class DeleteLatencyRecordsHandler extends JsonHandler<TeardownState, RemovalResult> {
    private final LatencyRecordRemover records;

    public DeleteLatencyRecordsHandler() {
        this(new LatencyRecordRemover(Clients.route53()));
    }

    DeleteLatencyRecordsHandler(LatencyRecordRemover records) {
        super(TeardownState.class);
        this.records = records;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return records.delete(state.input(), state.scope().zone());
    }
}
