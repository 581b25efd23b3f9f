package io.activeedge.errors;

/** ACM has not yet published a certificate's DNS validation record; the workflow retries shortly. */
public final class ValidationRecordsNotReadyException extends ActiveEdgeException {
    public ValidationRecordsNotReadyException(String message) {
        super(message);
    }
}
