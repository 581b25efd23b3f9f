package io.activeedge.errors;

/** ACM gave up on a certificate: FAILED, VALIDATION_TIMED_OUT or REVOKED, with ACM's reason. */
public final class CertificateFailedException extends ActiveEdgeException {
    public CertificateFailedException(String message) {
        super(message);
    }
}
