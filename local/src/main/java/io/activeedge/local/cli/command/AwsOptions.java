package io.activeedge.local.cli.command;

import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.StackResource;
import java.util.List;
import java.util.Map;

/**
 * {@code --aws} and the options that go with it, as one command spells them: {@code --stack NAME}, the stack's
 * Region ({@code regionFlag}: {@code --region}, or {@code --stack-region} where {@code --region} is the Region
 * drained) and an ARN that stands for the stack's output ({@code arnFlag}).
 *
 * @param arnFlag null where the command takes no ARN
 */
public record AwsOptions(boolean aws, String stack, String regionFlag, String region, String arnFlag, String arn) {

    /**
     * Where the command runs in the AWS account; null without {@code --aws}: it runs on the local cloud.
     *
     * @param resource what a given ARN stands for
     * @param service  the service an ARN given for it must name
     * @throws UsageException when an option goes with {@code --aws} and it is missing, or a value is not one
     */
    public AwsAccount.Settings settings(StackResource resource, String service) {
        if (!aws) {
            for (String[] given : List.of(new String[] {"--stack", stack}, new String[] {regionFlag, region},
                    new String[] {arnFlag, arn})) {
                if (given[1] != null) {
                    throw new UsageException(given[0] + " goes with --aws (the local cloud knows its own)");
                }
            }
            return null;
        }
        if (stack != null && arn != null) {
            throw new UsageException(arnFlag + " stands for the stack's output: give it or --stack, not both");
        }
        if (stack != null && !stack.matches("[A-Za-z][A-Za-z0-9-]{0,127}")) {
            throw new UsageException("--stack needs a stack name (letters, digits, hyphens), not " + stack);
        }
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new UsageException(regionFlag + " needs an AWS Region such as us-east-1, not " + region);
        }
        if (arn != null && !AwsAccount.Arns.valid(arn, service)) {
            throw new UsageException(arnFlag + " needs an ARN of " + service + " (arn:aws:" + service
                    + ":REGION:ACCOUNT:...), not " + arn);
        }
        if (arn != null && region != null && !region.equals(AwsAccount.Arns.region(arn))) {
            throw new UsageException(regionFlag + " " + region + " is not the Region of " + arnFlag + " ("
                    + AwsAccount.Arns.region(arn) + ")");
        }
        return new AwsAccount.Settings(stack == null ? StackResource.DEFAULT_STACK : stack, region, regionFlag,
                arn == null ? Map.of() : Map.of(resource, arn));
    }
}
