package io.activeedge.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.activeedge.errors.AwsServerErrorException;
import io.activeedge.errors.ThrottledException;
import io.activeedge.errors.TransientNetworkException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * A thin handler: the event becomes a record, one service call, the result goes back as JSON.
 * Stream based so that the same Jackson mapping runs in Lambda, in the local cloud and in tests.
 * While the service runs, the keys the event names ({@link LogContext}: app, region, execution) are in the MDC,
 * so that every line it logs carries them as JSON fields.
 */
public abstract class JsonHandler<I, O> implements RequestStreamHandler {

    private final Class<I> inputType;

    protected JsonHandler(Class<I> inputType) {
        this.inputType = inputType;
    }

    /** The one service call this function makes. */
    protected abstract O handle(I input);

    /** The service call, for a handler that needs the invocation's context (its remaining time); null in tests. */
    protected O handle(I input, Context context) {
        return handle(input);
    }

    @Override
    public final void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        I input = read(in);
        O result = context == null ? call(input, null) : PowertoolsLogging.withLogging(context, () -> call(input, context));
        Json.RESULTS.writeValue(out, result);
    }

    /** Parses the event; a handler with stricter rules (user input) overrides this. */
    protected I read(InputStream in) throws IOException {
        return Json.MAPPER.readValue(in, inputType);
    }

    /**
     * Runs the service call and gives the failures the workflow retries their names: throttling becomes
     * {@link ThrottledException}, a server error (HTTP 5xx) {@link AwsServerErrorException}, a client-side network or
     * I/O failure {@link TransientNetworkException}.
     */
    private O call(I input, Context context) {
        try (LogContext.Scope scope = LogContext.enter(input)) {
            return handle(input, context);
        } catch (AwsServiceException e) {
            if (ThrottledException.isThrottling(e)) {
                throw new ThrottledException(e);
            }
            if (AwsServerErrorException.isServerError(e)) {
                throw new AwsServerErrorException(e);
            }
            throw e;
        } catch (RuntimeException e) {
            if (TransientNetworkException.isTransient(e)) {
                throw new TransientNetworkException(e);
            }
            throw e;
        }
    }
}
