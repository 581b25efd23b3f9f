package io.activeedge.certificates;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.CertificateStatus;
import io.activeedge.provisioning.WorkflowState;
import java.time.Clock;

/**
 * Step 5: one look at every certificate. The state machine's Wait/Choice loop calls this until
 * {@code issued} is true; a certificate ACM gave up on, or the deadline, ends the loop with a named error.
 */
public final class CheckCertificatesHandler extends JsonHandler<WorkflowState, CertificateStatus> {
    private final CertificateWatch watch;

    public CheckCertificatesHandler() {
        this(new CertificateWatch(new RegionalClients<>(Clients::acm), Clock.systemUTC()));
    }

    CheckCertificatesHandler(CertificateWatch watch) {
        super(WorkflowState.class);
        this.watch = watch;
    }

    @Override
    protected CertificateStatus handle(WorkflowState state) {
        return watch.check(state.certificates(), state.run(), state.input().timing(), state.zone());
    }
}
