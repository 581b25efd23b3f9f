package io.activeedge.origins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Tags;
import io.activeedge.errors.ThrottledException;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeApiGateway;
import io.activeedge.testing.FakeElbv2;
import io.activeedge.testing.Lambda;
import io.activeedge.testing.SampleEvents;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.apigateway.model.TooManyRequestsException;

class DeleteOriginDomainsHandlerTest {
    private final FakeApiGateway.Regions apiGateway = new FakeApiGateway.Regions();
    private final DeleteOriginDomainsHandler handler = new DeleteOriginDomainsHandler(new OriginDomainRemover(apiGateway.rest, apiGateway.http,
            new ListenerCertificateRemover(new FakeElbv2.Regions().clients, new FakeAcm.Regions().clients)));

    private byte[] exampleEvent() throws IOException {
        return SampleEvents.example("DeleteOriginDomainsFunction");
    }

    @Test
    void handleRequest_exampleEvent_deletesTheCustomDomainAndItsMapping() throws IOException {
        FakeApiGateway east = apiGateway.in("us-east-1");
        east.domain("api.example.com", Tags.of(Map.of(), "shop", "us-east-1", Tags.ROLE_ORIGIN_DOMAIN));
        east.restMapping("api.example.com", "(none)", "a1b2c3d4e5", "prod");

        RemovalResult result = Lambda.invoke(handler, exampleEvent(), RemovalResult.class);

        assertThat(result.deleted()).containsExactly("us-east-1 api.example.com (mapping (none) -> a1b2c3d4e5/prod)");
        assertThat(result.kept()).isEmpty();
        assertThat(east.has("api.example.com")).isFalse();
    }

    @Test
    void handleRequest_apiGatewayThrottles_throttledExceptionForTheStateMachineToRetry() throws IOException {
        apiGateway.in("us-east-1").failure = TooManyRequestsException.builder().statusCode(429)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException")
                        .errorMessage("Too Many Requests").build()).build();
        byte[] event = exampleEvent();

        assertThatThrownBy(() -> Lambda.invoke(handler, event, RemovalResult.class))
                .isInstanceOf(ThrottledException.class).hasMessageContaining("TooManyRequestsException");
    }
}
