package io.activeedge.origins;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.LogContext;
import io.activeedge.core.Names;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.OriginSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.OriginTarget;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GetDomainNameResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.SecurityPolicy;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;

/**
 * Attaches one Region's origin. An API Gateway API gets the Regional custom domain {@code originDomain}
 * (with that Region's certificate) and a mapping at the empty base path; an Application Load Balancer gets that
 * certificate in its HTTPS listener's certificate list and is the alias target; a ready alias target is used as it is.
 * A custom domain that active-edge did not create is never taken over.
 */
public final class Origins {
    private static final Logger LOG = LoggerFactory.getLogger(Origins.class);

    private final RegionalClients<ApiGatewayClient> restApis;
    private final RegionalClients<ApiGatewayV2Client> httpApis;
    private final ApiOrigins apis;
    private final LoadBalancerOrigins balancers;
    private final ListenerCertificates listenerCertificates;

    public Origins(RegionalClients<ApiGatewayClient> restApis, RegionalClients<ApiGatewayV2Client> httpApis,
                   RegionalClients<ElasticLoadBalancingV2Client> elb) {
        this.restApis = restApis;
        this.httpApis = httpApis;
        this.apis = new ApiOrigins(restApis, httpApis);
        this.balancers = new LoadBalancerOrigins(elb);
        this.listenerCertificates = new ListenerCertificates(elb);
    }

    /**
     * {@code certificates}: the one of {@code spec}'s Region goes on the custom domain of an API origin, or in the
     * certificate list of a load balancer origin's HTTPS listener.
     */
    public OriginTarget attach(AppSpec input, RegionSpec spec, CertificatesResult certificates) {
        OriginSpec origin = spec.origin();
        if (origin.loadBalancer() != null) {
            return attachLoadBalancer(input, spec, certificates, origin.loadBalancer());
        }
        if (origin.apiGateway() == null) {
            return readyTarget(input, spec);
        }
        return attachApi(input, spec, certificates, origin.apiGateway());
    }

    private OriginTarget attachLoadBalancer(AppSpec input, RegionSpec spec, CertificatesResult certificates,
                                            OriginSpec.LoadBalancerOrigin origin) {
        String region = spec.region();
        String field = fieldOf(input, region) + ".origin.loadBalancer";
        LoadBalancerOrigins.Found found = balancers.inspect(region, origin, field);
        boolean added = listenerCertificates.attach(region, found.listener(), certificates.origin(region).arn(), field);
        LoadBalancer balancer = found.loadBalancer();
        // https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html: DNSName "Use
        // DescribeLoadBalancers to get the value of DNSName"; "If you're routing traffic to a Classic Load Balancer,
        // get the value that begins with dualstack. If you're routing traffic to another type of load balancer, get
        // the value that applies to the record type, A or AAAA." The latency record is an A record: DNSName as it is.
        // HostedZoneId: "Application and Network Load Balancers: Use DescribeLoadBalancers to get the value of
        // CanonicalHostedZoneId."
        String dnsName = balancer.dnsName();
        String checkDomain = spec.origin().healthCheckDomain() != null ? spec.origin().healthCheckDomain()
                : Names.bare(dnsName);
        String checkPath = spec.origin().healthCheckPath() != null ? spec.origin().healthCheckPath()
                : input.healthCheck().path();
        return new OriginTarget(region, dnsName, balancer.canonicalHostedZoneId(), checkDomain, checkPath, null, added);
    }

    private OriginTarget readyTarget(AppSpec input, RegionSpec spec) {
        OriginSpec origin = spec.origin();
        String checkDomain = origin.healthCheckDomain() != null ? origin.healthCheckDomain() : origin.dnsName();
        String checkPath = origin.healthCheckPath() != null ? origin.healthCheckPath() : input.healthCheck().path();
        LOG.info("origin is a ready alias target", LogContext.region(spec.region()), entry("dnsName", origin.dnsName()),
                entry("hostedZoneId", origin.hostedZoneId()), entry("action", "none"));
        return new OriginTarget(spec.region(), origin.dnsName(), origin.hostedZoneId(), checkDomain, checkPath, null, false);
    }

    private OriginTarget attachApi(AppSpec input, RegionSpec spec, CertificatesResult certificates,
                                   OriginSpec.ApiGatewayOrigin api) {
        String region = spec.region();
        String field = fieldOf(input, region) + ".origin.apiGateway";
        ApiOrigins.Kind kind = apis.inspect(region, api, field);

        String domainName = Names.bare(input.originDomain());
        String certificateArn = certificates.origin(region).arn();
        Domain domain = ensureDomain(input, region, domainName, certificateArn);
        if (kind == ApiOrigins.Kind.REST) {
            ensureRestMapping(region, domainName, api, domain.created());
        } else {
            ensureHttpMapping(region, domainName, api, domain.created());
        }
        String ownPath = spec.origin().healthCheckPath();
        String checkPath = ownPath != null ? ownPath
                : (AwsConstants.DEFAULT_HTTP_STAGE.equals(api.stage()) ? "" : "/" + api.stage()) + input.healthCheck().path();
        return new OriginTarget(region, domain.regionalDomainName(), domain.regionalHostedZoneId(),
                executeApiHost(api.apiId(), region), checkPath, domainName, domain.created());
    }

    private Domain ensureDomain(AppSpec input, String region, String domainName, String certificateArn) {
        ApiGatewayClient apigateway = restApis.in(region);
        GetDomainNameResponse existing;
        try {
            existing = apigateway.getDomainName(r -> r.domainName(domainName));
        } catch (NotFoundException e) {
            CreateDomainNameResponse created;
            try {
                created = apigateway.createDomainName(r -> r.domainName(domainName)
                        .regionalCertificateArn(certificateArn)
                        .endpointConfiguration(c -> c.types(EndpointType.REGIONAL))
                        .securityPolicy(SecurityPolicy.TLS_1_2)
                        .tags(Tags.of(input.tags(), input.app(), region, Tags.ROLE_ORIGIN_DOMAIN)));
            } catch (ConflictException conflict) {
                // https://docs.aws.amazon.com/apigateway/latest/api/API_CreateDomainName.html (Errors):
                // "ConflictException: The request configuration has conflicts." The SDK sends a call again when its
                // answer is lost (a timeout, HTTP 500 after the domain was made); the retry finds the domain its first
                // attempt made, tagged for this app. A domain with other tags is someone else's.
                GetDomainNameResponse made = apigateway.getDomainName(r -> r.domainName(domainName));
                if (!Tags.matches(made.tags(), input.app(), region, Tags.ROLE_ORIGIN_DOMAIN)
                        || made.regionalDomainName() == null) {
                    throw conflict;
                }
                LOG.info("origin custom domain created", entry("domain", domainName), LogContext.region(region),
                        entry("regionalDomainName", made.regionalDomainName()), entry("certificateArn", certificateArn),
                        entry("error", "ConflictException"), entry("reason", "earlier-attempt-of-this-request"));
                return new Domain(made.regionalDomainName(), made.regionalHostedZoneId(), true);
            }
            LOG.info("origin custom domain created", entry("domain", domainName), LogContext.region(region),
                    entry("regionalDomainName", created.regionalDomainName()), entry("certificateArn", certificateArn));
            return new Domain(created.regionalDomainName(), created.regionalHostedZoneId(), true);
        }
        if (!Tags.matches(existing.tags(), input.app(), region, Tags.ROLE_ORIGIN_DOMAIN)) {
            throw new ResourceConflictException("originDomain: the API Gateway custom domain " + domainName + " in "
                    + region + " already exists and is not tagged as active-edge's for app " + input.app()
                    + "; delete it or choose another originDomain (active-edge never takes over a custom domain)");
        }
        if (existing.regionalDomainName() == null) {
            throw new ResourceConflictException("originDomain: the API Gateway custom domain " + domainName + " in "
                    + region + " has no Regional endpoint (it is an edge-optimized or private domain)");
        }
        if (!certificateArn.equals(existing.regionalCertificateArn())) {
            apigateway.updateDomainName(r -> r.domainName(domainName).patchOperations(PatchOperation.builder()
                    .op(Op.REPLACE).path("/regionalCertificateArn").value(certificateArn).build()));
            LOG.info("origin custom domain certificate replaced", entry("domain", domainName),
                    LogContext.region(region), entry("before", existing.regionalCertificateArn()),
                    entry("after", certificateArn));
        } else {
            LOG.info("origin custom domain found", entry("domain", domainName), LogContext.region(region),
                    entry("action", "none"));
        }
        return new Domain(existing.regionalDomainName(), existing.regionalHostedZoneId(), false);
    }

    private void ensureRestMapping(String region, String domainName, OriginSpec.ApiGatewayOrigin api, boolean newDomain) {
        ApiGatewayClient apigateway = restApis.in(region);
        Optional<BasePathMapping> root = newDomain ? Optional.empty()
                : ApiMappings.rest(apigateway, domainName).stream()
                        .filter(m -> ApiMappings.isRoot(m.basePath())).findFirst();
        if (root.isPresent()) {
            BasePathMapping mapping = root.get();
            requireSameApi(domainName, region, api, mapping.restApiId(), mapping.stage());
            if (api.stage().equals(mapping.stage())) {
                LOG.info("origin mapping found", entry("domain", domainName), LogContext.region(region),
                        entry("apiId", api.apiId()), entry("stage", api.stage()), entry("action", "none"));
                return;
            }
            apigateway.updateBasePathMapping(r -> r.domainName(domainName).basePath(ApiMappings.NO_BASE_PATH)
                    .patchOperations(PatchOperation.builder().op(Op.REPLACE).path("/stage").value(api.stage()).build()));
            LOG.info("origin mapping stage changed", entry("domain", domainName), LogContext.region(region),
                    entry("apiId", api.apiId()), entry("before", mapping.stage()), entry("after", api.stage()));
            return;
        }
        apigateway.createBasePathMapping(r -> r.domainName(domainName).restApiId(api.apiId()).stage(api.stage()));
        LOG.info("origin mapping created", entry("domain", domainName), LogContext.region(region),
                entry("apiId", api.apiId()), entry("stage", api.stage()), entry("basePath", ApiMappings.NO_BASE_PATH));
    }

    private void ensureHttpMapping(String region, String domainName, OriginSpec.ApiGatewayOrigin api, boolean newDomain) {
        ApiGatewayV2Client apigateway = httpApis.in(region);
        Optional<ApiMapping> root = newDomain ? Optional.empty()
                : ApiMappings.http(apigateway, domainName).stream()
                        .filter(m -> ApiMappings.isRoot(m.apiMappingKey())).findFirst();
        if (root.isPresent()) {
            ApiMapping mapping = root.get();
            requireSameApi(domainName, region, api, mapping.apiId(), mapping.stage());
            if (api.stage().equals(mapping.stage())) {
                LOG.info("origin mapping found", entry("domain", domainName), LogContext.region(region),
                        entry("apiId", api.apiId()), entry("stage", api.stage()), entry("action", "none"));
                return;
            }
            apigateway.updateApiMapping(r -> r.apiMappingId(mapping.apiMappingId()).domainName(domainName)
                    .apiId(api.apiId()).stage(api.stage()));
            LOG.info("origin mapping stage changed", entry("domain", domainName), LogContext.region(region),
                    entry("apiId", api.apiId()), entry("before", mapping.stage()), entry("after", api.stage()));
            return;
        }
        apigateway.createApiMapping(r -> r.domainName(domainName).apiId(api.apiId()).stage(api.stage()).apiMappingKey(""));
        LOG.info("origin mapping created", entry("domain", domainName), LogContext.region(region),
                entry("apiId", api.apiId()), entry("stage", api.stage()), entry("basePath", ApiMappings.NO_BASE_PATH));
    }

    private static void requireSameApi(String domainName, String region, OriginSpec.ApiGatewayOrigin api,
                                       String mappedApiId, String mappedStage) {
        if (!api.apiId().equals(mappedApiId)) {
            throw new ResourceConflictException("originDomain: the empty base path of " + domainName + " in " + region
                    + " is mapped to API " + mappedApiId + " stage " + mappedStage + ", not to API " + api.apiId()
                    + "; remove that mapping to let active-edge map " + api.apiId());
        }
    }

    /** The API's own endpoint: the endpoint check probes it, never the latency-routed name. */
    static String executeApiHost(String apiId, String region) {
        String suffix = region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
        return apiId + ".execute-api." + region + suffix;
    }

    /** "regions[1]": where the Region sits in the input, so a message points at the field to fix. */
    private static String fieldOf(AppSpec input, String region) {
        List<RegionSpec> regions = input.regions() == null ? List.of() : input.regions();
        for (int i = 0; i < regions.size(); i++) {
            if (region.equals(regions.get(i).region())) {
                return "regions[" + i + "]";
            }
        }
        return "regions[" + region + "]";
    }

    private record Domain(String regionalDomainName, String regionalHostedZoneId, boolean created) {
    }
}
