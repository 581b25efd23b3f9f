package io.activeedge.certificates;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.teardown.TeardownState;
import java.time.Clock;

/**
 * Teardown: delete the application's certificates. The state machine waits and calls again while one is
 * still in use ({@code done} false); past the deadline the step fails with CertificateInUseException.
 */
public final class DeleteCertificatesHandler extends JsonHandler<TeardownState, CertificateRemovalResult> {
    private final CertificateRemover remover;

    public DeleteCertificatesHandler() {
        this(new CertificateRemover(new RegionalClients<>(Clients::acm), Clock.systemUTC()));
    }

    DeleteCertificatesHandler(CertificateRemover remover) {
        super(TeardownState.class);
        this.remover = remover;
    }

    @Override
    protected CertificateRemovalResult handle(TeardownState state) {
        return remover.remove(state.input(), state.run(), state.scope().regionsToSearch(), state.certificates());
    }
}
