package io.activeedge.origins;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;

/**
 * Teardown: take the application's certificates off its load balancers' listeners, and delete its API Gateway custom
 * domains and their mappings, in every Region of the scope.
 */
public final class DeleteOriginDomainsHandler extends JsonHandler<TeardownState, RemovalResult> {
    private final OriginDomainRemover remover;

    public DeleteOriginDomainsHandler() {
        this(new OriginDomainRemover(new RegionalClients<>(Clients::apiGateway),
                new RegionalClients<>(Clients::apiGatewayV2),
                new ListenerCertificateRemover(new RegionalClients<>(Clients::elbv2), new RegionalClients<>(Clients::acm))));
    }

    DeleteOriginDomainsHandler(OriginDomainRemover remover) {
        super(TeardownState.class);
        this.remover = remover;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return remover.remove(state.input(), state.scope().regionsToSearch());
    }
}
