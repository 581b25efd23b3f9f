package io.activeedge.failover;

import io.activeedge.core.Clients;
import io.activeedge.core.JsonHandler;

/**
 * The target of CloudWatch alarm actions: puts the alarm's state change into the failover function's FIFO queue and
 * returns. The failover function takes it from there, one batch at a time.
 */
public final class AlarmActionHandler extends JsonHandler<AlarmAction, QueuedAlarmAction> {
    /** template.yaml sets it to the failover queue's URL. */
    static final String QUEUE_URL_VARIABLE = "FAILOVER_QUEUE_URL";

    private final AlarmActionIntake intake;

    public AlarmActionHandler() {
        this(new AlarmActionIntake(Clients.sqs(), System.getenv(QUEUE_URL_VARIABLE)));
    }

    AlarmActionHandler(AlarmActionIntake intake) {
        super(AlarmAction.class);
        this.intake = intake;
    }

    @Override
    protected QueuedAlarmAction handle(AlarmAction action) {
        return intake.enqueue(action);
    }
}
