package io.activeedge.local.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Where a command runs: the local cloud ({@link LocalSession}) or an AWS account ({@link AwsAccount}). Both
 * hand out the same SDK clients, pointed elsewhere, so every command takes one path. Clients are built once per
 * command and closed with it.
 */
public sealed interface Cloud extends AutoCloseable permits LocalSession, AwsAccount {

    /**
     * The local cloud (the one {@code serve} runs, or one for this command only), or with {@code aws} settings the
     * AWS account; notes on where it runs go to {@code notes}.
     */
    static Cloud open(AwsAccount.Settings aws, Path root, PrintStream notes) {
        return aws == null ? LocalSession.open(root, notes) : new AwsAccount(aws, notes);
    }

    SfnClient sfn();

    Route53Client route53();

    /** @param region the Region whose alarms the client reads and sets */
    CloudWatchClient cloudWatch(String region);

    LambdaClient lambda();

    /** The ARN (or, on the local cloud, the name) of a state machine or function the commands use. */
    String arn(StackResource resource);

    /** The input a workflow runs with: on the local cloud, with stand-ins for what it names and short polls. */
    ObjectNode prepare(Workflow workflow, ObjectNode input, PrintStream out);

    /** AWS API calls the functions made so far, by service; empty where they run out of reach (AWS). */
    Optional<Map<String, Long>> calls();

    /** How often to read a running execution's progress. */
    Duration poll();

    /** Called when the CLI stops waiting for an execution; says what became of it. */
    String stopWaiting(String executionArn);

    /** Where to look for the functions' logs after a failed run. */
    String logs();

    @Override
    void close();

    /** A function's answer: its payload, and the error type Lambda reports when it failed (else null). */
    record Invocation(String payload, String functionError) {
        public boolean failed() {
            return functionError != null;
        }
    }

    /** Invokes a function synchronously (RequestResponse), as the Lambda Invoke API does. */
    default Invocation invoke(String function, byte[] event) {
        InvokeResponse response = lambda().invoke(r -> r.functionName(function).payload(SdkBytes.fromByteArray(event)));
        return new Invocation(response.payload() == null ? "" : response.payload().asUtf8String(),
                response.functionError());
    }
}
