package io.activeedge.certificates;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.ValidationRecordsResult;
import io.activeedge.provisioning.WorkflowState;

/** Step 4: publish every DNS validation CNAME of the certificates in one de-duplicated change batch. */
public final class PublishValidationRecordsHandler extends JsonHandler<WorkflowState, ValidationRecordsResult> {
    private final ValidationRecordPublisher publisher;

    public PublishValidationRecordsHandler() {
        this(new ValidationRecordPublisher(new RegionalClients<>(Clients::acm), Clients.route53()));
    }

    PublishValidationRecordsHandler(ValidationRecordPublisher publisher) {
        super(WorkflowState.class);
        this.publisher = publisher;
    }

    @Override
    protected ValidationRecordsResult handle(WorkflowState state) {
        return publisher.publish(state.certificates(), state.zone());
    }
}
