package io.activeedge.errors;

/** The input is not valid; the message starts with the field's path, e.g. {@code regions[1].region: ...}. */
public final class InvalidInputException extends ActiveEdgeException {
    private final String field;

    public InvalidInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
