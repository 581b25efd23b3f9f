package io.activeedge.distribution;

import io.activeedge.core.AwsConstants;
import io.activeedge.input.AppSpec;
import io.activeedge.input.DistributionSpec;
import io.activeedge.core.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudfront.model.AllowedMethods;
import software.amazon.awssdk.services.cloudfront.model.CachedMethods;
import software.amazon.awssdk.services.cloudfront.model.CustomOriginConfig;
import software.amazon.awssdk.services.cloudfront.model.DefaultCacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ForwardedValues;
import software.amazon.awssdk.services.cloudfront.model.GeoRestriction;
import software.amazon.awssdk.services.cloudfront.model.Method;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginProtocolPolicy;
import software.amazon.awssdk.services.cloudfront.model.Origins;
import software.amazon.awssdk.services.cloudfront.model.ViewerCertificate;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

/**
 * The part of a distribution's config that active-edge owns, derived from the input. It builds the
 * config of a new distribution, lists how a fetched config differs, and lays the owned fields over a
 * fetched config while keeping everything else (extra origins, cache behaviors, logging, error pages).
 */
final class DesiredConfig {
    static final String ORIGIN_ID = "active-edge-origin";
    static final String ORIGIN_SSL_PROTOCOL = "TLSv1.2";
    static final int HTTPS_PORT = 443;
    static final int HTTP_PORT = 80;
    static final int ORIGIN_READ_TIMEOUT_SECONDS = 30;
    static final int ORIGIN_KEEPALIVE_SECONDS = 5;
    static final List<Method> ALLOWED_METHODS = List.of(Method.GET, Method.HEAD, Method.OPTIONS, Method.PUT,
            Method.PATCH, Method.POST, Method.DELETE);
    static final List<Method> CACHED_METHODS = List.of(Method.GET, Method.HEAD);
    static final String GEO_NONE = "none";

    private final List<String> aliases;
    private final String originDomain;
    private final String certificateArn;
    /** Null leaves the price class to CloudFront (its default is PriceClass_All). */
    private final String priceClass;
    private final String cachePolicyId;
    private final String originRequestPolicyId;
    private final String geoType;
    private final List<String> geoCountries;
    private final String webAclId;
    private final String comment;

    DesiredConfig(AppSpec input, String certificateArn) {
        DistributionSpec spec = input.distribution() == null
                ? new DistributionSpec(null, null, null, null, null, null) : input.distribution();
        this.aliases = input.aliases().stream().map(Names::bare).distinct().toList();
        this.originDomain = Names.bare(input.originDomain());
        this.certificateArn = certificateArn;
        this.priceClass = emptyToNull(spec.priceClass());
        this.cachePolicyId = orDefault(spec.cachePolicyId(), AwsConstants.CACHE_POLICY_CACHING_DISABLED);
        this.originRequestPolicyId = orDefault(spec.originRequestPolicyId(),
                AwsConstants.ORIGIN_REQUEST_POLICY_ALL_VIEWER_EXCEPT_HOST);
        DistributionSpec.GeoRestriction geo = spec.geoRestriction();
        this.geoType = geo == null ? GEO_NONE : orDefault(geo.type(), GEO_NONE);
        this.geoCountries = geo == null || geo.countries() == null || GEO_NONE.equals(geoType)
                ? List.of() : List.copyOf(geo.countries());
        this.webAclId = orDefault(spec.webAclId(), "");
        this.comment = comment(input);
    }

    /** The distribution's comment: the input's, else "active-edge APP". */
    static String comment(AppSpec input) {
        String comment = input.distribution() == null ? null : input.distribution().comment();
        return orDefault(comment, "active-edge " + input.app());
    }

    List<String> aliases() {
        return aliases;
    }

    String comment() {
        return comment;
    }

    /** The full config of a new distribution. */
    DistributionConfig forCreate(String callerReference) {
        return applyTo(DistributionConfig.builder()
                .callerReference(callerReference)
                .origins(Origins.builder().quantity(0).items(List.of()).build())
                .defaultCacheBehavior(DefaultCacheBehavior.builder().build())
                .build());
    }

    /** {@code current} with every owned field set to the desired value and every other field kept. */
    DistributionConfig applyTo(DistributionConfig current) {
        List<Origin> origins = new ArrayList<>();
        boolean replaced = false;
        for (Origin origin : current.origins() == null ? List.<Origin>of() : current.origins().items()) {
            if (ORIGIN_ID.equals(origin.id())) {
                origins.add(origin(origin));
                replaced = true;
            } else {
                origins.add(origin);
            }
        }
        if (!replaced) {
            origins.add(origin(null));
        }
        DefaultCacheBehavior.Builder behavior = current.defaultCacheBehavior() == null
                ? DefaultCacheBehavior.builder() : current.defaultCacheBehavior().toBuilder();
        GeoRestriction.Builder geo = GeoRestriction.builder().restrictionType(geoType).quantity(geoCountries.size());
        if (!geoCountries.isEmpty()) {
            geo.items(geoCountries);
        }
        return current.toBuilder()
                .aliases(a -> a.quantity(aliases.size()).items(aliases))
                .origins(o -> o.quantity(origins.size()).items(origins))
                .defaultCacheBehavior(behavior
                        .targetOriginId(ORIGIN_ID)
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .allowedMethods(AllowedMethods.builder()
                                .quantity(ALLOWED_METHODS.size()).items(ALLOWED_METHODS)
                                .cachedMethods(CachedMethods.builder()
                                        .quantity(CACHED_METHODS.size()).items(CACHED_METHODS).build())
                                .build())
                        .compress(true)
                        .cachePolicyId(cachePolicyId)
                        .originRequestPolicyId(originRequestPolicyId)
                        // A cache policy replaces the legacy TTL and forwarding settings; CloudFront refuses both.
                        .forwardedValues((ForwardedValues) null)
                        .minTTL(null).defaultTTL(null).maxTTL(null)
                        .build())
                .viewerCertificate(ViewerCertificate.builder()
                        .cloudFrontDefaultCertificate(false)
                        .acmCertificateArn(certificateArn)
                        .sslSupportMethod(AwsConstants.SSL_SUPPORT_METHOD)
                        .minimumProtocolVersion(AwsConstants.VIEWER_MIN_PROTOCOL)
                        .build())
                .httpVersion(AwsConstants.HTTP_VERSION)
                .isIPV6Enabled(true)
                .priceClass(priceClass == null ? current.priceClassAsString() : priceClass)
                .restrictions(r -> r.geoRestriction(geo.build()))
                .webACLId(webAclId)
                .comment(comment)
                .enabled(true)
                .build();
    }

    /** Each owned field whose value in {@code current} is not the desired one, as "field: was -> wanted". */
    List<String> drift(DistributionConfig current) {
        List<String> drift = new ArrayList<>();
        compare(drift, "aliases", nameSet(current.aliases() == null ? null : current.aliases().items()),
                nameSet(aliases));

        Origin origin = current.origins() == null ? null : current.origins().items().stream()
                .filter(o -> ORIGIN_ID.equals(o.id())).findFirst().orElse(null);
        if (origin == null) {
            drift.add("origin: missing -> " + ORIGIN_ID + " " + originDomain);
        } else {
            compare(drift, "origin.domainName", Names.bare(origin.domainName()), originDomain);
            CustomOriginConfig custom = origin.customOriginConfig();
            if (custom == null || origin.s3OriginConfig() != null || origin.vpcOriginConfig() != null) {
                drift.add("origin.customOriginConfig: not a custom origin -> https-only custom origin");
            } else {
                compare(drift, "origin.protocolPolicy", custom.originProtocolPolicyAsString(),
                        OriginProtocolPolicy.HTTPS_ONLY.toString());
                compare(drift, "origin.httpsPort", custom.httpsPort(), HTTPS_PORT);
                compare(drift, "origin.httpPort", custom.httpPort(), HTTP_PORT);
                compare(drift, "origin.sslProtocols", stringSet(
                        custom.originSslProtocols() == null ? null : custom.originSslProtocols().itemsAsStrings()),
                        Set.of(ORIGIN_SSL_PROTOCOL));
                compare(drift, "origin.readTimeout", custom.originReadTimeout(), ORIGIN_READ_TIMEOUT_SECONDS);
                compare(drift, "origin.keepaliveTimeout", custom.originKeepaliveTimeout(), ORIGIN_KEEPALIVE_SECONDS);
            }
        }

        DefaultCacheBehavior behavior = current.defaultCacheBehavior();
        if (behavior == null) {
            drift.add("defaultCacheBehavior: missing");
        } else {
            compare(drift, "defaultCacheBehavior.targetOriginId", behavior.targetOriginId(), ORIGIN_ID);
            compare(drift, "defaultCacheBehavior.viewerProtocolPolicy", behavior.viewerProtocolPolicyAsString(),
                    ViewerProtocolPolicy.REDIRECT_TO_HTTPS.toString());
            AllowedMethods methods = behavior.allowedMethods();
            compare(drift, "defaultCacheBehavior.allowedMethods",
                    stringSet(methods == null ? null : methods.itemsAsStrings()), methodSet(ALLOWED_METHODS));
            compare(drift, "defaultCacheBehavior.cachedMethods",
                    stringSet(methods == null || methods.cachedMethods() == null ? null
                            : methods.cachedMethods().itemsAsStrings()), methodSet(CACHED_METHODS));
            compare(drift, "defaultCacheBehavior.compress", behavior.compress(), true);
            compare(drift, "defaultCacheBehavior.cachePolicyId", emptyToNull(behavior.cachePolicyId()), cachePolicyId);
            compare(drift, "defaultCacheBehavior.originRequestPolicyId",
                    emptyToNull(behavior.originRequestPolicyId()), originRequestPolicyId);
        }

        ViewerCertificate certificate = current.viewerCertificate();
        if (certificate == null) {
            drift.add("viewerCertificate: missing -> " + certificateArn);
        } else {
            compare(drift, "viewerCertificate.acmCertificateArn", emptyToNull(certificate.acmCertificateArn()),
                    certificateArn);
            compare(drift, "viewerCertificate.sslSupportMethod", certificate.sslSupportMethodAsString(),
                    AwsConstants.SSL_SUPPORT_METHOD);
            compare(drift, "viewerCertificate.minimumProtocolVersion", certificate.minimumProtocolVersionAsString(),
                    AwsConstants.VIEWER_MIN_PROTOCOL);
        }

        compare(drift, "httpVersion", current.httpVersionAsString(), AwsConstants.HTTP_VERSION);
        compare(drift, "isIPV6Enabled", current.isIPV6Enabled(), true);
        if (priceClass != null) {
            compare(drift, "priceClass", current.priceClassAsString(), priceClass);
        }
        GeoRestriction geo = current.restrictions() == null ? null : current.restrictions().geoRestriction();
        compare(drift, "geoRestriction.type", geo == null ? GEO_NONE : geo.restrictionTypeAsString(), geoType);
        compare(drift, "geoRestriction.countries", upperSet(geo == null ? null : geo.items()), upperSet(geoCountries));
        compare(drift, "webACLId", orDefault(current.webACLId(), ""), webAclId);
        compare(drift, "comment", orDefault(current.comment(), ""), comment);
        compare(drift, "enabled", current.enabled(), true);
        return drift;
    }

    private static void compare(List<String> drift, String field, Object was, Object wanted) {
        if (!Objects.equals(was, wanted)) {
            drift.add(field + ": " + was + " -> " + wanted);
        }
    }

    private Origin origin(Origin existing) {
        boolean reusable = existing != null && existing.s3OriginConfig() == null && existing.vpcOriginConfig() == null;
        Origin.Builder origin = reusable ? existing.toBuilder() : Origin.builder().id(ORIGIN_ID).originPath("");
        CustomOriginConfig.Builder custom = reusable && existing.customOriginConfig() != null
                ? existing.customOriginConfig().toBuilder() : CustomOriginConfig.builder();
        return origin
                .domainName(originDomain)
                .customOriginConfig(custom
                        .originProtocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                        .httpsPort(HTTPS_PORT)
                        .httpPort(HTTP_PORT)
                        .originSslProtocols(p -> p.quantity(1).itemsWithStrings(ORIGIN_SSL_PROTOCOL))
                        .originReadTimeout(ORIGIN_READ_TIMEOUT_SECONDS)
                        .originKeepaliveTimeout(ORIGIN_KEEPALIVE_SECONDS)
                        .build())
                .build();
    }

    /** Names compare without case or trailing dot, in a stable order for the log. */
    private static Set<String> nameSet(Collection<String> names) {
        return names == null ? Set.of() : names.stream().map(Names::bare).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> stringSet(Collection<String> values) {
        return values == null ? Set.of() : new TreeSet<>(values);
    }

    private static Set<String> upperSet(Collection<String> values) {
        return values == null ? Set.of()
                : values.stream().map(v -> v.toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> methodSet(List<Method> methods) {
        return methods.stream().map(Method::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The names of {@code held} that are also in {@code wanted}. */
    static List<String> shared(Collection<String> held, Collection<String> wanted) {
        if (held == null || wanted == null) {
            return List.of();
        }
        Set<String> a = new TreeSet<>(nameSet(held));
        a.retainAll(nameSet(wanted));
        return List.copyOf(a);
    }
}
