package io.activeedge.validation;

import io.activeedge.core.Clients;
import io.activeedge.core.RegionalClients;
import io.activeedge.input.AppSpec;
import io.activeedge.origins.ApiOrigins;
import io.activeedge.origins.LoadBalancerOrigins;

/**
 * Step 1: check the whole input and fill in every default, then read (never change) the API Gateway and load
 * balancer origins it names, so that a wrong API id or stage, a disabled execute-api endpoint, a missing, internal or
 * non-application load balancer or a missing HTTPS listener is reported before anything is created.
 */
public final class ValidateInputHandler extends UserInputHandler {
    private final ApiOrigins origins;
    private final LoadBalancerOrigins balancers;

    public ValidateInputHandler() {
        this(new ApiOrigins(new RegionalClients<>(Clients::apiGateway), new RegionalClients<>(Clients::apiGatewayV2)),
                new LoadBalancerOrigins(new RegionalClients<>(Clients::elbv2)));
    }

    ValidateInputHandler(ApiOrigins origins, LoadBalancerOrigins balancers) {
        this.origins = origins;
        this.balancers = balancers;
    }

    @Override
    protected AppSpec handle(AppSpec input) {
        AppSpec valid = validator.validate(input);
        origins.check(valid);
        balancers.check(valid);
        return valid;
    }
}
