package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;

/** Teardown step 3: delete the A and AAAA alias records that point at the application's distribution. */
public final class DeleteAliasRecordsHandler extends JsonHandler<TeardownState, Removal> {
    private final AliasRecordRemoval records;

    public DeleteAliasRecordsHandler() {
        this(new AliasRecordRemoval(Clients.route53(), Clients.cloudFront()));
    }

    DeleteAliasRecordsHandler(AliasRecordRemoval records) {
        super(TeardownState.class);
        this.records = records;
    }

    @Override
    protected Removal handle(TeardownState state) {
        return records.delete(state);
    }
}
