package io.activeedge.input;

import java.util.List;

/**
 * CloudFront settings; every one has a safe default.
 *
 * @param priceClass             PriceClass_100, PriceClass_200 or PriceClass_All
 * @param cachePolicyId          default: managed CachingDisabled
 * @param originRequestPolicyId  default: managed AllViewerExceptHostHeader
 * @param geoRestriction         none, or an allow or block list of ISO country codes
 * @param webAclId               WAF web ACL ARN (global scope), optional
 * @param comment                distribution comment (default: "active-edge APP")
 */
public record DistributionSpec(
        String priceClass,
        String cachePolicyId,
        String originRequestPolicyId,
        GeoRestriction geoRestriction,
        String webAclId,
        String comment) {

    /** @param type none, whitelist or blacklist; @param countries ISO 3166-1 alpha-2 codes */
    public record GeoRestriction(String type, List<String> countries) {
    }
}
