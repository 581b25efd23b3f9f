package io.activeedge.errors;

/** A certificate was still not issued when the input's deadline passed. */
public final class CertificateDeadlineExceededException extends ActiveEdgeException {
    public CertificateDeadlineExceededException(String message) {
        super(message);
    }
}
