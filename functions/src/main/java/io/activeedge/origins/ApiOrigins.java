package io.activeedge.origins;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.errors.OriginNotFoundException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;

/**
 * Reads what an API Gateway origin is, before anything is created: a REST API (API Gateway v1) or an HTTP API
 * (v2), that its stage exists, and that its default execute-api endpoint answers, since the endpoint health
 * check probes that endpoint. Reads only; a problem is an error that names the input field.
 */
public final class ApiOrigins {
    private static final Logger LOG = LoggerFactory.getLogger(ApiOrigins.class);

    /** REST APIs live in API Gateway v1, HTTP APIs in v2; an id is one or the other. */
    public enum Kind { REST, HTTP }

    private final RegionalClients<ApiGatewayClient> restApis;
    private final RegionalClients<ApiGatewayV2Client> httpApis;

    public ApiOrigins(RegionalClients<ApiGatewayClient> restApis, RegionalClients<ApiGatewayV2Client> httpApis) {
        this.restApis = restApis;
        this.httpApis = httpApis;
    }

    /** Checks every API Gateway origin of a validated input. */
    public void check(AppSpec input) {
        List<RegionSpec> regions = input.regions();
        for (int i = 0; i < regions.size(); i++) {
            OriginSpec origin = regions.get(i).origin();
            if (origin != null && origin.apiGateway() != null) {
                inspect(regions.get(i).region(), origin.apiGateway(), "regions[" + i + "].origin.apiGateway");
            }
        }
    }

    /**
     * The API's kind, once its stage and its execute-api endpoint are known to be usable.
     *
     * @param field where the origin sits in the input, e.g. "regions[1].origin.apiGateway"
     */
    Kind inspect(String region, OriginSpec.ApiGatewayOrigin api, String field) {
        Kind kind;
        boolean endpointDisabled;
        try {
            GetRestApiResponse rest = restApis.in(region).getRestApi(r -> r.restApiId(api.apiId()));
            kind = Kind.REST;
            endpointDisabled = Boolean.TRUE.equals(rest.disableExecuteApiEndpoint());
        } catch (NotFoundException notRest) {
            try {
                GetApiResponse http = httpApis.in(region).getApi(r -> r.apiId(api.apiId()));
                kind = Kind.HTTP;
                endpointDisabled = Boolean.TRUE.equals(http.disableExecuteApiEndpoint());
            } catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException notHttp) {
                throw new OriginNotFoundException(field + ".apiId: API " + api.apiId() + " not found in " + region
                        + " (neither a REST API nor an HTTP API with that id)");
            }
        }
        // https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-disable-default-endpoint.html:
        // with the default endpoint disabled, clients can invoke the API only through a custom domain name.
        if (endpointDisabled) {
            throw new InvalidInputException(field + ".apiId", "API " + api.apiId() + " in " + region
                    + " has its default execute-api endpoint disabled (disableExecuteApiEndpoint), which the endpoint"
                    + " health check probes, so the Region could never be healthy. Enable the default endpoint, or"
                    + " give this Region as {\"dnsName\", \"hostedZoneId\", \"healthCheckDomain\"} with a name the"
                    + " check can reach");
        }
        requireStage(kind, api, region, field);
        LOG.info("origin api found", LogContext.region(region), entry("apiId", api.apiId()), entry("kind", kind.name()),
                entry("stage", api.stage()));
        return kind;
    }

    private void requireStage(Kind kind, OriginSpec.ApiGatewayOrigin api, String region, String field) {
        try {
            if (kind == Kind.REST) {
                restApis.in(region).getStage(r -> r.restApiId(api.apiId()).stageName(api.stage()));
            } else {
                httpApis.in(region).getStage(r -> r.apiId(api.apiId()).stageName(api.stage()));
            }
        } catch (NotFoundException | software.amazon.awssdk.services.apigatewayv2.model.NotFoundException e) {
            throw new OriginNotFoundException(field + ".stage: stage " + api.stage() + " of API " + api.apiId()
                    + " not found in " + region);
        }
    }
}
