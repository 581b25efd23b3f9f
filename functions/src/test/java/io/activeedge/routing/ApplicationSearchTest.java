package io.activeedge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.activeedge.errors.HostedZoneConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.teardown.TeardownScope;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.Lambda;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationSearchTest {
    private final FakeRoute53 route53 = ExampleApp.route53();
    private final ApplicationSearch scope = new ApplicationSearch(route53);

    @Test
    void find_zoneAndChecksInARegionNoLongerInTheInput_returnsZoneAndEveryRegionSorted() {
        ExampleApp.provisionChecks(route53, ExampleApp.input("shop", "eu-west-1"), "eu-west-1");
        ExampleApp.provisionChecks(route53, ExampleApp.input("blog", "ap-southeast-2"), "ap-southeast-2");

        TeardownScope found = scope.find(ExampleApp.input("shop", "us-west-2"));

        assertThat(found.zone().id()).isEqualTo(ExampleApp.ZONE_ID);
        assertThat(found.zone().name()).isEqualTo("example.com.");
        assertThat(found.zone().nameServers()).isNotEmpty();
        assertThat(found.regions()).containsExactly("eu-west-1", "us-east-1", "us-west-2");
    }

    @Test
    void find_appAndZoneOnly_regionsOfItsHealthChecksAndUsEast1() {
        ExampleApp.provisionChecks(route53, ExampleApp.input("shop", "ap-northeast-1"), "ap-northeast-1");

        TeardownScope found = scope.find(ExampleApp.appAndZoneOnly());

        assertThat(found.regions()).containsExactly("ap-northeast-1", "us-east-1");
    }

    @Test
    void find_onlyAPrivateZoneAndOtherNames_returnsNoZone() {
        FakeRoute53 other = new FakeRoute53("ZOTHER");
        other.addZone("ZPRIVATE1", "example.com", true);
        other.addZone("ZORG1", "example.org", false);
        other.addZone("ZSUB1", "shop.example.com", false);

        TeardownScope found = new ApplicationSearch(other).find(ExampleApp.input());

        assertThat(found.zone()).isNull();
        assertThat(found.regions()).containsExactly("us-east-1", "us-west-2");
    }

    @Test
    void find_twoPublicZonesWithTheName_throwsHostedZoneConflictNamingBoth() {
        route53.addZone("ZSECOND1", "example.com", false);

        HostedZoneConflictException e = assertThrows(HostedZoneConflictException.class,
                () -> scope.find(ExampleApp.input()));

        assertThat(e.getMessage()).contains(ExampleApp.ZONE_ID, "ZSECOND1", "hostedZoneId");
    }

    @Test
    void find_hostedZoneIdGivenAmongSeveral_returnsThatZone() {
        route53.addZone("ZSECOND1", "example.com", false);
        AppSpec in = ExampleApp.input();
        AppSpec input = new AppSpec(in.app(), in.zone(), "ZSECOND1", in.aliases(), in.originDomain(), in.regions(),
                in.healthCheck(), in.distribution(), in.timing(), in.tags(), in.takeOverRecords(), null);

        assertThat(scope.find(input).zone().id()).isEqualTo("ZSECOND1");
    }

    @Test
    void handleRequest_sampleEvent_findsTheZoneAndRegions() throws IOException {
        TeardownScope found = Lambda.onSampleEvent(new FindApplicationHandler(scope), "FindApplicationFunction",
                TeardownScope.class);

        assertThat(found.zone().id()).isEqualTo(ExampleApp.ZONE_ID);
        assertThat(found.regions()).isEqualTo(List.of("us-east-1", "us-west-2"));
    }
}
