package io.activeedge.errors;

/** The CloudFront distribution was not Deployed when the input's deadline passed. */
public final class DistributionDeadlineExceededException extends ActiveEdgeException {
    public DistributionDeadlineExceededException(String message) {
        super(message);
    }
}
