package io.activeedge.certificates;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.WorkflowState;

/** Step 3: find or request the edge certificate (us-east-1) and one origin certificate per Region. */
public final class EnsureCertificatesHandler extends JsonHandler<WorkflowState, CertificatesResult> {
    private final CertificateRequests certificates;

    public EnsureCertificatesHandler() {
        this(new CertificateRequests(new RegionalClients<>(Clients::acm)));
    }

    EnsureCertificatesHandler(CertificateRequests certificates) {
        super(WorkflowState.class);
        this.certificates = certificates;
    }

    @Override
    protected CertificatesResult handle(WorkflowState state) {
        return certificates.ensure(state.input(), state.run());
    }
}
