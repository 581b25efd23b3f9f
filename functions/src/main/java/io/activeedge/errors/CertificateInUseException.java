package io.activeedge.errors;

/** A certificate of the application was still in use when the teardown deadline passed; it names what uses it. */
public final class CertificateInUseException extends ActiveEdgeException {
    public CertificateInUseException(String message) {
        super(message);
    }
}
