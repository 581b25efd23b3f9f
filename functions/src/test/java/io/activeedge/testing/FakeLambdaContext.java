package io.activeedge.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The context the Lambda runtime passes to one invocation of {@code function}; Powertools logs its fields. */
public record FakeLambdaContext(String function, String requestId, String account, int remainingMillis)
        implements Context {

    public FakeLambdaContext(String function, String requestId) {
        this(function, requestId, "123456789012", 30_000);
    }

    /** An invocation of a function in another account than the test's alarms. */
    public static FakeLambdaContext inAccount(String account) {
        return new FakeLambdaContext("failover", "req-1", account, 30_000);
    }

    /** An invocation with this little time left. */
    public static FakeLambdaContext withRemaining(int millis) {
        return new FakeLambdaContext("failover", "req-1", "123456789012", millis);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
        return "2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef";
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:" + account + ":function:" + function;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return remainingMillis;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.println(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }
}
