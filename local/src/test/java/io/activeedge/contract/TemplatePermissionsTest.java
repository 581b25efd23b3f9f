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
    void validateInputFunction_readsApisAndAlarmsButChangesNothing() {
        Object properties = functions().get("ValidateInputFunction");

        assertThat(allows(properties, "apigateway:GET")).isTrue();
        // failover.dataPlane: the listed alarms, composite ones included (DescribeAlarms shows those only on "*").
        assertThat(statements(properties)).anySatisfy(s -> {
            assertThat(strings(s.get("Action"))).contains("cloudwatch:DescribeAlarms");
            assertThat(strings(s.get("Resource"))).containsExactly("*");
        });
        assertThat(statements(properties)).allSatisfy(s -> assertThat(strings(s.get("Action")))
                .isSubsetOf("apigateway:GET", "cloudwatch:DescribeAlarms"));
    }

    @Test
    void ensureHealthChecksFunction_mayDeleteTheAlarmChecksItNoLongerWants() {
        Object properties = functions().get("EnsureHealthChecksFunction");

        assertThat(statements(properties)).anySatisfy(s -> {
            assertThat(strings(s.get("Action"))).contains("route53:CreateHealthCheck", "route53:ListHealthChecks");
        });
        assertThat(statements(properties)).anySatisfy(s -> {
            assertThat(strings(s.get("Action"))).contains("route53:DeleteHealthCheck", "route53:UpdateHealthCheck");
            assertThat(strings(s.get("Resource"))).allMatch(r -> r.contains(":route53:::healthcheck/"));
        });
        // Alarms are read, never changed, and only alarms.
        assertThat(statements(properties)).filteredOn(s -> strings(s.get("Action")).stream()
                        .anyMatch(a -> a.startsWith("cloudwatch:")))
                .allSatisfy(s -> {
                    assertThat(strings(s.get("Action"))).containsOnly("cloudwatch:DescribeAlarms");
                    assertThat(strings(s.get("Resource"))).allMatch(r -> r.contains(":alarm:"));
                });
    }

    @Test
    void deleteHealthChecksFunction_deletesChecksOnly() {
        Object properties = functions().get("DeleteHealthChecksFunction");

        assertThat(allows(properties, "route53:DeleteHealthCheck")).isTrue();
        assertThat(allows(properties, "route53:ListHealthChecks")).isTrue();
        assertThat(statements(properties)).allSatisfy(s -> assertThat(strings(s.get("Action")))
                .allMatch(a -> a.startsWith("route53:")));
    }
}
