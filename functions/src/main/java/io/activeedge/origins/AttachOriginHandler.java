package io.activeedge.origins;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.OriginTarget;
import io.activeedge.provisioning.RegionState;

/**
 * Step 6a, per Region: put the Regional certificate in front of the origin (an API Gateway custom domain, or the
 * certificate list of a load balancer's HTTPS listener) and say where its traffic goes.
 */
public final class AttachOriginHandler extends JsonHandler<RegionState, OriginTarget> {
    private final Origins origins;

    public AttachOriginHandler() {
        this(new Origins(new RegionalClients<>(Clients::apiGateway), new RegionalClients<>(Clients::apiGatewayV2),
                new RegionalClients<>(Clients::elbv2)));
    }

    AttachOriginHandler(Origins origins) {
        super(RegionState.class);
        this.origins = origins;
    }

    @Override
    protected OriginTarget handle(RegionState state) {
        return origins.attach(state.input(), state.region(), state.certificates());
    }
}
