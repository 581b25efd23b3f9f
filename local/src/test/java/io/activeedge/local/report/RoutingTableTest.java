package io.activeedge.local.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    @Test
    void receiving_oneDrained_isTheOthers() {
        List<RoutingTable.Row> rows = List.of(
                new RoutingTable.Row("us-east-1", true, true, true, "2026-11-24T01:02:03.456Z", "alarm:shop-5xx"),
                new RoutingTable.Row("us-west-2", true, true, false, null, null));

        assertEquals(List.of("us-west-2"), RoutingTable.receiving(rows));
        String table = RoutingTable.format("shop", rows);
        assertTrue(table.contains("drained since 2026-11-24T01:02:03.456Z by alarm shop-5xx"), table);
        assertTrue(table.endsWith("traffic to us-west-2"), table);
    }

    @Test
    void format_heldRegion_showsWhoHeldItForHowLongAndWhy() {
        java.time.Instant since = java.time.Instant.parse("2026-11-24T01:00:00Z");
        List<RoutingTable.Row> rows = List.of(
                new RoutingTable.Row("us-east-1", true, true, true, since.toString(), "hold:alice", 0, 0,
                        new io.activeedge.failover.FailoverTags.HoldTag(since, "alice", "patching the database")),
                new RoutingTable.Row("us-west-2", true, true, false, null, null));

        String table = RoutingTable.format("shop", rows,
                java.time.Clock.fixed(since.plusSeconds(720), java.time.ZoneOffset.UTC));

        assertTrue(table.contains("by hold alice; held by alice for 12 min: patching the database"), table);
    }

    @Test
    void receiving_noGateHealthy_isEveryRegionAsRoute53Answers() {
        List<RoutingTable.Row> rows = List.of(
                new RoutingTable.Row("us-east-1", true, false, false, null, null),
                new RoutingTable.Row("us-west-2", true, true, true, null, null));

        assertEquals(List.of("us-east-1", "us-west-2"), RoutingTable.receiving(rows));
        assertTrue(RoutingTable.format("shop", rows).contains("Route 53 answers with every Region"));
    }

    @Test
    void receiving_alarmCheckUnhealthy_takesTheRegionOut_andTheTableSaysWhy() {
        List<RoutingTable.Row> rows = List.of(
                new RoutingTable.Row("us-east-1", true, true, false, null, null, 2, 1),
                new RoutingTable.Row("us-west-2", true, true, false, null, null, 1, 0));

        assertEquals(List.of("us-west-2"), RoutingTable.receiving(rows));
        String table = RoutingTable.format("shop", rows);
        assertTrue(table.contains("ALARM CHECKS"), table);
        assertTrue(table.contains("2 (1 unhealthy)"), table);
        assertTrue(table.contains("1 healthy"), table);
    }

    @Test
    void format_noAlarmChecks_keepsTheFourColumns() {
        String table = RoutingTable.format("shop", List.of(new RoutingTable.Row("us-east-1", true, true, false,
                null, null)));

        assertTrue(!table.contains("ALARM CHECKS"), table);
    }
}
