package io.activeedge.errors;

/** A CloudWatch alarm named in the input ({@code regions[].alarms}) does not exist in that Region. */
public final class AlarmNotFoundException extends ActiveEdgeException {
    public AlarmNotFoundException(String message) {
        super(message);
    }
}
