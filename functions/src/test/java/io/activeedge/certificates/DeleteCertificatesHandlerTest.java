package io.activeedge.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Tags;
import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.teardown.TeardownState;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.Lambda;
import io.activeedge.testing.SampleEvents;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.acm.model.CertificateStatus;

class DeleteCertificatesHandlerTest {
    private final FakeAcm.Regions acm = new FakeAcm.Regions();

    @Test
    void handleRequest_exampleEventOfALaterRound_deletesTheReleasedCertificateAndKeepsEarlierResults()
            throws IOException {
        byte[] event = SampleEvents.example("DeleteCertificatesFunction");
        TeardownState state = ExampleApp.teardownState(event);
        String edge = "arn:aws:acm:us-east-1:123456789012:certificate/0d2f4a6e-1b3c-4d5e-8f90-a1b2c3d4e5f6";
        acm.in("us-east-1").existing(edge, List.of("example.com", "www.example.com"),
                Tags.of(Map.of(), "shop", Tags.GLOBAL, Tags.ROLE_EDGE_CERTIFICATE), CertificateStatus.ISSUED);
        Clock clock = Clock.fixed(state.run().startedAt().plus(Duration.ofMinutes(12)), ZoneOffset.UTC);
        DeleteCertificatesHandler handler = new DeleteCertificatesHandler(new CertificateRemover(acm.clients, clock));

        CertificateRemovalResult result = Lambda.invoke(handler, event, CertificateRemovalResult.class);

        assertThat(result.done()).isTrue();
        assertThat(result.inUse()).isEmpty();
        assertThat(result.deleted()).containsSequence(state.certificates().deleted())
                .last().isEqualTo("us-east-1 " + edge + " (example.com, www.example.com)");
        assertThat(result.validationRecords()).containsAll(state.certificates().validationRecords());
        assertThat(acm.count()).isZero();
    }
}
