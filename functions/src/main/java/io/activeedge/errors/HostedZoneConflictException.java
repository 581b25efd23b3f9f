package io.activeedge.errors;

/** More than one public hosted zone has the input's name and the input does not say which one to use. */
public final class HostedZoneConflictException extends ActiveEdgeException {
    public HostedZoneConflictException(String message) {
        super(message);
    }
}
