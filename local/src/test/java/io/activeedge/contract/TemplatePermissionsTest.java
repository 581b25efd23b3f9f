package io.activeedge.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.activeedge.local.localcloud.CloudFormationYaml;
import io.activeedge.local.localcloud.Template;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What template.yaml must grant or leave out for a deployment to work in an account, read from the template. */
class TemplatePermissionsTest {
    private static final Path TEMPLATE = Path.of("..", "template.yaml");
    private static Map<String, Object> template;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (Reader in = Files.newBufferedReader(TEMPLATE)) {
            template = (Map<String, Object>) CloudFormationYaml.yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> functions() {
        Map<String, Object> functions = new java.util.LinkedHashMap<>();
        map(template.get("Resources")).forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                functions.put(id, map(map(resource).get("Properties")));
            }
        });
        return functions;
    }

    /** Every policy statement of a function, as maps with Effect, Action and Resource. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object properties) {
        List<Map<String, Object>> out = new ArrayList<>();
        Object policies = map(properties).get("Policies");
        if (policies instanceof List<?> list) {
            for (Object policy : list) {
                if (policy instanceof Map<?, ?> document && document.get("Statement") instanceof List<?> statements) {
                    statements.forEach(s -> out.add((Map<String, Object>) s));
                }
            }
        }
        return out;
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private static boolean allows(Object properties, String action) {
        return statements(properties).stream().anyMatch(s -> strings(s.get("Action")).contains(action));
    }

    @Test
    void functionsThatWriteADistribution_mayReadGlobalWebAcls() {
        List<String> writers = new ArrayList<>();
        functions().forEach((id, properties) -> {
            if (allows(properties, "cloudfront:UpdateDistribution") || allows(properties, "cloudfront:CreateDistribution")) {
                writers.add(id);
                assertThat(statements(properties)).as(id + " sends a WebACLId CloudFront checks the caller can read")
                        .anySatisfy(s -> {
                            assertThat(strings(s.get("Action"))).contains("wafv2:GetWebACL");
                            assertThat(strings(s.get("Resource"))).anyMatch(r -> r.contains(":global/webacl/"));
                        });
            }
        });
        assertThat(writers).contains("EnsureDistributionFunction", "DisableDistributionFunction");
    }

    @Test
    void failoverFunction_reservesConcurrencyOnlyWhenTheParameterSaysSo() {
        functions().forEach((id, properties) -> assertThat(map(properties).get("ReservedConcurrentExecutions"))
                .as(id + ": a literal reservation fails in accounts at the minimum concurrency quota")
                .satisfiesAnyOf(reserved -> assertThat(reserved).isNull(),
                        reserved -> assertThat(reserved).isNotInstanceOf(Number.class)));
        Map<String, Object> parameter = map(map(template.get("Parameters")).get("FailoverReservedConcurrency"));
        assertThat(parameter.get("Default")).isEqualTo(0);
        Object reserved = map(functions().get("FailoverFunction")).get("ReservedConcurrentExecutions");
        assertThat(map(reserved)).containsKey("Fn::If");
        assertThat(strings(map(reserved).get("Fn::If"))).contains("{Ref=AWS::NoValue}");
    }

    @Test
    void validateInputFunction_readsApisAndLoadBalancersButChangesNothing() {
        Object properties = functions().get("ValidateInputFunction");

        assertThat(allows(properties, "apigateway:GET")).isTrue();
        assertThat(allows(properties, "elasticloadbalancing:DescribeLoadBalancers")).isTrue();
        assertThat(allows(properties, "elasticloadbalancing:DescribeListeners")).isTrue();
        assertThat(statements(properties)).allSatisfy(s -> assertThat(strings(s.get("Action")))
                .allMatch(action -> action.equals("apigateway:GET") || action.startsWith("elasticloadbalancing:Describe")));
    }

    /**
     * The load balancer and listener are the user's: provisioning may add a certificate to a listener and teardown
     * take one off, both on Application Load Balancer listeners only; no function may change anything else there.
     */
    @Test
    void loadBalancerOrigins_listenerCertificatesOnlyOnAlbListeners() {
        Map<String, String> writers = Map.of("AttachOriginFunction", "elasticloadbalancing:AddListenerCertificates",
                "DeleteOriginDomainsFunction", "elasticloadbalancing:RemoveListenerCertificates");
        writers.forEach((id, action) -> {
            Object properties = functions().get(id);
            assertThat(statements(properties)).as(id).anySatisfy(s -> {
                assertThat(strings(s.get("Action"))).containsExactly(action);
                assertThat(strings(s.get("Resource"))).singleElement().asString().contains(":listener/app/*");
            });
            for (String read : List.of("DescribeLoadBalancers", "DescribeListeners", "DescribeListenerCertificates")) {
                assertThat(allows(properties, "elasticloadbalancing:" + read)).as(id + " " + read).isTrue();
            }
        });
        assertThat(allows(functions().get("DeleteOriginDomainsFunction"), "acm:ListTagsForCertificate"))
                .as("teardown tells the application's certificates by their tags").isTrue();
        functions().forEach((id, properties) -> statements(properties).forEach(s -> strings(s.get("Action")).stream()
                .filter(a -> a.startsWith("elasticloadbalancing:") && !a.startsWith("elasticloadbalancing:Describe"))
                .forEach(a -> assertThat(a).as(id).isEqualTo(writers.get(id)))));
    }
}
