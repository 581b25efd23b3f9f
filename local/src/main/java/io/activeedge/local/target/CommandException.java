package io.activeedge.local.target;

/** A command cannot do what was asked; the message says why in the user's terms, on one line. */
public class CommandException extends RuntimeException {
    public CommandException(String message) {
        super(message);
    }

    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
