package io.activeedge.local;

/** The local cloud cannot do what was asked; the message says why in the user's terms. */
public class LocalCloudException extends CommandException {
    public LocalCloudException(String message) {
        super(message);
    }

    public LocalCloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
