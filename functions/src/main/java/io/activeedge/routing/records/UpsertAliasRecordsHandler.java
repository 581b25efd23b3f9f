package io.activeedge.routing.records;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.provisioning.AliasRecordsResult;
import io.activeedge.provisioning.WorkflowState;

/** Step 8: point every CloudFront alias at the distribution with A and AAAA alias records. */
public final class UpsertAliasRecordsHandler extends JsonHandler<WorkflowState, AliasRecordsResult> {
    private final AliasRecords records;

    public UpsertAliasRecordsHandler() {
        this(new AliasRecords(Clients.route53()));
    }

    UpsertAliasRecordsHandler(AliasRecords records) {
        super(WorkflowState.class);
        this.records = records;
    }

    @Override
    protected AliasRecordsResult handle(WorkflowState state) {
        return records.upsert(state.input(), state.zone().id(), state.distribution().domainName());
    }
}
