package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * API Gateway's update calls are PATCH requests. They go through the production client builders to a local HTTP
 * server, which records what arrived on the wire: a client that cannot send PATCH fails these tests.
 */
class ClientsTest {
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " " + body);
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
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
}
