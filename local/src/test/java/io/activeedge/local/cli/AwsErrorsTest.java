package io.activeedge.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

    @Test
    void explain_noCredentials_saysHowToConfigureThem() {
        String line = AwsErrors.explain(SdkClientException.create("Unable to load credentials from any of the providers"
                + " in the chain AwsCredentialsProviderChain(credentialsProviders=[...]) : [SystemPropertyCredentialsProvider():"
                + " Unable to load credentials from system settings.]"));

        assertTrue(line.startsWith("no AWS credentials found: configure them"), line);
    }

    @Test
    void explain_accessDenied_namesTheServiceAndWhatWasDenied() {
        String line = AwsErrors.explain(service("Sfn", "AccessDeniedException", 400,
                "User: arn:aws:iam::111122223333:user/dev is not authorized to perform: states:StartExecution"));

        assertEquals("access denied (Sfn: User: arn:aws:iam::111122223333:user/dev is not authorized to perform:"
                + " states:StartExecution); the credentials need that permission", line);
    }

    @Test
    void explain_forbiddenWithAnotherCode_isAccessDenied() {
        assertTrue(AwsErrors.explain(service("Route53", "Forbidden", 403, "no")).startsWith("access denied (Route53: no)"));
    }

    @Test
    void explain_expiredToken_saysTheCredentialsWereRejected() {
        String line = AwsErrors.explain(service("CloudFormation", "ExpiredToken", 403, "The security token included"
                + " in the request is expired"));

        assertTrue(line.startsWith("AWS rejected the credentials (ExpiredToken, CloudFormation: The security token"), line);
    }

    @Test
    void explain_otherServiceError_isWhatTheServiceSaidOnOneLine() {
        assertEquals("Lambda: Function not found: x (ResourceNotFoundException)",
                AwsErrors.explain(service("Lambda", "ResourceNotFoundException", 404, "Function not found: x\nmore")));
    }

    private static AwsServiceException service(String service, String code, int status, String message) {
        return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
                .serviceName(service).errorCode(code).errorMessage(message).build()).build();
    }
}
