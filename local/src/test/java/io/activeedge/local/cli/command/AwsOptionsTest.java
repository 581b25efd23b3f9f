package io.activeedge.local.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.StackResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsOptionsTest {

    @Test
    void settings_withoutAws_isNullSoTheCommandRunsOnTheLocalCloud() {
        assertNull(new AwsOptions(false, null, "--region", null, "--state-machine-arn", null)
                .settings(StackResource.PROVISION_STATE_MACHINE, "states"));
    }

    @Test
    void settings_awsAlone_usesTheDefaultStackAndTheSdkRegion() {
        AwsAccount.Settings settings = new AwsOptions(true, null, "--region", null, "--state-machine-arn", null)
                .settings(StackResource.PROVISION_STATE_MACHINE, "states");

        assertEquals(new AwsAccount.Settings("active-edge", null, "--region", Map.of()), settings);
    }

    @Test
    void settings_stackAndRegion_nameTheStack() {
        AwsAccount.Settings settings = new AwsOptions(true, "edge-prod", "--region", "eu-west-1", "--state-machine-arn",
                null).settings(StackResource.TEARDOWN_STATE_MACHINE, "states");

        assertEquals(new AwsAccount.Settings("edge-prod", "eu-west-1", "--region", Map.of()), settings);
    }

    @Test
    void settings_stateMachineArn_standsForTheWorkflowsOutput() {
        String arn = "arn:aws:states:us-west-2:111122223333:stateMachine:active-edge-teardown";

        AwsAccount.Settings settings = new AwsOptions(true, null, "--region", null, "--state-machine-arn", arn)
                .settings(StackResource.TEARDOWN_STATE_MACHINE, "states");

        assertEquals(Map.of(StackResource.TEARDOWN_STATE_MACHINE, arn), settings.arns());
        assertEquals("us-west-2", AwsAccount.Arns.region(arn));
    }

    @Test
    void settings_failoverStackRegion_isNotTheDrainedRegion() {
        AwsAccount.Settings settings = new AwsOptions(true, null, "--stack-region", "us-east-1", "--function-arn", null)
                .settings(StackResource.FAILOVER_FUNCTION, "lambda");

        assertEquals("us-east-1", settings.region());
        assertEquals("--stack-region", settings.regionFlag());
    }

    @Test
    void settings_stackRegionWithoutAws_isAUsageErrorNamingTheCommandsOption() {
        UsageException e = assertThrows(UsageException.class, () -> new AwsOptions(false, null, "--stack-region",
                "us-east-1", "--function-arn", null).settings(StackResource.FAILOVER_FUNCTION, "lambda"));

        assertTrue(e.getMessage().startsWith("--stack-region goes with --aws"), e.getMessage());
    }
}
