package io.activeedge.local.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.activeedge.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.acm.AcmClient;

class LambdaEndpointTest {

    private static final ObjectMapper JSON = Json.MAPPER;
    private final HttpClient http = HttpClient.newHttpClient();
    private LambdaEndpoint endpoint;

    @BeforeEach
    void start() {
        endpoint = LambdaEndpoint.start(Template.load(TemplateTest.fixture()), 0, System.out);
    }

    @AfterEach
    void stop() {
        endpoint.close();
    }

    @Test
    void invoke_byLogicalId_answersWithTheHandlerOutput() throws Exception {
        HttpResponse<String> response = invoke("EchoFunction", "{\"hello\": \"world\"}");

        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("X-Amz-Function-Error").isPresent());
        assertEquals("world", JSON.readTree(response.body()).path("input").path("hello").asText());
    }

    @Test
    void invoke_byEncodedAliasArnThenByName_reusesOneWarmHandler() throws Exception {
        String arn = URLEncoder.encode("arn:aws:lambda:us-east-1:123456789012:function:EchoFunction:live", StandardCharsets.UTF_8);

        JsonNode first = JSON.readTree(invoke(arn, "{}").body());
        JsonNode second = JSON.readTree(invoke("fixture-echo", "{}").body());

        assertEquals(1, first.path("invocations").asInt());
        assertEquals(2, second.path("invocations").asInt());
    }

    @Test
    void invoke_concurrently_runsOneAtATimeOnTheSameHandler() {
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 8)
                .mapToObj(i -> http.sendAsync(request("EchoFunction", "{}"), HttpResponse.BodyHandlers.ofString()))
                .toList();

        Set<Integer> seen = new TreeSet<>();
        calls.forEach(call -> {
            JsonNode result = read(call.join().body());
            seen.add(result.path("invocations").asInt());
            assertFalse(result.path("overlapping").asBoolean(), result.toString());
        });

        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), seen);
    }

    @Test
    void invoke_handlerThrows_answersLikeLambdaWithTheExceptionClassAsErrorType() throws Exception {
        HttpResponse<String> response = invoke("EchoFunction", "{\"fail\": true, \"reason\": \"test\"}");

        assertEquals(200, response.statusCode());
        assertEquals("Unhandled", response.headers().firstValue("X-Amz-Function-Error").orElse(null));
        JsonNode error = JSON.readTree(response.body());
        assertEquals("io.activeedge.local.fixture.FixtureFailedException", error.path("errorType").asText());
        assertEquals("asked to fail: test", error.path("errorMessage").asText());
        assertTrue(error.path("stackTrace").isArray() && !error.path("stackTrace").isEmpty(), response.body());
    }

    @Test
    void invoke_unknownFunction_answersResourceNotFound() throws Exception {
        HttpResponse<String> response = invoke("NoSuchFunction", "{}");

        assertEquals(404, response.statusCode());
        assertEquals("ResourceNotFoundException", response.headers().firstValue("X-Amzn-ErrorType").orElse(null));
        assertTrue(JSON.readTree(response.body()).path("Message").asText().contains("NoSuchFunction"), response.body());
    }

    @Test
    void calls_afterSdkCalls_countsTheFunctionsCallsByServiceOnly() throws Exception {
        long before = calls().path("Acm").asLong(0);

        // The surefire environment points every client at a closed port: the call fails, but it was made.
        HttpResponse<String> response = invoke("CertificatesFunction", "{}");
        try (AcmClient notCounted = AcmClient.builder().overrideConfiguration(ClientOverrideConfiguration.builder()
                .putExecutionAttribute(ApiCallCounter.NOT_COUNTED, true).build()).build()) {
            notCounted.listCertificates();
        } catch (SdkClientException expected) {
            // nothing listens there
        }

        assertEquals("Unhandled", response.headers().firstValue("X-Amz-Function-Error").orElse(null));
        assertEquals(before + 1, calls().path("Acm").asLong());
    }

    private JsonNode calls() throws IOException, InterruptedException {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(endpoint.url() + "/active-edge/calls")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> invoke(String function, String event) throws IOException, InterruptedException {
        return http.send(request(function, event), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String function, String event) {
        return HttpRequest.newBuilder(URI.create(endpoint.url() + "/2015-03-31/functions/" + function + "/invocations"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
