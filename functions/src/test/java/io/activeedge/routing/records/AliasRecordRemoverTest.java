package io.activeedge.routing.records;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.AwsConstants;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeCloudFront;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.Lambda;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

class AliasRecordRemoverTest {
    private static final String D = ExampleApp.DISTRIBUTION_DOMAIN;
    private final FakeRoute53 route53 = ExampleApp.route53();
    private final FakeCloudFront cloudFront = new FakeCloudFront();
    private final AliasRecordRemover removal = new AliasRecordRemover(route53, cloudFront);

    @BeforeEach
    void provisioned() {
        cloudFront.add(ExampleApp.DISTRIBUTION_ID, D, "shop", List.of("example.com", "www.example.com"), true,
                "Deployed");
        cloudFront.add("EBLOG1234567", "dblog.cloudfront.net", "blog", List.of("blog.example.com"), true, "Deployed");
        new AliasRecords(route53).upsert(ExampleApp.input(false), ExampleApp.ZONE_ID, D);
        alias("blog.example.com", RRType.A, "dblog.cloudfront.net");
        alias("blog.example.com", RRType.AAAA, "dblog.cloudfront.net");
        route53.put(ResourceRecordSet.builder().name("example.com").type(RRType.MX).ttl(300L)
                .resourceRecords(r -> r.value("10 mail.example.com")).build());
    }

    private void alias(String name, RRType type, String target) {
        route53.put(ResourceRecordSet.builder().name(name).type(type)
                .aliasTarget(a -> a.dnsName(target).hostedZoneId(AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID)
                        .evaluateTargetHealth(false)).build());
    }

    private List<String> left(String name) {
        return route53.at(name).stream().map(ZoneRecords::describe).toList();
    }

    @Test
    void delete_aliasesGiven_deletesTheAppsAliasRecordsInOneBatchAndLeavesOtherApps() {
        RemovalResult result = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(result.deleted()).containsExactly(
                "example.com. A -> " + D, "example.com. AAAA -> " + D,
                "www.example.com. A -> " + D, "www.example.com. AAAA -> " + D);
        assertThat(result.kept()).isEmpty();
        assertThat(route53.batches).hasSize(2); // provisioning's, then teardown's one
        assertThat(route53.at("www.example.com")).isEmpty();
        assertThat(left("example.com")).singleElement().asString().contains("MX");
        assertThat(route53.at("blog.example.com")).hasSize(2);
    }

    @Test
    void delete_usersRecordAtAnAliasPointsElsewhere_survivesAndIsReportedKept() {
        route53.records.removeIf(r -> r.name().equals("www.example.com."));
        alias("www.example.com", RRType.A, "dusers-own.cloudfront.net");

        RemovalResult result = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(result.deleted()).containsExactly("example.com. A -> " + D, "example.com. AAAA -> " + D);
        assertThat(result.kept()).singleElement().asString()
                .contains("www.example.com.", "dusers-own.cloudfront.net", "not a distribution of application shop");
        assertThat(left("www.example.com")).singleElement().asString().contains("dusers-own.cloudfront.net");
    }

    @Test
    void delete_noAliasesInInput_scansTheWholeZoneAcrossPages() {
        alias("old.example.com", RRType.A, D); // an alias the input no longer lists

        RemovalResult result = removal.delete(ExampleApp.appAndZoneOnly(), ExampleApp.zone());

        assertThat(result.deleted()).containsExactlyInAnyOrder(
                "example.com. A -> " + D, "example.com. AAAA -> " + D, "old.example.com. A -> " + D,
                "www.example.com. A -> " + D, "www.example.com. AAAA -> " + D);
        assertThat(route53.at("old.example.com")).isEmpty();
        assertThat(route53.at("blog.example.com")).hasSize(2);
    }

    @Test
    void delete_emulatorSummariesWithoutAliases_findsTheDistributionByItsTags() {
        cloudFront.summariesWithoutAliases = true;

        RemovalResult result = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(result.deleted()).hasSize(4);
        assertThat(route53.at("blog.example.com")).hasSize(2);
    }

    @Test
    void delete_noDistributionTaggedForTheApp_deletesNothing() {
        cloudFront.distributions.remove(ExampleApp.DISTRIBUTION_ID);

        RemovalResult result = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(result.deleted()).isEmpty();
        assertThat(route53.at("www.example.com")).hasSize(2);
    }

    @Test
    void delete_noZone_deletesNothing() {
        RemovalResult result = removal.delete(ExampleApp.input(), null);

        assertThat(result).isEqualTo(new RemovalResult(List.of(), List.of()));
        assertThat(route53.batches).hasSize(1);
    }

    @Test
    void delete_secondRun_findsNothingAndChangesNothing() {
        removal.delete(ExampleApp.input(), ExampleApp.zone());

        RemovalResult second = removal.delete(ExampleApp.input(), ExampleApp.zone());

        assertThat(second).isEqualTo(new RemovalResult(List.of(), List.of()));
        assertThat(route53.batches).hasSize(2);
    }

    @Test
    void handleRequest_sampleEvent_deletesTheAliasRecords() throws IOException {
        RemovalResult result = Lambda.onSampleEvent(new DeleteAliasRecordsHandler(removal),
                "DeleteAliasRecordsFunction", RemovalResult.class);

        assertThat(result.deleted()).hasSize(4);
    }
}
