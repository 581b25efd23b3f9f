package io.activeedge.errors;

/**
 * Route 53 kept refusing to delete a health check of the application because something still refers to it
 * (a record, or a calculated health check that lists it as a child); the message names the check.
 */
public final class HealthCheckInUseException extends ActiveEdgeException {
    public HealthCheckInUseException(String message) {
        super(message);
    }
}
