package io.activeedge.routing.zone;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.core.Tags;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.Lambda;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostedZoneReleaserTest {
    private static final String ZONE = "example.com. (" + ExampleApp.ZONE_ID + ") ";
    private final FakeRoute53 route53 = ExampleApp.route53();
    private final HostedZoneReleaser release = new HostedZoneReleaser(route53);

    private void tagZone(String app) {
        route53.tags.put(ExampleApp.ZONE_ID,
                new HashMap<>(Tags.of(Map.of("team", "payments"), app, Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE)));
    }

    private RemovalResult release() {
        return release.release(ExampleApp.input(), ExampleApp.zone());
    }

    @Test
    void release_zoneCreatedForTheApp_keptWithActiveEdgeTagsRemovedAndTheUsersKept() {
        tagZone("shop");

        RemovalResult result = release();

        assertThat(result).isEqualTo(new RemovalResult(List.of(), List.of(ZONE + HostedZoneReleaser.DELEGATED)));
        assertThat(route53.tags.get(ExampleApp.ZONE_ID)).isEqualTo(Map.of("team", "payments"));
        assertThat(route53.zones).hasSize(1);
    }

    @Test
    void release_zoneTaggedForAnotherApp_keptWithItsTags() {
        tagZone("blog");

        RemovalResult result = release();

        assertThat(result.kept()).containsExactly(ZONE + "kept: tagged for application blog");
        assertThat(route53.tags.get(ExampleApp.ZONE_ID)).containsEntry(Tags.APP, "blog").hasSize(4);
    }

    @Test
    void release_untaggedZoneOrSecondRun_keptAsItIs() {
        tagZone("shop");
        release();

        RemovalResult second = release();

        assertThat(second.deleted()).isEmpty();
        assertThat(second.kept()).singleElement().asString().startsWith(ZONE + "kept: not tagged for application shop");
        assertThat(route53.tags.get(ExampleApp.ZONE_ID)).isEqualTo(Map.of("team", "payments"));
    }

    @Test
    void release_noZone_reportsNothing() {
        RemovalResult result = release.release(ExampleApp.input(), null);

        assertThat(result).isEqualTo(new RemovalResult(List.of(), List.of()));
    }

    @Test
    void handleRequest_sampleEvent_keepsTheZone() throws IOException {
        tagZone("shop");

        RemovalResult result = Lambda.onSampleEvent(new ReleaseHostedZoneHandler(release),
                "ReleaseHostedZoneFunction", RemovalResult.class);

        assertThat(result.kept()).containsExactly(ZONE + HostedZoneReleaser.DELEGATED);
    }
}
