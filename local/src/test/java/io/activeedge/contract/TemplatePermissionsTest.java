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
    void noFunction_reservesConcurrency() {
        // A reservation fails to deploy in accounts at the minimum concurrency quota; the failover FIFO queue
        // serialises decisions instead.
        functions().forEach((id, properties) -> assertThat(map(properties)).as(id)
                .doesNotContainKey("ReservedConcurrentExecutions"));
        assertThat(map(template.get("Parameters"))).doesNotContainKey("FailoverReservedConcurrency");
    }

    /** An SDK call a function makes, the IAM action it needs, and the resource it must be allowed on ("*": none). */
    private record Call(String sdkCall, String action, String resource) {
    }

    private static final String HEALTH_CHECKS = ":route53:::healthcheck/*";
    private static final String HOSTED_ZONES = ":route53:::hostedzone/*";
    private static final String ALARMS = ":cloudwatch:*:${AWS::AccountId}:alarm:*";

    /** What FailoverFunction calls (the reader, the writer, holds and the guard). */
    private static final List<Call> FAILOVER_CALLS = List.of(
            new Call("CloudWatch.describeAlarms", "cloudwatch:DescribeAlarms", "*"),
            new Call("CloudWatch.getMetricData", "cloudwatch:GetMetricData", "*"),
            new Call("CloudWatch.listTagsForResource", "cloudwatch:ListTagsForResource", ALARMS),
            new Call("ResourceGroupsTaggingApi.getResources", "tag:GetResources", "*"),
            new Call("Route53.listHealthChecks", "route53:ListHealthChecks", "*"),
            new Call("Route53.listHostedZonesByName", "route53:ListHostedZonesByName", "*"),
            new Call("Route53.getHealthCheck", "route53:GetHealthCheck", HEALTH_CHECKS),
            new Call("Route53.getHealthCheckStatus", "route53:GetHealthCheckStatus", HEALTH_CHECKS),
            new Call("Route53.updateHealthCheck", "route53:UpdateHealthCheck", HEALTH_CHECKS),
            new Call("Route53.changeTagsForResource", "route53:ChangeTagsForResource", HEALTH_CHECKS),
            new Call("Route53.listTagsForResource", "route53:ListTagsForResource", HEALTH_CHECKS),
            new Call("Route53.listTagsForResources", "route53:ListTagsForResources", HEALTH_CHECKS),
            new Call("Route53.listResourceRecordSets", "route53:ListResourceRecordSets", HOSTED_ZONES));

    /** What AlarmActionFunction calls: one send to the failover queue. */
    private static final List<Call> ALARM_ACTION_CALLS = List.of(
            new Call("Sqs.sendMessage", "sqs:SendMessage", "FailoverQueue"));

    private static void assertAllowed(String function, List<Call> calls) {
        Object properties = functions().get(function);
        assertThat(properties).as(function).isNotNull();
        for (Call call : calls) {
            assertThat(statements(properties)).as(function + " calls " + call.sdkCall() + ": " + call.action()
                    + " on " + call.resource()).anySatisfy(s -> {
                        assertThat(s.get("Effect")).isEqualTo("Allow");
                        assertThat(strings(s.get("Action"))).contains(call.action());
                        assertThat(strings(s.get("Resource"))).anyMatch(r -> r.equals(call.resource())
                                || (!call.resource().equals("*") && r.contains(call.resource())));
                    });
            if (!call.resource().equals("*")) {
                assertThat(statements(properties)).as(function + ": " + call.action() + " takes a resource, so it"
                        + " is never granted on \"*\"").noneSatisfy(s -> {
                            assertThat(strings(s.get("Action"))).contains(call.action());
                            assertThat(strings(s.get("Resource"))).contains("*");
                        });
            }
        }
    }

    @Test
    void failoverFunction_everyCallItMakes_isAllowedOnItsResourceOnly() {
        assertAllowed("FailoverFunction", FAILOVER_CALLS);
    }

    @Test
    void alarmActionFunction_mayOnlySendToTheFailoverQueues() {
        assertAllowed("AlarmActionFunction", ALARM_ACTION_CALLS);
        assertThat(statements(functions().get("AlarmActionFunction")))
                .allSatisfy(s -> assertThat(strings(s.get("Action"))).containsOnly("sqs:SendMessage"));
        Map<String, Object> variables = map(map(map(functions().get("AlarmActionFunction")).get("Environment"))
                .get("Variables"));
        assertThat(variables.get("FAILOVER_QUEUE_URL")).isEqualTo(Map.of("Ref", "FailoverQueue"));
    }

    private static Map<String, Object> resource(String id) {
        Object resource = map(template.get("Resources")).get(id);
        assertThat(resource).as("template.yaml has " + id).isNotNull();
        return map(map(resource).get("Properties"));
    }

    @Test
    void alarmActions_invokeTheIntakeNotTheFailoverFunction() {
        List<Map<String, Object>> permissions = new ArrayList<>();
        map(template.get("Resources")).forEach((id, resource) -> {
            Map<String, Object> properties = map(map(resource).get("Properties") == null ? Map.of()
                    : map(resource).get("Properties"));
            if ("lambda.alarms.cloudwatch.amazonaws.com".equals(properties.get("Principal"))) {
                permissions.add(properties);
            }
        });
        assertThat(permissions).singleElement()
                .satisfies(p -> assertThat(p.get("FunctionName")).isEqualTo(Map.of("Ref", "AlarmActionFunction.Alias")));
    }

    @Test
    void alarmStateChanges_goIntoTheFifoQueueInTheIntakesMessageGroup() {
        Map<String, Object> queue = resource("FailoverQueue");
        assertThat(queue).containsEntry("FifoQueue", true).containsEntry("ContentBasedDeduplication", true)
                .containsEntry("SqsManagedSseEnabled", true);
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertThat(redrive.get("deadLetterTargetArn")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailoverQueueDeadLetters", "Arn")));
        assertThat(resource("FailoverQueueDeadLetters")).containsEntry("FifoQueue", true);

        Map<String, Object> rule = resource("FailoverAlarmStateChangeRule");
        assertThat(strings(map(map(map(rule.get("EventPattern")).get("detail")).get("state")).get("value")))
                .containsExactlyInAnyOrder("ALARM", "OK", "INSUFFICIENT_DATA");
        @SuppressWarnings("unchecked")
        Map<String, Object> target = map(((List<Object>) rule.get("Targets")).get(0));
        assertThat(target.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("FailoverQueue", "Arn")));
        assertThat(map(target.get("SqsParameters")).get("MessageGroupId"))
                .isEqualTo(io.activeedge.failover.AlarmActionIntake.MESSAGE_GROUP);

        Map<String, Object> events = map(map(functions().get("FailoverFunction")).get("Events"));
        assertThat(events.values()).singleElement().satisfies(event -> {
            assertThat(map(event).get("Type")).isEqualTo("SQS");
            assertThat(map(map(event).get("Properties")).get("Queue"))
                    .isEqualTo(Map.of("Fn::GetAtt", List.of("FailoverQueue", "Arn")));
        });
    }

    @Test
    void schedule_runsTheFailoverFunctionEveryMinuteByDefault() {
        assertThat(map(map(template.get("Parameters")).get("FailoverScheduleExpression")).get("Default"))
                .isEqualTo("rate(1 minute)");
        Map<String, Object> rule = resource("FailoverScheduleRule");
        assertThat(rule.get("ScheduleExpression")).isEqualTo(Map.of("Ref", "FailoverScheduleExpression"));
        @SuppressWarnings("unchecked")
        Map<String, Object> target = map(((List<Object>) rule.get("Targets")).get(0));
        assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", "FailoverFunction.Alias"));
        assertThat(resource("FailoverSchedulePermission")).containsEntry("Principal", "events.amazonaws.com");
    }

    @Test
    void failoverQueuesAndFunctions_eachHaveAnAlarmThatNotifiesTheAlertsTopic() {
        Map<String, Object> watched = new java.util.LinkedHashMap<>();
        map(template.get("Resources")).forEach((id, resource) -> {
            if ("AWS::CloudWatch::Alarm".equals(map(resource).get("Type"))) {
                Map<String, Object> alarm = map(map(resource).get("Properties"));
                assertThat(strings(alarm.get("AlarmActions"))).as(id).contains("{Ref=FailoverAlertsTopic}");
                assertThat(alarm.get("TreatMissingData")).as(id).isEqualTo("notBreaching");
                Map<String, Object> dimension = map(((List<?>) alarm.get("Dimensions")).get(0));
                watched.put(String.valueOf(dimension.get("Value")), alarm.get("MetricName"));
            }
        });
        assertThat(watched).containsEntry("{Fn::GetAtt=[FailoverUndeliveredEvents, QueueName]}", "ApproximateNumberOfMessagesVisible")
                .containsEntry("{Fn::GetAtt=[FailoverFailedEvents, QueueName]}", "ApproximateNumberOfMessagesVisible")
                .containsEntry("{Fn::GetAtt=[FailoverQueueDeadLetters, QueueName]}", "ApproximateNumberOfMessagesVisible")
                .containsEntry("{Ref=FailoverFunction}", "Errors")
                .containsEntry("{Ref=AlarmActionFunction}", "Errors");
        assertThat(map(template.get("Outputs"))).containsKeys("FailoverAlertsTopicArn", "AlarmActionFunctionArn",
                "FailoverFunctionArn");
    }

    @Test
    void validateInputFunction_readsApisLoadBalancersAndAlarmsButChangesNothing() {
        Object properties = functions().get("ValidateInputFunction");

        assertThat(allows(properties, "apigateway:GET")).isTrue();
        assertThat(allows(properties, "elasticloadbalancing:DescribeLoadBalancers")).isTrue();
        assertThat(allows(properties, "elasticloadbalancing:DescribeListeners")).isTrue();
        // failover.dataPlane: the listed alarms, composite ones included (DescribeAlarms shows those only on "*").
        assertThat(statements(properties)).anySatisfy(s -> {
            assertThat(strings(s.get("Action"))).contains("cloudwatch:DescribeAlarms");
            assertThat(strings(s.get("Resource"))).containsExactly("*");
        });
        assertThat(statements(properties)).allSatisfy(s -> assertThat(strings(s.get("Action")))
                .isSubsetOf("apigateway:GET", "cloudwatch:DescribeAlarms", "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeListeners"));
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
