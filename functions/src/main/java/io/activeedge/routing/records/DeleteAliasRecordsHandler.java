package io.activeedge.routing.records;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;

/** Teardown step 3: delete the A and AAAA alias records that point at the application's distribution. */
public final class DeleteAliasRecordsHandler extends JsonHandler<TeardownState, RemovalResult> {
    private final AliasRecordRemover records;

    public DeleteAliasRecordsHandler() {
        this(new AliasRecordRemover(Clients.route53(), Clients.cloudFront()));
    }

    DeleteAliasRecordsHandler(AliasRecordRemover records) {
        super(TeardownState.class);
        this.records = records;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return records.delete(state.input(), state.scope().zone());
    }
}
