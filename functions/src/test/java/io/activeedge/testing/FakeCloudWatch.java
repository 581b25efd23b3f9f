package io.activeedge.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceResponse;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceResponse;

/**
 * CloudWatch alarms of one Region in memory: metric and composite alarms with state and tags. Like CloudWatch,
 * DescribeAlarms returns metric alarms only unless composite ones are asked for, and pages its answers.
 */
public final class FakeCloudWatch implements CloudWatchClient {
    public static final String ACCOUNT = "123456789012";

    /** @param since the alarm's StateUpdatedTimestamp */
    public record Alarm(String name, String arn, boolean composite, StateValue state, Instant since) {
    }

    /** When alarms added without a time entered their state. */
    public static final Instant ADDED = Instant.parse("2026-11-24T00:00:00Z");
    /** Route 53's HealthCheckStatus datapoints by health check id, newest first (us-east-1's client only). */
    public final Map<String, List<Double>> healthCheckStatus = new HashMap<>();

    public final String region;
    public final Map<String, Alarm> alarms = new LinkedHashMap<>();
    public final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    public final List<TagResourceRequest> tagged = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    /** The ARNs ListTagsForResource was asked about, in order. */
    public final List<String> tagsRead = new ArrayList<>();
    public int pageSize = 2;
    /**
     * How a metric alarm is made, by name, over the default: one metric (AWS/ApiGateway 5XXError), Sum, 60 s, the
     * kind of alarm a Route 53 health check can follow.
     */
    public final Map<String, Consumer<MetricAlarm.Builder>> shapes = new LinkedHashMap<>();

    public FakeCloudWatch(String region) {
        this.region = region;
    }

    public String arn(String name) {
        return "arn:aws:cloudwatch:" + region + ":" + ACCOUNT + ":alarm:" + name;
    }

    public String add(String name, boolean composite, StateValue state) {
        Alarm alarm = new Alarm(name, arn(name), composite, state, ADDED);
        alarms.put(name, alarm);
        tags.put(alarm.arn(), new LinkedHashMap<>());
        return alarm.arn();
    }

    public void state(String name, StateValue state) {
        state(name, state, alarms.get(name).since());
    }

    public void state(String name, StateValue state, Instant since) {
        Alarm alarm = alarms.get(name);
        alarms.put(name, new Alarm(name, alarm.arn(), alarm.composite(), state, since));
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        calls.add("GetMetricData");
        // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html: at most 500 queries.
        if (request.metricDataQueries().size() > 500) {
            throw InvalidParameterValueException.builder().message("at most 500 MetricDataQueries").build();
        }
        return GetMetricDataResponse.builder().metricDataResults(request.metricDataQueries().stream().map(q -> {
            String id = q.metricStat().metric().dimensions().get(0).value();
            return MetricDataResult.builder().id(q.id()).values(healthCheckStatus.getOrDefault(id, List.of())).build();
        }).toList()).build();
    }

    @Override
    public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
        calls.add("DescribeAlarms");
        // CloudWatch API reference, DescribeAlarms: "AlarmNames ... Array Members: Maximum number of 100 items."
        if (request.hasAlarmNames() && request.alarmNames().size() > 100) {
            throw InvalidParameterValueException.builder().message("AlarmNames: at most 100 names, got "
                    + request.alarmNames().size()).build();
        }
        List<AlarmType> types = request.hasAlarmTypes() ? request.alarmTypes() : List.of(AlarmType.METRIC_ALARM);
        List<Alarm> matching = alarms.values().stream()
                .filter(a -> !request.hasAlarmNames() || request.alarmNames().contains(a.name()))
                .filter(a -> request.stateValue() == null || request.stateValue() == a.state())
                .filter(a -> types.contains(a.composite() ? AlarmType.COMPOSITE_ALARM : AlarmType.METRIC_ALARM))
                .toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(matching.size(), from + pageSize);
        List<Alarm> page = matching.subList(from, to);
        return DescribeAlarmsResponse.builder()
                .metricAlarms(page.stream().filter(a -> !a.composite()).map(this::metricAlarm).toList())
                .compositeAlarms(page.stream().filter(Alarm::composite).map(a -> CompositeAlarm.builder()
                        .alarmName(a.name()).alarmArn(a.arn()).stateValue(a.state()).stateUpdatedTimestamp(a.since())
                        .build()).toList())
                .nextToken(to < matching.size() ? String.valueOf(to) : null)
                .build();
    }

    private MetricAlarm metricAlarm(Alarm alarm) {
        MetricAlarm.Builder builder = MetricAlarm.builder().namespace("AWS/ApiGateway").metricName("5XXError")
                .statistic(Statistic.SUM).period(60).evaluationPeriods(1);
        shapes.getOrDefault(alarm.name(), b -> { }).accept(builder);
        return builder.alarmName(alarm.name()).alarmArn(alarm.arn()).stateValue(alarm.state())
                .stateUpdatedTimestamp(alarm.since()).build();
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
        calls.add("ListTagsForResource");
        tagsRead.add(request.resourceARN());
        Map<String, String> current = tags.get(request.resourceARN());
        if (current == null) {
            throw ResourceNotFoundException.builder().message("Unknown alarm " + request.resourceARN()).build();
        }
        return ListTagsForResourceResponse.builder().tags(current.entrySet().stream()
                .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList()).build();
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        calls.add("TagResource");
        Map<String, String> current = tags.get(request.resourceARN());
        if (current == null) {
            throw ResourceNotFoundException.builder().message("Unknown alarm " + request.resourceARN()).build();
        }
        request.tags().forEach(t -> current.put(t.key(), t.value()));
        tagged.add(request);
        return TagResourceResponse.builder().build();
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        calls.add("UntagResource");
        Map<String, String> current = tags.get(request.resourceARN());
        if (current == null) {
            throw ResourceNotFoundException.builder().message("Unknown alarm " + request.resourceARN()).build();
        }
        request.tagKeys().forEach(current::remove);
        return UntagResourceResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
