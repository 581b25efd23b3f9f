package io.activeedge.routing;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.teardown.TeardownScope;
import io.activeedge.teardown.TeardownState;

/** Teardown step 2: find the application's hosted zone and the Regions to search. */
public final class FindApplicationHandler extends JsonHandler<TeardownState, TeardownScope> {
    private final ApplicationSearch scope;

    public FindApplicationHandler() {
        this(new ApplicationSearch(Clients.route53()));
    }

    FindApplicationHandler(ApplicationSearch scope) {
        super(TeardownState.class);
        this.scope = scope;
    }

    @Override
    protected TeardownScope handle(TeardownState state) {
        return scope.find(state.input());
    }
}
