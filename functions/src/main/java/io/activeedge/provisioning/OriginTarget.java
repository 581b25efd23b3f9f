package io.activeedge.provisioning;

/**
 * Where one Region's traffic goes and how it is probed.
 *
 * @param region            the Region
 * @param dnsName           alias target of the latency record
 * @param hostedZoneId      alias target's hosted zone id
 * @param healthCheckDomain what the endpoint health check probes (the Region's own endpoint)
 * @param healthCheckPath   the path it probes
 * @param customDomain      the API Gateway custom domain active-edge manages there, or null
 * @param created           true when this run created the custom domain
 */
public record OriginTarget(String region, String dnsName, String hostedZoneId, String healthCheckDomain,
                           String healthCheckPath, String customDomain, boolean created) {
}
