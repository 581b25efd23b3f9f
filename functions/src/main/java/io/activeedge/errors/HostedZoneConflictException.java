package io.activeedge.errors;

/**
 * More than one public hosted zone has the input's name and the input does not say which one to use; or Route 53
 * holds this execution's CallerReference for a zone that is no longer found.
 */
public final class HostedZoneConflictException extends ActiveEdgeException {
    public HostedZoneConflictException(String message) {
        super(message);
    }
}
