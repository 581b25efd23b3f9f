package io.activeedge.provisioning;

import java.util.List;

/**
 * One ACM certificate the workflow uses.
 *
 * @param role    Tags.ROLE_EDGE_CERTIFICATE (us-east-1, the CloudFront aliases) or Tags.ROLE_ORIGIN_CERTIFICATE
 * @param region  where it lives
 * @param arn     its ARN
 * @param names   the names it covers, primary first
 * @param created true when this run requested it, false when an existing one was found
 */
public record Certificate(String role, String region, String arn, List<String> names, boolean created) {
}
