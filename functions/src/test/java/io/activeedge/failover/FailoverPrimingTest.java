package io.activeedge.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.junit.jupiter.api.Test;

/**
 * The SnapStart hook outside SnapStart: the runtime's CRaC context is not here, so the tests call the hook's methods
 * as Lambda would before a snapshot and after a restore.
 */
class FailoverPrimingTest {

    @Test
    void beforeCheckpoint_runsTheSerializationPathAndTheSdkPath() throws Exception {
        List<String> ran = new ArrayList<>();
        FailoverPriming priming = new FailoverPriming(() -> ran.add("serialization"), () -> {
            ran.add("sdk");
            return 6;
        });

        priming.beforeCheckpoint(Core.getGlobalContext());

        assertThat(ran).containsExactly("serialization", "sdk");
    }

    @Test
    void prime_serializationPathThrows_stillPrimesTheSdkAndDoesNotFailTheSnapshot() {
        List<String> ran = new ArrayList<>();
        FailoverPriming priming = new FailoverPriming(() -> {
            throw new IllegalStateException("sample event no longer parses");
        }, () -> {
            ran.add("sdk");
            return 6;
        });

        assertThat(priming.prime()).isFalse();
        assertThat(ran).containsExactly("sdk");
    }

    @Test
    void prime_withTheRealSdkPath_completesWithoutReachingAws() {
        // Unit tests point AWS_ENDPOINT_URL at a closed port: a real call would fail, and prime() would say so.
        List<String> ran = new ArrayList<>();
        FailoverPriming priming = new FailoverPriming(() -> ran.add("serialization"));

        assertThat(priming.prime()).isTrue();
        assertThat(ran).containsExactly("serialization");
    }

    @Test
    void register_keepsTheHookReachableForTheCheckpoint() {
        // org.crac holds registered resources weakly; a hook only the context knows could be collected.
        FailoverPriming priming = new FailoverPriming(() -> { }, () -> 0).register();

        assertThat(FailoverPriming.isRegistered(priming)).isTrue();
    }

    @Test
    void beforeCheckpointOfRegistered_runsEveryRegisteredHook() {
        List<String> ran = new ArrayList<>();
        new FailoverPriming(() -> ran.add("registered"), () -> 0).register();
        new FailoverPriming(() -> ran.add("not registered"), () -> 0);

        assertThat(FailoverPriming.beforeCheckpointOfRegistered()).isPositive();
        assertThat(ran).contains("registered").doesNotContain("not registered");
    }

    @Test
    void afterRestore_countsTheRestore() throws Exception {
        FailoverPriming priming = new FailoverPriming(() -> { }, () -> 0);

        priming.afterRestore(Core.getGlobalContext());

        assertThat(priming.restores()).isEqualTo(1);
    }
}
