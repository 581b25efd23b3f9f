package io.activeedge.core;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The commercial AWS Regions that Route 53 latency routing, ACM and API Gateway all serve. */
public final class AwsRegions {
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html (Region, "Latency-based resource
    // record sets only"): every code below is in its list of valid values, which also holds ap-east-2, ap-southeast-6,
    // eusc-de-east-1 and the China and GovCloud Regions, none of them here.
    public static final Set<String> LATENCY_ROUTING = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1",
            "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
            "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ca-central-1", "ca-west-1",
            "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2",
            "eu-north-1",
            "il-central-1", "me-south-1", "me-central-1", "mx-central-1",
            "sa-east-1");

    /** Region that every account has enabled: it cannot be disabled. */
    public static final String ALWAYS_ENABLED = "us-east-1";

    /**
     * What a service answers (HTTP 403) in an opt-in Region the account has not enabled: JSON services say
     * UnrecognizedClientException, query services InvalidClientTokenId, EC2 AuthFailure, some OptInRequired.
     */
    private static final Set<String> NOT_ENABLED_ERRORS =
            Set.of("UnrecognizedClientException", "InvalidClientTokenId", "AuthFailure", "OptInRequired");

    private AwsRegions() {
    }

    /**
     * True when {@code e} says that {@code region} is not enabled for the account. The same answer from a
     * Region that cannot be disabled means the credentials are wrong, so it is never taken for this.
     */
    public static boolean notEnabled(String region, AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return !ALWAYS_ENABLED.equals(region) && e.statusCode() == 403 && NOT_ENABLED_ERRORS.contains(code);
    }
}
