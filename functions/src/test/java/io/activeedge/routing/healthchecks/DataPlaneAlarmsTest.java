package io.activeedge.routing.healthchecks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.FailoverSpec;
import io.activeedge.input.RegionSpec;
import io.activeedge.testing.ExampleApp;
import io.activeedge.testing.FakeCloudWatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/** What ValidateInput refuses with failover.dataPlane: alarms a Route 53 health check cannot follow. */
class DataPlaneAlarmsTest {
    private static final String WEST = "us-west-2";
    private final FakeCloudWatch west = new FakeCloudWatch(WEST);
    private final DataPlaneAlarms alarms = new DataPlaneAlarms(new RegionalClients<>(r -> west));

    /** The example, us-west-2 (regions[1]) listing {@code names}, data plane on or off. */
    private static AppSpec input(boolean dataPlane, List<String> names) {
        AppSpec example = ExampleApp.input();
        List<RegionSpec> regions = new ArrayList<>();
        for (RegionSpec r : example.regions()) {
            regions.add(r.region().equals(WEST) ? new RegionSpec(r.region(), r.origin(), names) : r);
        }
        return new AppSpec(example.app(), example.zone(), null, example.aliases(), example.originDomain(), regions,
                example.healthCheck(), null, example.timing(), example.tags(), false, new FailoverSpec(0, dataPlane));
    }

    private InvalidInputException refused(String... names) {
        return assertThrows(InvalidInputException.class, () -> alarms.check(input(true, List.of(names))));
    }

    @Test
    void check_metricAlarmsOnOneMetric_pass() {
        west.add("shop-5xx", false, StateValue.OK);
        west.add("shop-latency", false, StateValue.ALARM);
        west.shapes.put("shop-latency", a -> a.statistic("Maximum").period(300));

        assertDoesNotThrow(() -> alarms.check(input(true, List.of("shop-5xx", "shop-latency"))));
    }

    @Test
    void check_dataPlaneOff_readsNothing() {
        alarms.check(input(false, List.of("no-such-alarm")));

        assertEquals(List.of(), west.calls);
    }

    @Test
    void check_missingAlarm_refusedNamingItsIndex() {
        west.add("shop-5xx", false, StateValue.OK);

        InvalidInputException e = refused("shop-5xx", "shop-typo");

        assertEquals("regions[1].alarms[1]", e.field());
        assertTrue(e.getMessage().contains("no CloudWatch alarm named 'shop-typo' in us-west-2"), e.getMessage());
    }

    @Test
    void check_compositeAlarm_refused() {
        west.add("shop-any", true, StateValue.OK);

        InvalidInputException e = refused("shop-any");

        assertEquals("regions[1].alarms[0]", e.field());
        assertTrue(e.getMessage().contains("composite alarm"), e.getMessage());
    }

    @Test
    void check_metricMathAlarm_refused() {
        west.add("shop-ratio", false, StateValue.OK);
        west.shapes.put("shop-ratio", a -> a.metricName(null).namespace(null).statistic((String) null).period(null)
                .metrics(MetricDataQuery.builder().id("e1").expression("m1/m2*100").returnData(true).build()));

        assertTrue(refused("shop-ratio").getMessage().contains("metric math"));
    }

    @Test
    void check_percentileAlarm_refused() {
        west.add("shop-p99", false, StateValue.OK);
        west.shapes.put("shop-p99", a -> a.statistic((String) null).extendedStatistic("p99"));

        InvalidInputException e = refused("shop-p99");

        assertTrue(e.getMessage().contains("extended statistic p99"), e.getMessage());
    }

    @Test
    void check_highResolutionAlarm_refused() {
        west.add("shop-fast", false, StateValue.OK);
        west.shapes.put("shop-fast", a -> a.period(10));

        assertTrue(refused("shop-fast").getMessage().contains("high-resolution"));
    }

    @Test
    void check_nameNoTagCanHold_refusedBeforeAnyRead() {
        InvalidInputException e = refused("shop (5xx)");

        assertEquals("regions[1].alarms[0]", e.field());
        assertEquals(List.of(), west.calls);
    }

    @Test
    void check_moreAlarmsThanTheGateCanHold_refused() {
        List<String> many = IntStream.range(0, DataPlaneAlarms.MAX_ALARMS_PER_REGION + 1).mapToObj(i -> "a" + i)
                .toList();

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> alarms.check(input(true, many)));

        assertEquals("regions[1].alarms", e.field());
    }
}
