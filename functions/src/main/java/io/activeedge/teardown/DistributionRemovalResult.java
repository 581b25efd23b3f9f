package io.activeedge.teardown;

import java.util.List;

/**
 * The application's CloudFront distribution on its way out: disabled, then deleted with its ETag once
 * CloudFront reports it Deployed.
 *
 * @param id         the distribution being removed; null when none is (left)
 * @param domainName its CloudFront domain name
 * @param status     CloudFront's status when last read (InProgress or Deployed)
 * @param done       true when no distribution tagged for the application is left
 * @param deleted    distributions deleted so far, e.g. "E123 (d111.cloudfront.net)"
 * @param kept       distributions found but left in place, with the reason
 */
public record DistributionRemovalResult(String id, String domainName, String status, boolean done,
                                  List<String> deleted, List<String> kept) {
}
