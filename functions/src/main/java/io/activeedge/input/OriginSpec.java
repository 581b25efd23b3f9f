package io.activeedge.input;

/**
 * The Regional origin: either an API Gateway API, for which active-edge creates the Regional custom
 * domain and mapping, or a ready alias target (an ALB, or a custom domain made elsewhere).
 *
 * @param apiGateway        the API Gateway API and stage (exclusive with dnsName)
 * @param dnsName           alias target name of a ready origin
 * @param hostedZoneId      alias target hosted zone id of that origin
 * @param healthCheckDomain name the endpoint health check probes (default: dnsName)
 * @param healthCheckPath   path the endpoint health check probes (default: healthCheck.path)
 */
public record OriginSpec(
        ApiGatewayOrigin apiGateway,
        String dnsName,
        String hostedZoneId,
        String healthCheckDomain,
        String healthCheckPath) {

    /** @param apiId API Gateway REST or HTTP API id; @param stage its stage */
    public record ApiGatewayOrigin(String apiId, String stage) {
    }
}
