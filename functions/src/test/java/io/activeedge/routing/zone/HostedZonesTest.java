package io.activeedge.routing.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Throttled tagging and a listing that does not show a new zone yet are what moto cannot show; FakeRoute53
 * answers them.
 */
class HostedZonesTest {
    private final FakeRoute53 route53 = new FakeRoute53(ExampleApp.ZONE_ID);
    private final HostedZones zones = new HostedZones(route53);

    /** The example input under another application's name. */
    private static AppSpec inputOf(String app) {
        AppSpec shop = ExampleApp.input(false);
        return new AppSpec(app, shop.zone(), shop.hostedZoneId(), shop.aliases(), shop.originDomain(), shop.regions(),
                shop.healthCheck(), shop.distribution(), shop.timing(), shop.tags(), shop.takeOverRecords(), null);
    }

    private Map<String, String> tagsOf(HostedZone zone) {
        return route53.tags.getOrDefault(zone.id(), Map.of());
    }

    private void createdButTaggingThrottled() {
        route53.failNext("ChangeTagsForResource", FakeRoute53.error("Throttling", 400));
        assertThatThrownBy(() -> zones.ensure(ExampleApp.input(false), ExampleApp.run("run-1")))
                .isInstanceOf(Route53Exception.class).hasMessageContaining("Throttling");
        assertThat(route53.zones).hasSize(1);
    }

    @Test
    void ensure_noZone_createsOneTaggedForTheApp() {
        HostedZone zone = zones.ensure(ExampleApp.input(false), ExampleApp.run("run-1"));

        assertThat(zone.created()).isTrue();
        assertThat(zone.name()).isEqualTo("example.com.");
        assertThat(Tags.matches(tagsOf(zone), "shop", Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE)).isTrue();
    }

    @Test
    void ensure_taggingThrottledThenStepRetried_tagsTheZoneItCreatedAndCreatesNoOther() {
        createdButTaggingThrottled();

        HostedZone retry = zones.ensure(ExampleApp.input(false), ExampleApp.run("run-1"));

        assertThat(route53.zones).hasSize(1);
        assertThat(retry.created()).isTrue();
        assertThat(retry.id()).isEqualTo(Names.zoneId(route53.zones.get(0).id()));
        assertThat(Tags.matches(tagsOf(retry), "shop", Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE)).isTrue();
    }

    @Test
    void ensure_taggingThrottledAndRetryListsBeforeTheZoneShows_findsItThroughItsCallerReferenceAndTagsIt() {
        createdButTaggingThrottled();
        route53.zoneListingLags = 1;

        HostedZone retry = zones.ensure(ExampleApp.input(false), ExampleApp.run("run-1"));

        assertThat(route53.zones).hasSize(1);
        assertThat(retry.created()).isTrue();
        assertThat(Tags.matches(tagsOf(retry), "shop", Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE)).isTrue();
    }

    @Test
    void ensure_earlierExecutionCreatedTheZoneButNeverTaggedIt_nextExecutionTagsIt() {
        createdButTaggingThrottled();

        HostedZone next = zones.ensure(ExampleApp.input(false), ExampleApp.run("run-2"));

        assertThat(route53.zones).hasSize(1);
        assertThat(next.created()).isFalse();
        assertThat(Tags.matches(tagsOf(next), "shop", Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE)).isTrue();
    }

    @Test
    void ensure_usersUntaggedZone_usedAndLeftUntagged() {
        route53.addZone(ExampleApp.ZONE_ID, "example.com", false);

        HostedZone zone = zones.ensure(ExampleApp.input(false), ExampleApp.run("run-1"));

        assertThat(zone.id()).isEqualTo(ExampleApp.ZONE_ID);
        assertThat(zone.created()).isFalse();
        assertThat(tagsOf(zone)).isEmpty();
        assertThat(route53.zones).hasSize(1);
    }

    @Test
    void ensure_untaggedZoneActiveEdgeCreatedForAnotherApp_usedAndLeftUntagged() {
        zones.ensure(inputOf("blog"), ExampleApp.run("run-1"));
        route53.tags.clear();

        HostedZone zone = zones.ensure(ExampleApp.input(false), ExampleApp.run("run-2"));

        assertThat(tagsOf(zone)).isEmpty();
        assertThat(zone.created()).isFalse();
        assertThat(route53.zones).hasSize(1);
    }
}
