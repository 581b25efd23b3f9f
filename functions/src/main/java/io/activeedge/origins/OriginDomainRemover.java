package io.activeedge.origins;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Names;
import io.activeedge.core.RegionalClients;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.teardown.RemovalResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BasePathMapping;
import software.amazon.awssdk.services.apigateway.model.DomainName;
import software.amazon.awssdk.services.apigateway.model.GetDomainNamesRequest;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiMapping;

/**
 * Deletes the API Gateway Regional custom domains provisioning made for the application: in each Region of
 * the scope, every custom domain tagged for the application, that Region and the origin-domain role, after
 * its mappings (v1 base path mappings of REST APIs, v2 API mappings of HTTP APIs). A custom domain that is
 * not tagged for the application is the user's: it is never touched, and one named like the origin is
 * reported as kept. Before that, {@link ListenerCertificateRemover} takes the application's certificates off the
 * listeners of its load balancer origins.
 */
public final class OriginDomainRemover {
    private static final Logger LOG = LoggerFactory.getLogger(OriginDomainRemover.class);

    private final RegionalClients<ApiGatewayClient> restApis;
    private final RegionalClients<ApiGatewayV2Client> httpApis;
    private final ListenerCertificateRemover listenerCertificates;

    public OriginDomainRemover(RegionalClients<ApiGatewayClient> restApis,
                               RegionalClients<ApiGatewayV2Client> httpApis,
                               ListenerCertificateRemover listenerCertificates) {
        this.restApis = restApis;
        this.httpApis = httpApis;
        this.listenerCertificates = listenerCertificates;
    }

    /**
     * Takes the application's certificates off its load balancer origins' listeners, then removes its custom
     * domains, in each of {@code regions}: both come before the certificates are deleted.
     */
    public RemovalResult remove(AppSpec input, List<String> regions) {
        RemovalResult listeners = listenerCertificates.remove(input, regions);
        List<String> deleted = new ArrayList<>(listeners.deleted());
        List<String> kept = new ArrayList<>(listeners.kept());
        for (String region : regions) {
            for (DomainName domain : domainNames(region)) {
                String name = domain.domainName();
                if (Tags.matches(tags(region, domain), input.app(), region, Tags.ROLE_ORIGIN_DOMAIN)) {
                    String mappings = deleteMappings(region, name);
                    if (deleteDomain(region, name, mappings)) {
                        deleted.add(region + " " + name + " (" + mappings + ")");
                    }
                } else if (input.originDomain() != null && Names.bare(name).equals(Names.bare(input.originDomain()))) {
                    LOG.info("origin custom domain kept", LogContext.region(region), entry("domain", name),
                            entry("reason", "not-tagged-for-app"));
                    kept.add(region + " " + name + " (not ours: not tagged " + Tags.APP + "=" + input.app() + ", "
                            + Tags.ROLE + "=" + Tags.ROLE_ORIGIN_DOMAIN + ", " + Tags.REGION + "=" + region + ")");
                }
            }
        }
        LOG.info("origin custom domains removed", entry("regions", regions), entry("deleted", deleted.size()),
                entry("kept", kept.size()));
        return new RemovalResult(List.copyOf(deleted), List.copyOf(kept));
    }

    private List<DomainName> domainNames(String region) {
        return restApis.in(region).getDomainNamesPaginator(GetDomainNamesRequest.builder().build()).items().stream()
                .toList();
    }

    /** The domain's tags as listed; read from the domain itself when the listing leaves them out. */
    private Map<String, String> tags(String region, DomainName domain) {
        if (domain.hasTags() && !domain.tags().isEmpty()) {
            return domain.tags();
        }
        try {
            return restApis.in(region).getDomainName(r -> r.domainName(domain.domainName())).tags();
        } catch (NotFoundException e) {
            return Map.of();
        }
    }

    /** Deletes every mapping of the domain; says what they were, for the result. */
    private String deleteMappings(String region, String domainName) {
        List<String> removed = new ArrayList<>();
        for (BasePathMapping mapping : restMappings(region, domainName)) {
            String basePath = rootSpelled(mapping.basePath());
            String what = basePath + " -> " + mapping.restApiId() + "/" + mapping.stage();
            if (deleteMapping(region, domainName, "rest", what, () -> restApis.in(region)
                    .deleteBasePathMapping(r -> r.domainName(domainName).basePath(basePath)))) {
                removed.add(what);
            }
        }
        for (ApiMapping mapping : httpMappings(region, domainName)) {
            String what = rootSpelled(mapping.apiMappingKey()) + " -> " + mapping.apiId() + "/" + mapping.stage();
            if (deleteMapping(region, domainName, "http", what, () -> httpApis.in(region)
                    .deleteApiMapping(r -> r.domainName(domainName).apiMappingId(mapping.apiMappingId())))) {
                removed.add(what);
            }
        }
        if (removed.isEmpty()) {
            return "no mappings";
        }
        return (removed.size() == 1 ? "mapping " : "mappings ") + String.join(", ", removed);
    }

    /** True when this call deleted the mapping; false when it was already gone. */
    private static boolean deleteMapping(String region, String domainName, String kind, String what, Runnable delete) {
        try {
            delete.run();
            LOG.info("origin mapping deleted", LogContext.region(region), entry("domain", domainName),
                    entry("kind", kind), entry("mapping", what));
            return true;
        } catch (NotFoundException | software.amazon.awssdk.services.apigatewayv2.model.NotFoundException e) {
            LOG.info("origin mapping already gone", LogContext.region(region), entry("domain", domainName),
                    entry("kind", kind), entry("mapping", what));
            return false;
        }
    }

    private static String rootSpelled(String basePath) {
        return ApiMappings.isRoot(basePath) ? ApiMappings.NO_BASE_PATH : basePath;
    }

    /**
     * The domain's v1 base path mappings. None when the domain is gone, and none when API Gateway cannot
     * list them (the emulator fails on a domain that never had one): DeleteDomainName removes what is left.
     */
    private List<BasePathMapping> restMappings(String region, String domainName) {
        try {
            return ApiMappings.rest(restApis.in(region), domainName);
        } catch (NotFoundException e) {
            return List.of();
        } catch (ApiGatewayException e) {
            if (e.statusCode() < 500) {
                throw e;
            }
            LOG.warn("origin mappings unreadable", LogContext.region(region), entry("domain", domainName),
                    entry("kind", "rest"), entry("status", e.statusCode()), entry("error", e.getMessage()),
                    entry("action", "delete-domain"));
            return List.of();
        }
    }

    /** The domain's v2 API mappings; none when v2 does not know the domain (the emulator's v1 domains). */
    private List<ApiMapping> httpMappings(String region, String domainName) {
        try {
            return ApiMappings.http(httpApis.in(region), domainName);
        } catch (software.amazon.awssdk.services.apigatewayv2.model.NotFoundException e) {
            return List.of();
        }
    }

    /** True when this call deleted the domain; false when it was already gone. */
    private boolean deleteDomain(String region, String domainName, String mappings) {
        try {
            restApis.in(region).deleteDomainName(r -> r.domainName(domainName));
            LOG.info("origin custom domain deleted", LogContext.region(region), entry("domain", domainName),
                    entry("removed", mappings));
            return true;
        } catch (NotFoundException e) {
            LOG.info("origin custom domain already gone", LogContext.region(region), entry("domain", domainName));
            return false;
        }
    }
}
