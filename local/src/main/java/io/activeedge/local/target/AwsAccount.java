package io.activeedge.local.target;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.local.localcloud.LocalClients;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The caller's AWS account: credentials from the SDK's default chain, the Region from {@code --region} or the
 * SDK's default Region chain, and the state machines and functions from the deployed stack's outputs
 * (DescribeStacks) unless their ARNs are given. Clients are built with the SDK's defaults only, so the standard
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} settings redirect them (the tests point them at
 * the local cloud that way).
 */
public final class AwsAccount implements Cloud {

    /**
     * Where to find what the commands use.
     *
     * @param stack      the stack whose outputs name them
     * @param region     the stack's Region; null for the SDK's default Region chain (or the Region of a given ARN)
     * @param regionFlag the command's option for the stack's Region, for messages
     * @param arns       ARNs given on the command line, used instead of the stack's outputs
     */
    public record Settings(String stack, String region, String regionFlag, Map<StackResource, String> arns) {
        public Settings {
            arns = Map.copyOf(arns);
        }
    }

    private static final Duration POLL = Duration.ofSeconds(2);

    private final Settings settings;
    private final PrintStream out;
    private final ClientCache clients = new ClientCache();
    private Region region;
    private Map<String, String> outputs;

    /** @param out where the account says which stack it reads */
    public AwsAccount(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** The stack's Region: --region, else the Region of a given ARN, else the SDK's default Region chain. */
    Region region() {
        if (region == null) {
            region = Region.of(settings.region() != null ? settings.region() : givenArnRegion().orElseGet(this::defaultRegion));
        }
        return region;
    }

    private Optional<String> givenArnRegion() {
        return settings.arns().values().stream().map(Arns::region).findFirst();
    }

    private String defaultRegion() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkClientException e) {
            throw new CommandException("no AWS Region for the stack: pass " + settings.regionFlag() + " R, or set"
                    + " AWS_REGION or a region in your AWS profile");
        }
    }

    @Override
    public SfnClient sfn() {
        return clients.get("sfn", SfnClient.class, () -> aws(SfnClient.builder(), region()));
    }

    @Override
    public Route53Client route53() {
        return clients.get("route53", Route53Client.class, () -> aws(Route53Client.builder(), Region.AWS_GLOBAL));
    }

    @Override
    public CloudWatchClient cloudWatch(String alarmRegion) {
        return clients.get("cloudwatch " + alarmRegion, CloudWatchClient.class,
                () -> aws(CloudWatchClient.builder(), Region.of(alarmRegion)));
    }

    /** In the Region of the failover function (the stack's). */
    @Override
    public LambdaClient lambda() {
        Region functionRegion = Region.of(Arns.region(arn(StackResource.FAILOVER_FUNCTION)));
        return clients.get("lambda " + functionRegion, LambdaClient.class, () -> LambdaClient.builder()
                .region(functionRegion)
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(LocalClients.INVOKE_TIMEOUT).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(LocalClients.INVOKE_TIMEOUT)).build());
    }

    private CloudFormationClient cloudFormation() {
        return clients.get("cloudformation", CloudFormationClient.class, () -> aws(CloudFormationClient.builder(), region()));
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C aws(B builder, Region region) {
        return builder.region(region).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** The ARN given on the command line, else the stack's output for it. */
    @Override
    public String arn(StackResource resource) {
        String given = settings.arns().get(resource);
        if (given != null) {
            return given;
        }
        String value = outputs().get(resource.outputKey());
        if (value == null || value.isBlank()) {
            throw new CommandException("stack " + settings.stack() + " in " + region() + " has no output "
                    + resource.outputKey() + ": deploy the current template (sam build && sam deploy)");
        }
        return value;
    }

    private Map<String, String> outputs() {
        if (outputs == null) {
            Stack stack;
            try {
                stack = cloudFormation().describeStacks(r -> r.stackName(settings.stack())).stacks().getFirst();
            } catch (CloudFormationException e) {
                if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())
                        && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                    throw new CommandException("no stack " + settings.stack() + " in " + region() + ": deploy it with"
                            + " sam deploy --stack-name " + settings.stack() + " --region " + region()
                            + ", or name yours with --stack NAME --region R");
                }
                throw e;
            }
            Map<String, String> values = new HashMap<>();
            stack.outputs().forEach(output -> values.put(output.outputKey(), output.outputValue()));
            outputs = values;
            out.println("aws: stack " + settings.stack() + " in " + region() + " (" + stack.stackStatusAsString() + ")");
        }
        return outputs;
    }

    /** The input as it is: no stand-ins and the input's own polls in a real account. */
    @Override
    public ObjectNode prepare(Workflow workflow, ObjectNode input, PrintStream out) {
        return input;
    }

    /** The functions run in Lambda, out of this process's reach. */
    @Override
    public Optional<Map<String, Long>> calls() {
        return Optional.empty();
    }

    @Override
    public Duration poll() {
        return POLL;
    }

    /** A run may wait long for DNS delegation or CloudFront; it keeps going without the CLI. */
    @Override
    public String stopWaiting(String executionArn) {
        return "it keeps running; follow it with aws stepfunctions describe-execution --execution-arn " + executionArn;
    }

    @Override
    public String logs() {
        return "the execution's events in the Step Functions console, and the functions' CloudWatch Logs"
                + " (/aws/lambda/" + settings.stack() + "-*)";
    }

    @Override
    public void close() {
        clients.close();
    }

    /** The parts of an ARN the CLI reads. */
    public static final class Arns {
        private Arns() {
        }

        /** arn:partition:service:region:account:resource... */
        public static boolean valid(String arn, String service) {
            String[] parts = arn.split(":", 7);
            return parts.length >= 7 && parts[0].equals("arn") && parts[2].equals(service) && !parts[3].isEmpty()
                    && !parts[6].isEmpty();
        }

        public static String region(String arn) {
            String[] parts = arn.split(":", 5);
            if (parts.length < 5 || parts[3].isEmpty()) {
                throw new CommandException("not an ARN with a Region: " + arn);
            }
            return parts[3];
        }
    }
}
