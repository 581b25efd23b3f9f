package io.activeedge.local.cli.command;

import io.activeedge.local.target.AwsAccount;
import picocli.CommandLine.Option;

/** The options of the commands that only read Route 53 ({@code status}, {@code routes}): which application, where. */
final class Route53ReadOptions {

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the application (the input's app)")
    String app;

    @Option(names = "--aws", description = "read Route 53 in your AWS account")
    boolean aws;

    /** Taken with --aws as on the other commands; reading Route 53 needs no stack. */
    @Option(names = "--stack", paramLabel = "NAME", hidden = true)
    String stack;

    /** Taken with --aws as on the other commands; Route 53 is global. */
    @Option(names = "--region", paramLabel = "R", hidden = true)
    String region;

    /** Where to read: null for the local cloud. Refuses a blank --app. */
    AwsAccount.Settings settings() {
        if (app.isBlank()) {
            throw new UsageException("missing --app");
        }
        return new AwsOptions(aws, stack, "--region", region, null, null).settings(null, null);
    }
}
