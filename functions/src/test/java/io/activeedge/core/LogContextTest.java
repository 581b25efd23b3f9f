package io.activeedge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {
    private record State(String app, String region, String run) implements LogContext {
        @Override
        public String logApp() {
            return app;
        }

        @Override
        public String logRegion() {
            return region;
        }

        @Override
        public String logExecution() {
            return run;
        }
    }

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void enter_stateNamingItsKeys_putsThemIntoTheMdcUntilClosed() {
        try (LogContext.Scope scope = LogContext.enter(new State("shop", "us-east-1", "run-1"))) {
            assertThat(MDC.get(LogContext.APP)).isEqualTo("shop");
            assertThat(MDC.get(LogContext.REGION)).isEqualTo("us-east-1");
            assertThat(MDC.get(LogContext.EXECUTION)).isEqualTo("run-1");
        }

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void enter_stateWithoutARegion_putsNoRegion() {
        try (LogContext.Scope scope = LogContext.enter(new State("shop", null, "run-1"))) {
            assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys(LogContext.APP, LogContext.EXECUTION);
        }
    }

    @Test
    void enter_eventThatIsNoLogContext_putsNothing() {
        try (LogContext.Scope scope = LogContext.enter("an alarm event")) {
            assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        }
    }

    @Test
    void region_sameAsTheInvocations_isLeftToTheContext() {
        try (LogContext.Scope scope = LogContext.enter(new State("shop", "us-east-1", "run-1"))) {
            assertThat(LogContext.region("us-east-1")).isNull();
            assertThat(LogContext.app("shop")).isNull();
            assertThat(LogContext.region("us-west-2")).hasToString("region=us-west-2");
        }
        assertThat(LogContext.region("us-east-1")).hasToString("region=us-east-1");
    }

    @Test
    void carried_onAnotherThread_logsWithTheCallersKeysAndLeavesThatThreadAsItWas() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LogContext.Scope scope = LogContext.enter(new State("shop", null, "run-1"))) {
            String seen = CompletableFuture.supplyAsync(
                    LogContext.carried(() -> MDC.get(LogContext.APP) + " " + MDC.get(LogContext.EXECUTION)),
                    executor).get();
            assertThat(seen).isEqualTo("shop run-1");
        }
        assertThat(CompletableFuture.supplyAsync(MDC::getCopyOfContextMap, executor).get()).isNullOrEmpty();
        executor.shutdown();
    }
}
