package io.activeedge.routing.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Tags;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.Lambda;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class LatencyRecordRemoverTest {
    private final FakeRoute53 route53 = ExampleApp.route53();
    private final LatencyRecordRemover removal = new LatencyRecordRemover(route53);

    @BeforeEach
    void provisioned() {
        latency("api.example.com", "shop", "us-east-1");
        latency("api.example.com", "shop", "us-west-2");
        latency("api.example.com", "shop-eu", "eu-west-1");
        latency("api.example.com", "blog", "ap-southeast-2");
        route53.put(ResourceRecordSet.builder().name("www.example.com").type(RRType.CNAME).ttl(300L)
                .resourceRecords(r -> r.value("example.net")).build());
    }

    private void latency(String name, String app, String region) {
        route53.put(ResourceRecordSet.builder().name(name).type(RRType.A).setIdentifier(Tags.setIdentifier(app, region))
                .region(region).healthCheckId("gate-" + app + "-" + region)
                .aliasTarget(a -> a.dnsName("d-" + region + ".execute-api." + region + ".amazonaws.com")
                        .hostedZoneId("Z1UJRXOUMOOFQ8").evaluateTargetHealth(false))
                .build());
    }

    private List<String> identifiersAt(String name) {
        return route53.at(name).stream().map(ResourceRecordSet::setIdentifier).toList();
    }

    @Test
    void delete_nameSharedWithOtherApps_deletesOnlyThisAppsRecordsInOneBatch() {
        RemovalResult result = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(result.deleted()).containsExactly(
                "api.example.com. A active-edge:shop:us-east-1", "api.example.com. A active-edge:shop:us-west-2");
        assertThat(route53.batches).hasSize(1);
        assertThat(identifiersAt("api.example.com"))
                .containsExactlyInAnyOrder("active-edge:shop-eu:eu-west-1", "active-edge:blog:ap-southeast-2");
        assertThat(route53.at("www.example.com")).hasSize(1);
    }

    @Test
    void delete_recordsAtAnEarlierOriginNameAndRegion_deletedToo() {
        latency("old-api.example.com", "shop", "eu-central-1");

        RemovalResult result = removal.delete(ExampleApp.appAndZoneOnly(), ExampleApp.zone());

        assertThat(result.deleted()).contains("old-api.example.com. A active-edge:shop:eu-central-1").hasSize(3);
        assertThat(route53.at("old-api.example.com")).isEmpty();
    }

    /**
     * The SDK's retry of a DELETE whose answer was lost (a timeout, HTTP 500 after the change was made) gets
     * InvalidChangeBatch for the records its first attempt deleted; the fake applies the batch, then answers so.
     */
    @Test
    void delete_batchAppliedButItsAnswerLost_reportsTheRecordsDeleted() {
        route53.failNextAfterApplying("ChangeResourceRecordSets", FakeRoute53.invalid(
                "Tried to delete resource record set [api.example.com., A, active-edge:shop:us-east-1] but it was not found"));

        RemovalResult result = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(result.deleted()).containsExactly(
                "api.example.com. A active-edge:shop:us-east-1", "api.example.com. A active-edge:shop:us-west-2");
        assertThat(identifiersAt("api.example.com"))
                .containsExactlyInAnyOrder("active-edge:shop-eu:eu-west-1", "active-edge:blog:ap-southeast-2");
    }

    @Test
    void delete_secondRun_findsNothingAndChangesNothing() {
        removal.delete(ExampleApp.input(), ExampleApp.zone());

        RemovalResult second = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(second).isEqualTo(new RemovalResult(List.of(), List.of()));
        assertThat(route53.batches).hasSize(1);
    }

    @Test
    void delete_noZone_deletesNothing() {
        RemovalResult result = removal.delete(ExampleApp.input(), null);

        assertThat(result).isEqualTo(new RemovalResult(List.of(), List.of()));
        assertThat(route53.records).hasSize(5);
    }

    @Test
    void handleRequest_sampleEvent_deletesTheLatencyRecords() throws IOException {
        RemovalResult result = Lambda.onSampleEvent(new DeleteLatencyRecordsHandler(removal),
                "DeleteLatencyRecordsFunction", RemovalResult.class);

        assertThat(result.deleted()).hasSize(2);
    }
}
