package io.activeedge.local.cli.command;

import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.StackResource;
import picocli.CommandLine.Option;

/**
 * The options of the commands that send the failover function an event for one Region of an application
 * ({@code failover}, {@code recover}, {@code hold}, {@code release}): which application and Region, and with
 * {@code --aws} which deployed function.
 */
final class FailoverFunctionOptions {

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the application (the input's app)")
    String app;

    @Option(names = "--region", required = true, paramLabel = "R", description = "the Region the command acts on")
    String region;

    @Option(names = "--aws", description = "in your AWS account: the deployed stack's FailoverFunction")
    boolean aws;

    @Option(names = "--stack", paramLabel = "NAME", description = "with --aws: the stack whose outputs name the"
            + " function (default: active-edge)")
    String stack;

    @Option(names = "--stack-region", paramLabel = "R", description = "with --aws: the stack's Region (--region is"
            + " the Region acted on; default: the SDK's, AWS_REGION or your profile's)")
    String stackRegion;

    @Option(names = "--function-arn", paramLabel = "ARN", description = "with --aws: the function itself instead of"
            + " the stack's output (it brings its own Region)")
    String functionArn;

    /** Where the function is: null for the local cloud. Refuses a blank --app or --region. */
    AwsAccount.Settings settings() {
        if (app.isBlank()) {
            throw new UsageException("missing --app");
        }
        if (region.isBlank()) {
            throw new UsageException("missing --region");
        }
        return new AwsOptions(aws, stack, "--stack-region", stackRegion, "--function-arn", functionArn)
                .settings(StackResource.FAILOVER_FUNCTION, "lambda");
    }
}
