package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.errors.AwsServerErrorException;
import io.activeedge.errors.ThrottledException;
import io.activeedge.errors.TransientNetworkException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.NonRetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * What a handler fails with when its service does, as the Lambda runtime reports it to Step Functions (the
 * exception's class name is the error name the ASL retries). The failures are thrown by a stand-in service:
 * a dropped connection or a throttling answer cannot be produced on moto at will.
 */
class JsonHandlerTest {

    /** A handler whose one service call is {@code service}. */
    private static final class Handler extends JsonHandler<String, String> {
        private final Supplier<String> service;

        Handler(Supplier<String> service) {
            super(String.class);
            this.service = service;
        }

        @Override
        protected String handle(String input) {
            return service.get();
        }
    }

    /** An event that names its application, and a handler that notes what the MDC holds while it runs. */
    private record Event(String app) implements LogContext {
        @Override
        public String logApp() {
            return app;
        }
    }

    private static final class EventHandler extends JsonHandler<Event, String> {
        private final RuntimeException failure;
        private String appSeen;

        EventHandler(RuntimeException failure) {
            super(Event.class);
            this.failure = failure;
        }

        @Override
        protected String handle(Event input) {
            appSeen = MDC.get(LogContext.APP);
            if (failure != null) {
                throw failure;
            }
            return "done";
        }
    }

    private static String invoke(Supplier<String> service) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Handler(service).handleRequest(new ByteArrayInputStream("\"in\"".getBytes(StandardCharsets.UTF_8)), out,
                null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void handleRequest_serviceThrowsSdkClientException_failsWithTransientNetworkError() {
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused"));

        assertThatThrownBy(() -> invoke(() -> {
            throw refused;
        })).isInstanceOf(TransientNetworkException.class).hasCause(refused)
                .hasMessageContaining("Connection refused");
    }

    @Test
    void handleRequest_apiCallTimeout_failsWithTransientNetworkError() {
        assertThatThrownBy(() -> invoke(() -> {
            throw ApiCallTimeoutException.create(30_000);
        })).isInstanceOf(TransientNetworkException.class).hasCauseInstanceOf(ApiCallTimeoutException.class);
    }

    @Test
    void handleRequest_uncheckedIoError_failsWithTransientNetworkError() {
        assertThatThrownBy(() -> invoke(() -> {
            throw new UncheckedIOException(new IOException("Connection reset"));
        })).isInstanceOf(TransientNetworkException.class).hasMessageContaining("Connection reset");
    }

    @Test
    void handleRequest_sdkSaysNotRetryable_failsWithTheSdkErrorUnchanged() {
        NonRetryableException permanent = NonRetryableException.create("the request body cannot be sent again");

        assertThatThrownBy(() -> invoke(() -> {
            throw permanent;
        })).isSameAs(permanent);
    }

    @Test
    void handleRequest_throttled_failsWithThrottled() {
        assertThatThrownBy(() -> invoke(() -> {
            throw AwsServiceException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("Throttling").errorMessage("Rate exceeded").build()).build();
        })).isInstanceOf(ThrottledException.class);
    }

    /** What reaches the handler once the SDK's own retries of an HTTP 500 or 503 ran out. */
    @Test
    void handleRequest_serverErrorAfterTheSdksRetries_failsWithAwsServerError() {
        AwsServiceException unavailable = AwsServiceException.builder().statusCode(503).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("ServiceUnavailable").errorMessage("try again").build()).build();

        assertThatThrownBy(() -> invoke(() -> {
            throw unavailable;
        })).isInstanceOf(AwsServerErrorException.class).hasCause(unavailable)
                .hasMessageContaining("503 ServiceUnavailable");
    }

    @Test
    void handleRequest_otherServiceError_failsWithItUnchanged() {
        AwsServiceException denied = AwsServiceException.builder().statusCode(403).awsErrorDetails(
                AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("not allowed").build()).build();

        assertThatThrownBy(() -> invoke(() -> {
            throw denied;
        })).isSameAs(denied);
    }

    @Test
    void handleRequest_serviceAnswers_writesTheResult() throws IOException {
        assertThat(invoke(() -> "done")).isEqualTo("\"done\"");
    }

    @Test
    void handleRequest_eventNamesItsApp_logsTheServiceCallWithItAndRemovesItAfterwards() throws IOException {
        EventHandler handler = new EventHandler(null);

        handler.handleRequest(new ByteArrayInputStream("{\"app\": \"shop\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);

        assertThat(handler.appSeen).isEqualTo("shop");
        assertThat(MDC.get(LogContext.APP)).as("a warm container's next invocation starts without it").isNull();
    }

    @Test
    void handleRequest_serviceFails_removesTheAppAsWell() {
        EventHandler handler = new EventHandler(new IllegalStateException("broken"));

        assertThatThrownBy(() -> handler.handleRequest(
                new ByteArrayInputStream("{\"app\": \"shop\"}".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null)).hasMessage("broken");

        assertThat(handler.appSeen).isEqualTo("shop");
        assertThat(MDC.get(LogContext.APP)).isNull();
    }
}
