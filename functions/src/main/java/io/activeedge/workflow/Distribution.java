package io.activeedge.workflow;

/**
 * The CloudFront distribution.
 *
 * @param action CREATED, UPDATED (its config had drifted) or UNCHANGED
 */
public record Distribution(String id, String arn, String domainName, String status, String action) {
}
