package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * API Gateway's update calls are PATCH requests. They go through the production client builders to a local HTTP
 * server, which records what arrived on the wire: a client that cannot send PATCH fails these tests. The same server
 * answers with throttling and server errors, which no emulator produces on demand, to show that the clients retry
 * them themselves.
 */
class ClientsTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    /** What the server answers to one request. */
    private record Answer(int status, String contentType, String body) {
    }

    private static final Answer JSON_OK = new Answer(200, "application/json", "{}");

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** Answered in order, one a request; then {@link #otherwise}. */
    private final Deque<Answer> answers = new ArrayDeque<>();
    private Answer otherwise = JSON_OK;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + body);
            Answer next;
            synchronized (answers) {
                next = answers.isEmpty() ? otherwise : answers.poll();
            }
            byte[] answer = next.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", next.contentType());
            exchange.sendResponseHeaders(next.status(), answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void apiGateway_updateDomainName_sendsPatch() {
        try (ApiGatewayClient client = Clients.apiGatewayBuilder("us-west-2").endpointOverride(endpoint())
                .credentialsProvider(CREDENTIALS).build()) {
            client.updateDomainName(r -> r.domainName("api.example.com").patchOperations(p -> p.op(Op.REPLACE)
                    .path("/regionalCertificateArn").value("arn:aws:acm:us-west-2:123456789012:certificate/abc")));
        }

        assertThat(received).singleElement().asString()
                .startsWith("PATCH /domainnames/api.example.com ")
                .contains("\"path\":\"/regionalCertificateArn\"", "\"op\":\"replace\"");
    }

    @Test
    void apiGateway_updateBasePathMapping_sendsPatch() {
        try (ApiGatewayClient client = Clients.apiGatewayBuilder("us-west-2").endpointOverride(endpoint())
                .credentialsProvider(CREDENTIALS).build()) {
            client.updateBasePathMapping(r -> r.domainName("api.example.com").basePath("(none)")
                    .patchOperations(p -> p.op(Op.REPLACE).path("/stage").value("prod")));
        }

        assertThat(received).singleElement().asString()
                .startsWith("PATCH /domainnames/api.example.com/basepathmappings/")
                .contains("\"value\":\"prod\"");
    }

    @Test
    void apiGatewayV2_updateApiMapping_sendsPatch() {
        try (ApiGatewayV2Client client = Clients.apiGatewayV2Builder("us-west-2").endpointOverride(endpoint())
                .credentialsProvider(CREDENTIALS).build()) {
            client.updateApiMapping(r -> r.domainName("api.example.com").apiMappingId("m1a2b3").apiId("a1b2c3d4e5")
                    .stage("$default"));
        }

        assertThat(received).singleElement().asString()
                .startsWith("PATCH /v2/domainnames/api.example.com/apimappings/m1a2b3 ")
                .contains("\"stage\":\"$default\"");
    }

    /** A Route 53 error as the REST-XML protocol carries it (HTTP 400 for throttling). */
    private static Answer route53Error(int status, String code) {
        return new Answer(status, "text/xml", "<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + code + "</Message></Error>"
                + "<RequestId>r-1</RequestId></ErrorResponse>");
    }

    private static final Answer ZONE_COUNT = new Answer(200, "text/xml",
            "<GetHostedZoneCountResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                    + "<HostedZoneCount>3</HostedZoneCount></GetHostedZoneCountResponse>");

    private Route53Client route53() {
        return Clients.route53Builder().endpointOverride(endpoint()).credentialsProvider(CREDENTIALS).build();
    }

    @Test
    void route53_throttledThenPriorRequestNotComplete_retriedByTheClientUntilAnswered() {
        // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/throttling-api-requests.html: a throttled request
        // gets "an HTTP 400 error (Bad request)" with Code Throttling; PriorRequestNotComplete is also HTTP 400.
        answers.add(route53Error(400, "Throttling"));
        answers.add(route53Error(400, "PriorRequestNotComplete"));
        answers.add(ZONE_COUNT);

        try (Route53Client route53 = route53()) {
            assertThat(route53.getHostedZoneCount(r -> { }).hostedZoneCount()).isEqualTo(3L);
        }

        assertThat(received).hasSize(3);
    }

    @Test
    void route53_failingEveryTime_givesUpAfterTheFactorysAttempts() {
        otherwise = route53Error(500, "InternalFailure");

        try (Route53Client route53 = route53()) {
            assertThatThrownBy(() -> route53.getHostedZoneCount(r -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        }

        assertThat(received).hasSize(Clients.MAX_ATTEMPTS);
    }

    @Test
    void everyClient_carriesTheRetryStrategyAndTimeouts() {
        List<SdkClient> clients = List.of(Clients.route53(), Clients.cloudFront(), Clients.acm("us-west-2"),
                Clients.apiGateway("us-west-2"), Clients.apiGatewayV2("us-west-2"), Clients.cloudWatch("us-west-2"),
                Clients.tagging("us-west-2"), Clients.sqs());
        try {
            assertThat(clients).allSatisfy(client -> {
                ClientOverrideConfiguration overrides = client.serviceClientConfiguration().overrideConfiguration();
                assertThat(overrides.retryStrategy()).get().satisfies(
                        strategy -> assertThat(strategy.maxAttempts()).isEqualTo(Clients.MAX_ATTEMPTS));
                assertThat(overrides.apiCallAttemptTimeout()).contains(Clients.API_CALL_ATTEMPT_TIMEOUT);
                assertThat(overrides.apiCallTimeout()).contains(Clients.API_CALL_TIMEOUT);
            });
        } finally {
            clients.forEach(SdkClient::close);
        }
    }
}
