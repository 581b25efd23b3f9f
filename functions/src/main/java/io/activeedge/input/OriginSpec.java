package io.activeedge.input;

/**
 * The Regional origin, one of three kinds: an API Gateway API, for which active-edge creates the Regional custom
 * domain and mapping; an Application Load Balancer, whose HTTPS listener gets the Regional certificate as an extra
 * certificate; or a ready alias target (a custom domain or load balancer set up elsewhere).
 *
 * @param apiGateway        the API Gateway API and stage (exclusive with loadBalancer and dnsName)
 * @param dnsName           alias target name of a ready origin
 * @param hostedZoneId      alias target hosted zone id of that origin
 * @param healthCheckDomain name the endpoint health check probes (default: dnsName, or the load balancer's DNS name)
 * @param healthCheckPath   path the endpoint health check probes (default: healthCheck.path)
 * @param loadBalancer      the Application Load Balancer and its HTTPS listener port (exclusive with the others)
 */
public record OriginSpec(
        ApiGatewayOrigin apiGateway,
        String dnsName,
        String hostedZoneId,
        String healthCheckDomain,
        String healthCheckPath,
        LoadBalancerOrigin loadBalancer) {

    /** HTTPS, the port a listener serves CloudFront on unless the input says otherwise. */
    public static final int DEFAULT_LISTENER_PORT = 443;

    /** An origin that is not a load balancer. */
    public OriginSpec(ApiGatewayOrigin apiGateway, String dnsName, String hostedZoneId, String healthCheckDomain,
                      String healthCheckPath) {
        this(apiGateway, dnsName, hostedZoneId, healthCheckDomain, healthCheckPath, null);
    }

    /** @param apiId API Gateway REST or HTTP API id; @param stage its stage */
    public record ApiGatewayOrigin(String apiId, String stage) {
    }

    /**
     * An Application Load Balancer in the entry's Region, by ARN or by name (one of the two).
     *
     * @param arn          the load balancer's ARN
     * @param name         the load balancer's name
     * @param listenerPort the port of its HTTPS listener (default 443)
     */
    public record LoadBalancerOrigin(String arn, String name, Integer listenerPort) {
        /** The listener port, the default when the input leaves it out. */
        public int port() {
            return listenerPort == null ? DEFAULT_LISTENER_PORT : listenerPort;
        }

        /** "arn" or "name": the field that identifies the load balancer, for messages. */
        public String key() {
            return arn != null ? "arn" : "name";
        }

        /** The ARN or the name, as the input gives it. */
        public String id() {
            return arn != null ? arn : name;
        }
    }
}
