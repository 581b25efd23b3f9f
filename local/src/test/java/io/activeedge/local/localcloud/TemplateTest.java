package io.activeedge.local.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.activeedge.local.target.StackResource;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {

    static Path fixture() {
        try {
            return Path.of(TemplateTest.class.getResource("/fixture/template.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void load_fixture_readsEveryFunctionWithItsHandlerClass() {
        Template template = Template.load(fixture());

        assertEquals(List.of("EchoFunction", "CertificatesFunction"), List.copyOf(template.functions().keySet()));
        Template.Function echo = template.functions().get("EchoFunction");
        assertEquals("io.activeedge.local.fixture.EchoHandler", echo.handlerClass());
        assertEquals("fixture-echo", echo.functionName());
        assertEquals(30, echo.timeoutSeconds());
        assertEquals(1024, echo.memoryMb());
        Template.Function certificates = template.functions().get("CertificatesFunction");
        assertNull(certificates.functionName(), "a FunctionName built with !Sub is not a name the local cloud can know");
        assertEquals(10, certificates.timeoutSeconds());
    }

    @Test
    void yaml_shortTags_readAsIntrinsicFunctions() {
        Object parsed = CloudFormationYaml.yaml().load("""
                a: !Ref Thing
                b: !GetAtt Thing.Arn
                c: !Join ["", [!Ref "AWS::Region", !Sub "x-${Stage}"]]
                d: !If [IsProd, !GetAtt [Other, Arn], !Ref "AWS::NoValue"]
                e: !Base64
                  Fn::Sub: text
                """);

        assertEquals(Map.of(
                "a", Map.of("Ref", "Thing"),
                "b", Map.of("Fn::GetAtt", List.of("Thing", "Arn")),
                "c", Map.of("Fn::Join", List.of("", List.of(Map.of("Ref", "AWS::Region"), Map.of("Fn::Sub", "x-${Stage}")))),
                "d", Map.of("Fn::If", List.of("IsProd", Map.of("Fn::GetAtt", List.of("Other", "Arn")), Map.of("Ref", "AWS::NoValue"))),
                "e", Map.of("Fn::Base64", Map.of("Fn::Sub", "text"))), parsed);
    }

    @Test
    void stateMachines_fixture_areNamedAfterTheirLogicalId() {
        Template template = Template.load(fixture());

        Template.StateMachine machine = template.stateMachines().get("FixtureStateMachine");
        assertEquals("statemachine/fixture.asl.json", machine.definitionUri());
        assertEquals("active-edge-fixture", machine.name());
        assertEquals("active-edge-provision", new Template.StateMachine("ProvisionStateMachine", "x", Map.of()).name());
        assertEquals("active-edge-regional-failover",
                new Template.StateMachine("RegionalFailoverStateMachine", "x", Map.of()).name());
    }

    @Test
    void definition_functionSubstitutions_becomeLocalFunctionArns() {
        Template template = Template.load(fixture());

        String definition = template.definition(template.stateMachines().get("FixtureStateMachine"));

        assertTrue(definition.contains("\"arn:aws:lambda:us-east-1:123456789012:function:EchoFunction\""), definition);
        assertTrue(definition.contains("\"arn:aws:lambda:us-east-1:123456789012:function:CertificatesFunction\""), definition);
        assertTrue(definition.contains("\"hello: echo the input"), definition);
        assertFalse(definition.contains("${"), definition);
    }

    @Test
    void definition_placeholderNotForAFunction_failsNamingEachOne(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("template.yaml"), """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                  OneFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.One::handleRequest
                  ProvisionStateMachine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: machine.asl.json
                      DefinitionSubstitutions:
                        OneArn: !Ref OneFunction
                        TopicArn: !Ref Topic
                """);
        Files.writeString(root.resolve("machine.asl.json"),
                "{\"a\": \"${OneArn}\", \"b\": \"${TopicArn}\", \"c\": \"${Missing}\"}");
        Template template = Template.load(root);

        LocalCloudException e = assertThrows(LocalCloudException.class,
                () -> template.definition(template.stateMachines().get("ProvisionStateMachine")));

        assertTrue(e.getMessage().contains("${TopicArn} maps to {Ref=Topic}"), e.getMessage());
        assertTrue(e.getMessage().contains("${Missing} is not in DefinitionSubstitutions"), e.getMessage());
        assertFalse(e.getMessage().contains("OneArn"), e.getMessage());
    }

    @Test
    void findFunction_namesLambdaAccepts_findTheTemplateFunction() {
        Template template = Template.load(fixture());

        for (String name : List.of("EchoFunction", "fixture-echo",
                "arn:aws:lambda:us-east-1:123456789012:function:EchoFunction",
                "arn:aws:lambda:us-east-1:123456789012:function:EchoFunction:live",
                "123456789012:function:fixture-echo", "EchoFunction:live")) {
            assertEquals("EchoFunction", template.findFunction(name).map(Template.Function::logicalId).orElse(null), name);
        }
        assertTrue(template.findFunction("NoSuchFunction").isEmpty());
    }

    @Test
    void localValue_projectTemplatesOutputs_nameTheLocalStateMachinesAndFunctions() {
        Template template = Template.load(Path.of("..").toAbsolutePath().normalize());
        Map<String, String> machines = Map.of("ProvisionStateMachine", "arn:aws:states:us-east-1:123456789012:stateMachine:p",
                "TeardownStateMachine", "arn:aws:states:us-east-1:123456789012:stateMachine:t");

        Map<String, Template.Output> outputs = template.outputs();

        assertTrue(outputs.keySet().containsAll(List.of("ProvisionStateMachineArn", "FailoverFunctionArn")),
                outputs.keySet().toString());
        for (StackResource resource : StackResource.values()) {
            if (outputs.containsKey(resource.outputKey())) {
                String value = template.localValue(outputs.get(resource.outputKey()), machines);
                assertTrue(value.startsWith("arn:aws:"), resource + " " + value);
            }
        }
        assertEquals(machines.get("ProvisionStateMachine"),
                template.localValue(outputs.get("ProvisionStateMachineArn"), machines));
        assertEquals("arn:aws:lambda:us-east-1:123456789012:function:FailoverFunction:live",
                template.localValue(outputs.get("FailoverFunctionArn"), machines));
        assertEquals("not on the local cloud (FailoverFailedEventsQueueUrl)",
                template.localValue(outputs.get("FailoverFailedEventsQueueUrl"), machines));
    }

    @Test
    void localValue_literalsAndFunctionReferences_areResolved(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("template.yaml"), """
                Resources:
                  OneFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.One::handleRequest
                Outputs:
                  Plain:
                    Value: hello
                  ById:
                    Value: !Ref OneFunction
                  ByArn:
                    Value: !GetAtt OneFunction.Arn
                  ByAliasId:
                    Value: !Ref OneFunctionAliasblue
                  Missing:
                    Value: !Ref NoSuchMachine
                """);
        Template template = Template.load(root);

        Map<String, String> values = new java.util.LinkedHashMap<>();
        template.outputs().forEach((key, output) -> values.put(key, template.localValue(output, Map.of())));

        String arn = "arn:aws:lambda:us-east-1:123456789012:function:OneFunction";
        assertEquals(Map.of("Plain", "hello", "ById", arn, "ByArn", arn, "ByAliasId", arn + ":blue",
                "Missing", "not on the local cloud (Missing)"), values);
    }

    @Test
    void load_noTemplate_saysWhereItLooked(@TempDir Path root) {
        LocalCloudException e = assertThrows(LocalCloudException.class, () -> Template.load(root));

        assertTrue(e.getMessage().contains("no template.yaml in " + root), e.getMessage());
    }
}
