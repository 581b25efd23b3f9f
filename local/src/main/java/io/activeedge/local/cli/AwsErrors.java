package io.activeedge.local.cli;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** An SDK failure as one line a person can act on: no credentials, access denied, or what the service said. */
final class AwsErrors {

    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "AuthorizationError", "AuthorizationErrorException");
    private static final Set<String> BAD_CREDENTIALS = Set.of("UnrecognizedClientException", "InvalidClientTokenId",
            "ExpiredToken", "ExpiredTokenException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignature", "MissingAuthenticationToken");

    private AwsErrors() {
    }

    static String explain(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details.errorCode() == null ? "" : details.errorCode();
            String said = details.serviceName() + ": " + oneLine(details.errorMessage() == null ? code : details.errorMessage());
            if (BAD_CREDENTIALS.contains(code)) {
                return "AWS rejected the credentials (" + code + ", " + said + "); check them with"
                        + " aws sts get-caller-identity";
            }
            if (DENIED.contains(code) || service.statusCode() == 403) {
                return "access denied (" + said + "); the credentials need that permission";
            }
            return said + (code.isEmpty() ? "" : " (" + code + ")");
        }
        String message = oneLine(e.getMessage());
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials found: configure them (aws configure, aws sso login, AWS_PROFILE, or"
                    + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)";
        }
        if (message.startsWith("Unable to load region")) {
            return "no AWS Region: pass --region R, or set AWS_REGION or a region in your AWS profile";
        }
        return message;
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
