package io.activeedge.errors;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * AWS answered with a server error (HTTP 5xx: InternalFailure, ServiceUnavailable) and the SDK's own retries ran out.
 * The request may have been applied or not; every step reads before it writes, so the workflow retries the step
 * with backoff, as it does {@link ThrottledException}.
 * https://docs.aws.amazon.com/acm/latest/APIReference/CommonErrors.html: "InternalFailure: The request processing has
 * failed because of an unknown error, exception or failure. HTTP Status Code: 500"; "ServiceUnavailable: The request
 * has failed due to a temporary failure of the server. HTTP Status Code: 503".
 */
public final class AwsServerErrorException extends ActiveEdgeException {
    public AwsServerErrorException(AwsServiceException cause) {
        super("HTTP " + cause.statusCode() + (cause.awsErrorDetails() == null ? ": " + cause.getMessage()
                : " " + cause.awsErrorDetails().errorCode() + ": " + cause.awsErrorDetails().errorMessage()), cause);
    }

    public static boolean isServerError(AwsServiceException e) {
        return e.statusCode() >= 500;
    }
}
