package io.activeedge.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Names;
import io.activeedge.teardown.CertificateRemovalResult.ValidationRecord;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.teardown.TeardownState;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeAcm;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.Lambda;
import io.activeedge.testing.SampleEvents;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class DeleteValidationRecordsHandlerTest {
    private final FakeAcm.Regions acm = new FakeAcm.Regions();

    @Test
    void handleRequest_exampleEvent_deletesEveryRecordNoCertificateNeeds() throws IOException {
        byte[] event = SampleEvents.example("DeleteValidationRecordsFunction");
        TeardownState state = ExampleApp.teardownState(event);
        FakeRoute53 zone = new FakeRoute53(Names.zoneId(state.scope().zone().id()));
        for (ValidationRecord record : state.certificates().validationRecords()) {
            zone.put(ResourceRecordSet.builder().name(record.name()).type(RRType.CNAME).ttl(300L)
                    .resourceRecords(r -> r.value(record.value())).build());
        }
        DeleteValidationRecordsHandler handler =
                new DeleteValidationRecordsHandler(new ValidationRecordRemover(acm.clients, zone, Runnable::run));

        RemovalResult result = Lambda.invoke(handler, event, RemovalResult.class);

        assertThat(result.deleted()).containsExactlyElementsOf(state.certificates().validationRecords().stream()
                .map(r -> r.name() + " CNAME").toList());
        assertThat(result.kept()).isEmpty();
        assertThat(zone.records).isEmpty();
        assertThat(zone.batches).hasSize(1);
    }
}
