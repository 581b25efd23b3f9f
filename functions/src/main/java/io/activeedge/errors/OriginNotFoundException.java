package io.activeedge.errors;

/** The Regional origin named in the input (API Gateway API or stage) does not exist in that Region. */
public final class OriginNotFoundException extends ActiveEdgeException {
    public OriginNotFoundException(String message) {
        super(message);
    }
}
