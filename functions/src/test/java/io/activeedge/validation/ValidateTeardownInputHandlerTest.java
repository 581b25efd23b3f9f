package io.activeedge.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidateTeardownInputHandlerTest {
    private final ValidateTeardownInputHandler handler = new ValidateTeardownInputHandler();

    private JsonNode run(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), out, null);
        return Json.MAPPER.readTree(out.toByteArray());
    }

    private JsonNode run(String input) throws IOException {
        return run(input.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidInputException rejected(String input) {
        return assertThrows(InvalidInputException.class, () -> run(input));
    }

    private static void assertTimingDefaults(JsonNode out) {
        assertThat(out.at("/timing/distributionPollSeconds").asInt())
                .isEqualTo(InputValidator.DEFAULT_DISTRIBUTION_POLL_SECONDS);
        assertThat(out.at("/timing/distributionTimeoutMinutes").asInt())
                .isEqualTo(InputValidator.DEFAULT_DISTRIBUTION_TIMEOUT_MINUTES);
    }

    /** The file the application was provisioned with, and the sample event (the same file). */
    @ParameterizedTest
    @ValueSource(strings = {"provision.json", "ValidateTeardownInputFunction-example.json"})
    void handleRequest_provisioningInput_acceptedAsItIsWithTimingDefaults(String file) throws IOException {
        JsonNode out = run(SampleEvents.read(file));

        assertThat(out.get("app").asText()).isEqualTo("shop");
        assertThat(out.get("zone").asText()).isEqualTo("example.com");
        assertThat(out.get("aliases")).hasSize(2);
        assertThat(out.get("originDomain").asText()).isEqualTo("api.example.com");
        assertThat(out.at("/regions/1/region").asText()).isEqualTo("us-west-2");
        assertThat(out.at("/regions/1/origin/dnsName").asText()).isEqualTo("d-abc123.execute-api.us-west-2.amazonaws.com");
        assertThat(out.at("/regions/0/alarms/0").asText()).isEqualTo("shop-us-east-1-5xx");
        assertThat(out.at("/healthCheck/path").asText()).isEqualTo("/health");
        assertTimingDefaults(out);
    }

    @Test
    void handleRequest_appAndZoneOnly_acceptedWithNoRegionsAndTimingDefaults() throws IOException {
        JsonNode out = run("{\"app\":\"shop\",\"zone\":\"example.com\"}");

        assertThat(out.get("app").asText()).isEqualTo("shop");
        assertThat(out.get("zone").asText()).isEqualTo("example.com");
        assertThat(out.get("aliases").isNull()).isTrue();
        assertThat(out.get("originDomain").isNull()).isTrue();
        assertThat(out.get("regions")).isEmpty();
        assertTimingDefaults(out);
    }

    @Test
    void handleRequest_regionWithoutOriginInUpperCase_acceptedInLowerCase() throws IOException {
        JsonNode out = run("{\"app\":\"shop\",\"zone\":\"Example.COM.\",\"regions\":[{\"region\":\"US-WEST-2\"}]}");

        assertThat(out.get("zone").asText()).isEqualTo("example.com");
        assertThat(out.at("/regions/0/region").asText()).isEqualTo("us-west-2");
    }

    @Test
    void handleRequest_badApp_namesApp() {
        assertThat(rejected("{\"app\":\"ExampleApp.Provisioned!\",\"zone\":\"example.com\"}").field()).isEqualTo("app");
    }

    @Test
    void handleRequest_missingZone_namesZone() {
        assertThat(rejected("{\"app\":\"shop\"}").field()).isEqualTo("zone");
    }

    @Test
    void handleRequest_unknownRegion_namesThatRegionField() {
        InvalidInputException e = rejected("{\"app\":\"shop\",\"zone\":\"example.com\","
                + "\"regions\":[{\"region\":\"us-east-1\"},{\"region\":\"us-middle-1\"}]}");

        assertThat(e.field()).isEqualTo("regions[1].region");
        assertThat(e.getMessage()).contains("us-middle-1");
    }

    @Test
    void handleRequest_aliasOutsideTheZone_namesTheAlias() {
        InvalidInputException e = rejected("{\"app\":\"shop\",\"zone\":\"example.com\",\"aliases\":[\"www.example.net\"]}");

        assertThat(e.field()).isEqualTo("aliases[0]");
    }

    @Test
    void handleRequest_badHostedZoneId_namesHostedZoneId() {
        assertThat(rejected("{\"app\":\"shop\",\"zone\":\"example.com\",\"hostedZoneId\":\"not-a-zone\"}").field())
                .isEqualTo("hostedZoneId");
    }

    @Test
    void handleRequest_misspelledField_namesIt() {
        assertThat(rejected("{\"app\":\"shop\",\"zone\":\"example.com\",\"region\":[]}").field()).isEqualTo("region");
    }
}
