package io.activeedge.failover;

import com.amazonaws.services.lambda.runtime.Context;
import io.activeedge.core.Clients;
import io.activeedge.core.Deadline;
import io.activeedge.core.JsonHandler;
import io.activeedge.core.RegionalClients;
import java.time.Clock;
import java.time.Duration;

/**
 * The failover reconciler's entry point: alarm state changes (EventBridge, through the queue, or an alarm action),
 * scheduled runs, operators' holds and releases, one at a time or as an SQS batch ({@link FailoverEvent}); each
 * reconciles the applications it concerns ({@link Reconciler}).
 */
public final class FailoverHandler extends JsonHandler<FailoverEvent, FailoverResult> {
    /** Left of the invocation's time for answering once the work stops. */
    static final Duration MARGIN = Duration.ofSeconds(3);
    /** The time allowed when there is no Lambda context (tests, sam local invoke without one). */
    static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(25);

    private final Reconciler reconciler;
    private final Clock clock;

    public FailoverHandler() {
        this(new Reconciler(Clients.failoverRoute53(), new RegionalClients<>(Clients::failoverCloudWatch),
                new RegionalClients<>(Clients::failoverTagging), Clock.systemUTC(), new PowertoolsFailoverMetrics()),
                Clock.systemUTC());
        new FailoverPriming(() -> {
            SerializationPrimer.run();
            reconciler.prepare(System.getenv("AWS_REGION"));
        }).register();
    }

    FailoverHandler(Reconciler reconciler, Clock clock) {
        super(FailoverEvent.class);
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Override
    protected FailoverResult handle(FailoverEvent event) {
        return handle(event, null);
    }

    @Override
    protected FailoverResult handle(FailoverEvent event, Context context) {
        Duration remaining = context == null ? WITHOUT_CONTEXT : Duration.ofMillis(context.getRemainingTimeInMillis());
        String account = context == null ? null : Reconciler.accountOfFunction(context.getInvokedFunctionArn());
        return reconciler.run(event.triggers(), Deadline.in(clock, remaining, MARGIN), account, event.records() != null);
    }
}
