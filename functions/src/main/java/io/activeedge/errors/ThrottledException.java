package io.activeedge.errors;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * AWS asked us to slow down (Throttling) or to wait for an earlier change (Route 53
 * PriorRequestNotComplete) and the SDK's own retries ran out. The workflow retries the step with backoff.
 */
public final class ThrottledException extends ActiveEdgeException {
    public ThrottledException(AwsServiceException cause) {
        super(cause.awsErrorDetails() == null ? cause.getMessage()
                : cause.awsErrorDetails().errorCode() + ": " + cause.awsErrorDetails().errorMessage(), cause);
    }

    public static boolean isThrottling(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.isThrottlingException() || "Throttling".equals(code) || "PriorRequestNotComplete".equals(code)
                || "TooManyRequestsException".equals(code);
    }
}
