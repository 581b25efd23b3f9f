package io.activeedge.validation;

import io.activeedge.core.Clients;
import io.activeedge.core.RegionalClients;
import io.activeedge.input.AppSpec;
import io.activeedge.origins.ApiOrigins;

/**
 * Step 1: check the whole input and fill in every default, then read (never change) the API Gateway origins it
 * names, so that a wrong API id, stage or a disabled execute-api endpoint is reported before anything is created.
 */
public final class ValidateInputHandler extends UserInputHandler {
    private final ApiOrigins origins;

    public ValidateInputHandler() {
        this(new ApiOrigins(new RegionalClients<>(Clients::apiGateway), new RegionalClients<>(Clients::apiGatewayV2)));
    }

    ValidateInputHandler(ApiOrigins origins) {
        this.origins = origins;
    }

    @Override
    protected AppSpec handle(AppSpec input) {
        AppSpec valid = validator.validate(input);
        origins.check(valid);
        return valid;
    }
}
