package io.activeedge.local.localcloud;

/** The local cloud cannot do what was asked; the message says why in the user's terms, on one line. */
public class LocalCloudException extends RuntimeException {
    public LocalCloudException(String message) {
        super(message);
    }

    public LocalCloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
