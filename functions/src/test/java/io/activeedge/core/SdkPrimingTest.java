package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdkPrimingTest {

    @Test
    void run_everyCallAnsweredWithoutNetworkOrCredentials() {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: a call that left the JVM would throw.
        assertThat(SdkPriming.run()).isEqualTo(11);
    }
}
