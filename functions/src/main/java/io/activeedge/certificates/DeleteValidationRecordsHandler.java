package io.activeedge.certificates;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;
import java.util.concurrent.Executors;

/**
 * Teardown: delete the DNS validation CNAMEs of the deleted certificates that no remaining certificate,
 * of this application or any other, still needs.
 */
public final class DeleteValidationRecordsHandler extends JsonHandler<TeardownState, RemovalResult> {
    /** ACM is asked in about thirty Regions; a few at a time keeps the step short without crowding the container. */
    private static final int SEARCH_THREADS = 8;

    private final ValidationRecordRemover remover;

    public DeleteValidationRecordsHandler() {
        this(new ValidationRecordRemover(new RegionalClients<>(Clients::acm), Clients.route53(), Executors
                .newFixedThreadPool(SEARCH_THREADS, Thread.ofPlatform().daemon().name("acm-search-", 0).factory())));
    }

    DeleteValidationRecordsHandler(ValidationRecordRemover remover) {
        super(TeardownState.class);
        this.remover = remover;
    }

    @Override
    protected RemovalResult handle(TeardownState state) {
        return remover.remove(state.scope().zone(), state.scope().regionsToSearch(), state.certificates());
    }
}
