package io.activeedge.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void ofNanos_fiveRuns_medianIsTheMiddleAndP90IsTheLargest() {
        Stats stats = Stats.ofNanos(List.of(5_000_000L, 1_000_000L, 4_000_000L, 2_000_000L, 3_000_000L));

        assertEquals(5, stats.count());
        assertEquals(1.0, stats.min());
        assertEquals(3.0, stats.median());
        assertEquals(5.0, stats.p90());
        assertEquals(5.0, stats.p99());
        assertEquals(5.0, stats.max());
        assertEquals(3.0, stats.mean());
    }

    @Test
    void ofNanos_twoHundredSamples_percentilesAreNearestRank() {
        List<Long> samples = LongStream.rangeClosed(1, 200).map(i -> i * 1_000_000L).boxed().toList();

        Stats stats = Stats.ofNanos(samples);

        assertEquals(100.0, stats.median());
        assertEquals(180.0, stats.p90());
        assertEquals(198.0, stats.p99());
        assertEquals(200.0, stats.max());
    }

    @Test
    void ofNanos_oneSample_everyStatisticIsThatSample() {
        Stats stats = Stats.ofNanos(List.of(1_500_000L));

        assertEquals(1.5, stats.min());
        assertEquals(1.5, stats.median());
        assertEquals(1.5, stats.p99());
    }

    @Test
    void ofNanos_noSamples_throws() {
        assertThrows(IllegalArgumentException.class, () -> Stats.ofNanos(List.of()));
    }

    @Test
    void percentile_outsideZeroToHundred_throws() {
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new long[] {1}, 101));
    }
}
