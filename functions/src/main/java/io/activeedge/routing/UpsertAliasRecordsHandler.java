package io.activeedge.routing;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.AliasRecords;
import io.activeedge.provisioning.WorkflowState;

/** Step 8: point every CloudFront alias at the distribution with A and AAAA alias records. */
public final class UpsertAliasRecordsHandler extends JsonHandler<WorkflowState, AliasRecords> {
    private final AliasRecordSets records;

    public UpsertAliasRecordsHandler() {
        this(new AliasRecordSets(Clients.route53()));
    }

    UpsertAliasRecordsHandler(AliasRecordSets records) {
        super(WorkflowState.class);
        this.records = records;
    }

    @Override
    protected AliasRecords handle(WorkflowState state) {
        return records.upsert(state);
    }
}
