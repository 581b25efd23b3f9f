package io.activeedge.validation;

import io.activeedge.core.Clients;
import io.activeedge.core.RegionalClients;
import io.activeedge.input.AppSpec;
import io.activeedge.origins.ApiOrigins;
import io.activeedge.origins.LoadBalancerOrigins;
import io.activeedge.routing.healthchecks.DataPlaneAlarms;

/**
 * Step 1: check the whole input and fill in every default, then read (never change) the API Gateway and load
 * balancer origins it names, and with failover.dataPlane the alarms it lists, so that a wrong API id or stage, a
 * disabled execute-api endpoint, a missing, internal or non-application load balancer, a missing HTTPS listener or an
 * alarm Route 53 cannot follow is reported before anything is created.
 */
public final class ValidateInputHandler extends UserInputHandler {
    private final ApiOrigins origins;
    private final LoadBalancerOrigins balancers;
    private final DataPlaneAlarms alarms;

    public ValidateInputHandler() {
        this(new ApiOrigins(new RegionalClients<>(Clients::apiGateway), new RegionalClients<>(Clients::apiGatewayV2)),
                new LoadBalancerOrigins(new RegionalClients<>(Clients::elbv2)),
                new DataPlaneAlarms(new RegionalClients<>(Clients::cloudWatch)));
    }

    ValidateInputHandler(ApiOrigins origins, LoadBalancerOrigins balancers, DataPlaneAlarms alarms) {
        this.origins = origins;
        this.balancers = balancers;
        this.alarms = alarms;
    }

    @Override
    protected AppSpec handle(AppSpec input) {
        AppSpec valid = validator.validate(input);
        origins.check(valid);
        balancers.check(valid);
        alarms.check(valid);
        return valid;
    }
}
