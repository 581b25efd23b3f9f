package io.activeedge.teardown;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;

/** Teardown step 2: find the application's hosted zone and the Regions to search. */
public final class FindApplicationHandler extends JsonHandler<TeardownState, TeardownScope> {
    private final ApplicationScope scope;

    public FindApplicationHandler() {
        this(new ApplicationScope(Clients.route53()));
    }

    FindApplicationHandler(ApplicationScope scope) {
        super(TeardownState.class);
        this.scope = scope;
    }

    @Override
    protected TeardownScope handle(TeardownState state) {
        return scope.find(state.input());
    }
}
