package io.activeedge.provisioning;

/**
 * The CloudFront distribution.
 *
 * @param action CREATED, UPDATED (its config had drifted) or UNCHANGED
 */
public record Distribution(String id, String arn, String domainName, String status, String action) {
}
