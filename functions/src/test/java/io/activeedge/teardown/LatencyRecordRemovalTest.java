package io.activeedge.teardown;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Tags;
import io.activeedge.routing.FakeRoute53;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class LatencyRecordRemovalTest {
    private final FakeRoute53 route53 = TeardownExample.route53();
    private final LatencyRecordRemoval removal = new LatencyRecordRemoval(route53);

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
        Removal result = removal.delete(TeardownExample.state(TeardownExample.input(), TeardownExample.zone()));

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

        Removal result = removal.delete(TeardownExample.state(TeardownExample.appAndZoneOnly(), TeardownExample.zone()));

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

        Removal result = removal.delete(TeardownExample.state(TeardownExample.input(), TeardownExample.zone()));

        assertThat(result.deleted()).containsExactly(
                "api.example.com. A active-edge:shop:us-east-1", "api.example.com. A active-edge:shop:us-west-2");
        assertThat(identifiersAt("api.example.com"))
                .containsExactlyInAnyOrder("active-edge:shop-eu:eu-west-1", "active-edge:blog:ap-southeast-2");
    }

    @Test
    void delete_secondRun_findsNothingAndChangesNothing() {
        removal.delete(TeardownExample.state(TeardownExample.input(), TeardownExample.zone()));

        Removal second = removal.delete(TeardownExample.state(TeardownExample.input(), TeardownExample.zone()));

        assertThat(second).isEqualTo(new Removal(List.of(), List.of()));
        assertThat(route53.batches).hasSize(1);
    }

    @Test
    void delete_noZone_deletesNothing() {
        Removal result = removal.delete(TeardownExample.state(TeardownExample.input(), null));

        assertThat(result).isEqualTo(new Removal(List.of(), List.of()));
        assertThat(route53.records).hasSize(5);
    }

    @Test
    void handleRequest_sampleEvent_deletesTheLatencyRecords() throws IOException {
        Removal result = TeardownExample.onSampleEvent(new DeleteLatencyRecordsHandler(removal),
                "DeleteLatencyRecordsFunction", Removal.class);

        assertThat(result.deleted()).hasSize(2);
    }
}
