package io.activeedge.errors;

/**
 * Something active-edge does not own already holds a name it needs (a DNS record, an API Gateway
 * custom domain, a CloudFront alias). Nothing is overwritten unless the input says so.
 */
public final class ResourceConflictException extends ActiveEdgeException {
    public ResourceConflictException(String message) {
        super(message);
    }
}
