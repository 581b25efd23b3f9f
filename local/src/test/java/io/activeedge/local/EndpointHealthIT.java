package io.activeedge.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.local.target.StackResource;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.localcloud.EmulatorControl;
import io.activeedge.local.localcloud.LocalClients;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.drill.AlarmDrill;
import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The endpoint-health knob ({@code ./active-edge health}): a Region whose endpoint is really down, as Route 53 and
 * the failover function see it, and Route 53's fail-open when no gate is healthy.
 */
class EndpointHealthIT {
    private static final String EAST = "us-east-1";
    private static final String WEST = "us-west-2";

    @RegisterExtension
    static final TestCloud LOCAL = new TestCloud("endpoint-health-it");

    @Test
    void health_oneRegionDown_itsGateIsUnhealthyAndTheOtherRegionCannotBeDrained() {
        String app = "down1";
        TestApps.provision(LOCAL.session(), input(app));
        EmulatorControl control = new EmulatorControl(LOCAL.cloud().endpoint());

        EmulatorControl.Health west = control.setEndpointHealth(LOCAL.route53(), app, WEST, false);

        assertThat(west.healthy()).isFalse();
        String westGate = new HealthCheckLookup(LOCAL.route53()).of(app).get(WEST).gateId();
        assertThat(control.health(westGate).healthy()).as("the gate counts its endpoint check").isFalse();
        List<RoutingTable.Row> rows = new RoutingTable(LOCAL.route53()).of(app);
        assertThat(RoutingTable.receiving(rows)).containsExactly(EAST);
        AlarmDrill.Outcome refused = drill(app, EAST, AlarmChange.ALARM);
        assertThat(refused.decision().action()).as(refused.decision().toString())
                .isEqualTo(FailoverDecision.Action.REFUSED.name());

        control.setEndpointHealth(LOCAL.route53(), app, WEST, true);

        assertThat(control.health(westGate).healthy()).isTrue();
        assertThat(RoutingTable.receiving(new RoutingTable(LOCAL.route53()).of(app))).containsExactly(EAST, WEST);
    }

    @Test
    void health_everyRegionDown_route53AnswersWithEveryRegion() {
        String app = "down2";
        TestApps.provision(LOCAL.session(), input(app));
        EmulatorControl control = new EmulatorControl(LOCAL.cloud().endpoint());

        control.setEndpointHealth(LOCAL.route53(), app, EAST, false);
        control.setEndpointHealth(LOCAL.route53(), app, WEST, false);

        List<RoutingTable.Row> rows = new RoutingTable(LOCAL.route53()).of(app);
        assertThat(rows).noneMatch(RoutingTable.Row::gateHealthy);
        assertThat(RoutingTable.receiving(rows)).as("fail-open").containsExactly(EAST, WEST);
        assertThat(RoutingTable.format(app, rows)).contains("no gate is healthy");
    }

    private static ObjectNode input(String app) {
        return TestApps.input(app, List.of(EAST, WEST));
    }

    private static AlarmDrill.Outcome drill(String app, String region, String state) {
        try (CloudWatchClient cloudWatch = LocalClients.cloudWatch(LOCAL.cloud().endpoint(), region)) {
            return new AlarmDrill(cloudWatch, event -> LOCAL.session().invoke(
                    LOCAL.session().arn(StackResource.FAILOVER_FUNCTION), event), Clock.systemUTC()).run(app, state);
        }
    }
}
