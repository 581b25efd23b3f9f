package io.activeedge.local.report;

import io.activeedge.local.target.WorkflowRun;

/** What a person needs from a workflow run that did not succeed: its error, its cause, and where to look. */
public final class FailedRun {

    private static final int LABEL = 15;

    private FailedRun() {
    }

    /** @param logs where the functions' logs are (the cloud's {@code logs()}) */
    public static String format(WorkflowRun.Result result, String logs) {
        SummaryLines failure = new SummaryLines(LABEL);
        failure.add("error", result.error() == null ? "(none)" : result.error());
        if (result.cause() != null && !result.cause().isBlank()) {
            failure.add("cause", result.cause());
        }
        failure.calls(result.calls());
        failure.add("execution", result.executionArn());
        failure.add("logs", logs);
        return failure.text();
    }
}
