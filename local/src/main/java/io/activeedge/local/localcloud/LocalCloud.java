package io.activeedge.local.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The whole local cloud: the Lambda endpoint, moto behind it, the template's state machines created in moto
 * from the real definition files, and a CloudFormation stack whose outputs name them as a deployed stack's do.
 * While it runs, SDK clients built in this JVM talk to moto.
 */
public final class LocalCloud implements AutoCloseable {

    /**
     * The stack the local cloud creates with the template's outputs: the name README's deploy section suggests,
     * so that {@code --aws} finds the local cloud's stack as it finds a deployed one.
     */
    public static final String STACK_NAME = "active-edge";

    /** Role the state machines are created with; moto does not check it. */
    static final String ROLE_ARN = "arn:aws:iam::" + Template.ACCOUNT + ":role/active-edge-local";

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final Map<String, String> CLIENT_PROPERTIES = Map.of(
            "aws.accessKeyId", "test",
            "aws.secretAccessKey", "test",
            "aws.region", Template.REGION,
            "aws.ignoreConfiguredEndpointUrls", "false");

    private final Template template;
    private final LambdaEndpoint lambda;
    private final MotoServer moto;
    private final Map<String, String> stateMachineArns;
    private final Map<String, String> previousProperties;

    private LocalCloud(Template template, LambdaEndpoint lambda, MotoServer moto,
                       Map<String, String> stateMachineArns, Map<String, String> previousProperties) {
        this.template = template;
        this.lambda = lambda;
        this.moto = moto;
        this.stateMachineArns = stateMachineArns;
        this.previousProperties = previousProperties;
    }

    /** Starts on free ports except {@code motoPort} when not 0; logs go to .active-edge/ under the repository. */
    public static LocalCloud start(Path repoRoot, int motoPort) {
        return start(repoRoot, motoPort, CloudOptions.DEFAULT);
    }

    /** {@link #start(Path, int)} with an emulator as faulty as {@code options} say. */
    public static LocalCloud start(Path repoRoot, int motoPort, CloudOptions options) {
        return start(repoRoot, motoPort, repoRoot.resolve(".active-edge"), System.out, options);
    }

    /**
     * @param logDir      where moto's log (moto.log) is written
     * @param functionLog where the functions' LambdaLogger lines go
     */
    public static LocalCloud start(Path repoRoot, int motoPort, Path logDir, PrintStream functionLog) {
        return start(repoRoot, motoPort, logDir, functionLog, CloudOptions.DEFAULT);
    }

    /** {@link #start(Path, int, Path, PrintStream)} with an emulator as strict and as faulty as {@code options} say. */
    public static LocalCloud start(Path repoRoot, int motoPort, Path logDir, PrintStream functionLog,
                                   CloudOptions options) {
        Template template = Template.load(repoRoot);
        // Fail on a definition the local cloud cannot fill before starting anything.
        Map<String, String> definitions = new LinkedHashMap<>();
        template.stateMachines().values().forEach(machine -> definitions.put(machine.logicalId(), template.definition(machine)));

        LambdaEndpoint lambda = LambdaEndpoint.start(template, 0, functionLog);
        MotoServer moto = null;
        Map<String, String> previous = new HashMap<>();
        try {
            moto = MotoServer.start(motoPort, lambda.port(), logDir.resolve("moto.log"), options);
            Map<String, String> properties = new HashMap<>(CLIENT_PROPERTIES);
            properties.put("aws.endpointUrl", moto.url());
            properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
            Map<String, String> arns = createStateMachines(template, definitions, moto.url());
            createStack(template, arns, moto.url());
            return new LocalCloud(template, lambda, moto, arns, previous);
        } catch (RuntimeException e) {
            restore(previous);
            if (moto != null) {
                moto.close();
            }
            lambda.close();
            throw e;
        }
    }

    private static Map<String, String> createStateMachines(Template template, Map<String, String> definitions, String endpoint) {
        Map<String, String> arns = new LinkedHashMap<>();
        try (SfnClient sfn = LocalClients.sfn(endpoint)) {
            for (Template.StateMachine machine : template.stateMachines().values()) {
                try {
                    arns.put(machine.logicalId(), sfn.createStateMachine(r -> r.name(machine.name())
                            .definition(definitions.get(machine.logicalId())).roleArn(ROLE_ARN)).stateMachineArn());
                } catch (RuntimeException e) {
                    throw new LocalCloudException("moto rejected " + machine.definitionUri() + " (" + machine.logicalId()
                            + "): " + e.getMessage(), e);
                }
            }
        }
        return arns;
    }

    /**
     * The stack {@code sam deploy} would make, as far as the commands read it: {@link #STACK_NAME}
     * in {@link Template#REGION} with the template's Outputs, valued for the local cloud. Its only resource is a
     * no-op (moto's CloudFormation cannot build the SAM resources; the local cloud made them already).
     */
    private static void createStack(Template template, Map<String, String> stateMachineArns, String endpoint) {
        ObjectNode body = JSON.createObjectNode().put("AWSTemplateFormatVersion", "2010-09-09")
                .put("Description", "active-edge local cloud: the outputs of " + template);
        body.putObject("Resources").putObject("LocalCloud").put("Type", "AWS::CloudFormation::WaitConditionHandle");
        ObjectNode outputs = JSON.createObjectNode();
        template.outputs().values().forEach(output -> {
            ObjectNode node = outputs.putObject(output.key()).put("Value", template.localValue(output, stateMachineArns));
            if (output.description() != null) {
                node.put("Description", output.description());
            }
        });
        if (!outputs.isEmpty()) {
            body.set("Outputs", outputs);
        }
        try (CloudFormationClient cloudFormation = LocalClients.cloudFormation(endpoint)) {
            cloudFormation.createStack(r -> r.stackName(STACK_NAME).templateBody(body.toString()));
        } catch (RuntimeException e) {
            throw new LocalCloudException("moto did not create the stack " + STACK_NAME + ": "
                    + e.getMessage(), e);
        }
    }

    public Template template() {
        return template;
    }

    /** moto: every AWS API the handlers call. */
    public String endpoint() {
        return moto.url();
    }

    public String lambdaEndpoint() {
        return lambda.url();
    }

    public long motoPid() {
        return moto.pid();
    }

    /** State machine ARN by the template's logical id. */
    public Map<String, String> stateMachineArns() {
        return stateMachineArns;
    }

    public String stateMachineArn(String logicalId) {
        String arn = stateMachineArns.get(logicalId);
        if (arn == null) {
            throw new LocalCloudException("template.yaml has no state machine " + logicalId + " with a DefinitionUri");
        }
        return arn;
    }

    @Override
    public void close() {
        try {
            moto.close();
        } finally {
            lambda.close();
            restore(previousProperties);
        }
    }

    private static void restore(Map<String, String> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
