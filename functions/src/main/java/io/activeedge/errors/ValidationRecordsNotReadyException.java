package io.activeedge.errors;

/**
 * ACM cannot yet describe a certificate requested seconds ago, or has not yet published all of its DNS
 * validation records; the workflow retries shortly.
 */
public final class ValidationRecordsNotReadyException extends ActiveEdgeException {
    public ValidationRecordsNotReadyException(String message) {
        super(message);
    }
}
