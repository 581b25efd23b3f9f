package io.activeedge.errors;

import java.io.UncheckedIOException;
import software.amazon.awssdk.core.exception.NonRetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A call to AWS failed on the client's side before AWS answered: a connection refused or reset, a DNS failure, an
 * API call or attempt timeout (SdkClientException and its subclasses such as ApiCallTimeoutException and
 * ApiCallAttemptTimeoutException), or an I/O error (UncheckedIOException), after the SDK's own retries. The
 * workflow retries the step with backoff, as it does {@link ThrottledException}.
 */
public final class TransientNetworkException extends ActiveEdgeException {
    public TransientNetworkException(RuntimeException cause) {
        super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    /**
     * True for the SDK's client-side failures and I/O errors, except a NonRetryableException: the SDK's own
     * statement that trying again cannot help.
     */
    public static boolean isTransient(RuntimeException e) {
        return e instanceof UncheckedIOException
                || e instanceof SdkClientException && !(e instanceof NonRetryableException);
    }
}
