package io.activeedge.routing.healthchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.activeedge.core.Tags;
import io.activeedge.errors.HealthCheckInUseException;
import io.activeedge.errors.ThrottledException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.RegionHealthChecksResult;
import io.activeedge.teardown.RemovalResult;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeRoute53;
import io.activeedge.testing.Lambda;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

class HealthCheckRemoverTest {
    private final FakeRoute53 route53 = ExampleApp.route53();
    private final List<Duration> waited = new ArrayList<>();
    private final HealthCheckRemover removal = new HealthCheckRemover(route53, waited::add);
    private final AppSpec input = ExampleApp.input();

    private RegionHealthChecksResult provision(AppSpec app, String region) {
        return ExampleApp.provisionChecks(route53, app, region);
    }

    private RemovalResult delete() {
        return removal.delete(input.app());
    }

    private static String line(String id, String region, String role) {
        return id + " (" + region + " " + role + ")";
    }

    @Test
    void delete_provisionedApp_deletesEveryCheckWithEachGateBeforeItsChildren() {
        RegionHealthChecksResult east = provision(input, "us-east-1");
        RegionHealthChecksResult west = provision(input, "us-west-2");

        RemovalResult result = delete();

        assertThat(result.deleted()).containsExactlyInAnyOrder(
                line(east.gateId(), "us-east-1", Tags.ROLE_GATE_CHECK),
                line(east.switchId(), "us-east-1", Tags.ROLE_SWITCH_CHECK),
                line(east.endpointId(), "us-east-1", Tags.ROLE_ENDPOINT_CHECK),
                line(west.gateId(), "us-west-2", Tags.ROLE_GATE_CHECK),
                line(west.switchId(), "us-west-2", Tags.ROLE_SWITCH_CHECK),
                line(west.endpointId(), "us-west-2", Tags.ROLE_ENDPOINT_CHECK));
        List<String> order = route53.deletedChecks;
        for (RegionHealthChecksResult region : List.of(east, west)) {
            assertThat(order.indexOf(region.gateId()))
                    .isLessThan(order.indexOf(region.switchId()))
                    .isLessThan(order.indexOf(region.endpointId()));
        }
        assertThat(route53.checks).isEmpty();
    }

    @Test
    void delete_otherAppsChecks_survive() {
        provision(input, "us-east-1");
        RegionHealthChecksResult shopEu = provision(ExampleApp.input("shop-eu", "eu-west-1"), "eu-west-1");
        RegionHealthChecksResult blog = provision(ExampleApp.input("blog", "us-east-1"), "us-east-1");

        RemovalResult result = delete();

        assertThat(result.deleted()).hasSize(3);
        assertThat(route53.checks.keySet()).containsExactlyInAnyOrder(shopEu.endpointId(), shopEu.switchId(),
                shopEu.gateId(), blog.endpointId(), blog.switchId(), blog.gateId());
    }

    @Test
    void delete_appNameTooLongForTheCallerReference_foundByTagsAndDeleted() {
        AppSpec longName = ExampleApp.input("shop-storefront-checkout", "ap-southeast-2");
        provision(longName, "ap-southeast-2");
        provision(ExampleApp.input("blog-storefront-checkout", "ap-southeast-2"), "ap-southeast-2");

        RemovalResult result = new HealthCheckRemover(route53, waited::add)
                .delete(longName.app());

        assertThat(result.deleted()).hasSize(3);
        assertThat(route53.checks).hasSize(3);
    }

    @Test
    void delete_twoSwitchesTaggedForOneRegion_deletesBoth() {
        RegionHealthChecksResult east = provision(input, "us-east-1");
        String extra = route53.createHealthCheck(r -> r.callerReference("ae/shop/us-east-1/switch/ffffffff")
                .healthCheckConfig(c -> c.type(HealthCheckType.CALCULATED).healthThreshold(0))).healthCheck().id();
        route53.changeTagsForResource(ChangeTagsForResourceRequest.builder().resourceType(TagResourceType.HEALTHCHECK)
                .resourceId(extra).addTags(Tags.of(Map.of(), "shop", "us-east-1", Tags.ROLE_SWITCH_CHECK).entrySet()
                        .stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build());

        RemovalResult result = delete();

        assertThat(result.deleted()).contains(line(extra, "us-east-1", Tags.ROLE_SWITCH_CHECK),
                line(east.switchId(), "us-east-1", Tags.ROLE_SWITCH_CHECK)).hasSize(4);
        assertThat(route53.checks).isEmpty();
    }

    @Test
    void delete_halfTornDown_deletesWhatIsLeft() {
        RegionHealthChecksResult east = provision(input, "us-east-1");
        route53.deleteHealthCheck(r -> r.healthCheckId(east.gateId()));
        route53.deleteHealthCheck(r -> r.healthCheckId(east.switchId()));

        RemovalResult result = delete();

        assertThat(result.deleted()).containsExactly(line(east.endpointId(), "us-east-1", Tags.ROLE_ENDPOINT_CHECK));
    }

    @Test
    void delete_nothingLeft_succeedsWithEmptyRemoval() {
        assertThat(delete()).isEqualTo(new RemovalResult(List.of(), List.of()));
    }

    @Test
    void delete_checkGoneBetweenListAndDelete_notAnErrorAndNotReported() {
        provision(input, "us-east-1");
        route53.failNext("DeleteHealthCheck", NoSuchHealthCheckException.builder().statusCode(404)
                .message("No health check exists with the specified ID").build());

        RemovalResult result = delete();

        assertThat(result.deleted()).hasSize(2);
        assertThat(waited).isEmpty();
    }

    @Test
    void delete_inUseOnce_deletedOnTheNextPassAfterTheOthers() {
        RegionHealthChecksResult east = provision(input, "us-east-1");
        route53.failNext("DeleteHealthCheck", FakeRoute53.error(HealthCheckRemover.IN_USE, 400));

        RemovalResult result = delete();

        assertThat(result.deleted()).hasSize(3);
        assertThat(route53.deletedChecks.getLast()).isEqualTo(east.gateId());
        assertThat(waited).hasSize(1);
        assertThat(route53.checks).isEmpty();
    }

    @Test
    void delete_stillInUseAfterEveryPass_throwsHealthCheckInUseNamingTheCheck() {
        RegionHealthChecksResult east = provision(input, "us-east-1");
        route53.checksInUse.add(east.gateId());

        HealthCheckInUseException e = assertThrows(HealthCheckInUseException.class, this::delete);

        assertThat(e.getMessage()).contains(east.gateId(), "us-east-1", Tags.ROLE_GATE_CHECK, "run the teardown again");
        assertThat(route53.checks.keySet()).containsExactly(east.gateId());
        assertThat(waited).hasSize(HealthCheckRemover.IN_USE_PASSES - 1);
    }

    @Test
    void handleRequest_throttled_throwsThrottledForTheWorkflowToRetry() {
        provision(input, "us-east-1");
        route53.failNext("DeleteHealthCheck", FakeRoute53.error("PriorRequestNotComplete", 400));
        DeleteHealthChecksHandler handler = new DeleteHealthChecksHandler(removal);

        assertThrows(ThrottledException.class, () -> Lambda.invoke(handler,
                ExampleApp.teardownState(input, ExampleApp.zone()), RemovalResult.class));
        assertThat(route53.checks).hasSize(3);
    }

    @Test
    void handleRequest_sampleEvent_deletesTheAppsChecks() throws IOException {
        provision(input, "us-east-1");
        provision(input, "us-west-2");

        RemovalResult result = Lambda.onSampleEvent(new DeleteHealthChecksHandler(removal),
                "DeleteHealthChecksFunction", RemovalResult.class);

        assertThat(result.deleted()).hasSize(6);
    }
}
