package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SerializationPrimerTest {

    /** Every shape the function reads parses: a primer that broke would fail a version's SnapStart snapshot. */
    @Test
    void run_everyEventShape_parsesIntoOneTriggerEach() {
        assertThat(SerializationPrimer.run()).isEqualTo(5);
    }
}
