package io.activeedge.local.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.core.Tags;
import io.activeedge.failover.AlarmChange;
import io.activeedge.failover.FailoverEvent;
import io.activeedge.failover.FailoverDecision.Action;
import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.CommandException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * A failover drill in one Region: puts an alarm of the application into ALARM (or OK) and hands the failover
 * function the event EventBridge delivers for that change, a "CloudWatch Alarm State Change". The alarm is one
 * that provisioning marked ({@code regions[].alarms} of the input).
 */
public final class AlarmDrill {
    public static final String FUNCTION = "FailoverFunction";
    /** CloudWatch's timestamps in alarm events: 2026-11-24T01:02:03.456+0000. */
    public static final DateTimeFormatter STATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    /** EventBridge's event time: 2026-11-24T01:02:04Z. */
    public static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<String> STATES = Set.of(AlarmChange.OK, AlarmChange.ALARM, AlarmChange.INSUFFICIENT_DATA);
    private static final ObjectMapper JSON = Json.MAPPER;

    /** Invokes the failover function with an event ({@link Cloud#invoke} on the cloud's failover function). */
    @FunctionalInterface
    public interface Lambda {
        Cloud.Invocation invoke(byte[] event);
    }

    /** An alarm of the application: its ARN, the account it names, and its definition for the event. */
    public record Alarm(String name, String arn, String region, String account, MetricAlarm definition) {
    }

    /** What one drill did: the alarm it set, the event it sent and what the function decided. */
    public record Outcome(Alarm alarm, String state, JsonNode event, FailoverDecision decision) {
        /**
         * The Region's switch is as the alarm wants it after the decision: drained for ALARM, serving for OK (it may
         * have been so already, for instance because EventBridge delivered the change to the function first in an
         * AWS account). Not so when the drain was refused, or a hold or flap damping keeps the Region drained.
         */
        public boolean applied() {
            String wanted = AlarmChange.ALARM.equals(state) ? FailoverDecision.DRAINED : FailoverDecision.SERVING;
            return !Action.REFUSED.name().equals(decision.action()) && wanted.equals(decision.after());
        }
    }

    private final CloudWatchClient cloudWatch;
    private final String region;
    private final Lambda lambda;
    private final Clock clock;

    /** @param cloudWatch a client for the Region to drill */
    public AlarmDrill(CloudWatchClient cloudWatch, Lambda lambda, Clock clock) {
        this.cloudWatch = cloudWatch;
        this.region = cloudWatch.serviceClientConfiguration().region().id();
        this.lambda = lambda;
        this.clock = clock;
    }

    /** Sets an alarm of {@code app} in this Region to {@code state} (ALARM or OK) and sends the function its event. */
    public Outcome run(String app, String state) {
        Alarm alarm = find(app);
        String reason = "active-edge drill: set to " + state + " by ./active-edge "
                + (AlarmChange.ALARM.equals(state) ? "failover" : "recover");
        cloudWatch.setAlarmState(r -> r.alarmName(alarm.name()).stateValue(state).stateReason(reason));
        JsonNode event = event(alarm, state, reason, stateTimestamp(alarm).orElseGet(clock::instant));
        return new Outcome(alarm, state, event, send(event));
    }

    /**
     * When the alarm entered its state, as CloudWatch recorded it: the timestamp of the event EventBridge
     * delivers for the change, so the function takes this event and that one as one change.
     */
    private Optional<Instant> stateTimestamp(Alarm alarm) {
        return cloudWatch.describeAlarms(r -> r.alarmNames(alarm.name()).alarmTypes(AlarmType.METRIC_ALARM))
                .metricAlarms().stream().map(MetricAlarm::stateUpdatedTimestamp).filter(Objects::nonNull).findFirst();
    }

    /** The application's alarm in this Region (the first by name when it has several). */
    public Alarm find(String app) {
        List<MetricAlarm> alarms = new ArrayList<>();
        cloudWatch.describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.METRIC_ALARM)).metricAlarms()
                .forEach(alarms::add);
        alarms.sort(Comparator.comparing(MetricAlarm::alarmName));
        for (MetricAlarm alarm : alarms) {
            Map<String, String> tags = new HashMap<>();
            cloudWatch.listTagsForResource(r -> r.resourceARN(alarm.alarmArn())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            if (app.equals(tags.get(Tags.APP)) && region.equals(tags.get(Tags.REGION))) {
                String[] arn = alarm.alarmArn().split(":", 7);
                return new Alarm(alarm.alarmName(), alarm.alarmArn(), region, arn.length > 4 ? arn[4] : "", alarm);
            }
        }
        throw new CommandException("app " + app + " has no alarm in " + region + ": list the Region's alarms under"
                + " regions[].alarms of the input (\"region\": \"" + region + "\", \"alarms\": [\"NAME\"]) and"
                + " provision again, which tags them " + Tags.APP + "=" + app + " and " + Tags.REGION + "=" + region);
    }

    /**
     * The event EventBridge delivers when {@code alarm} enters {@code state} at {@code at}, coming from the
     * state the alarm held when it was found (or from the other of ALARM and OK when it already was in
     * {@code state}).
     */
    public JsonNode event(Alarm alarm, String state, String reason, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MILLIS);
        MetricAlarm before = alarm.definition();
        String held = before.stateValueAsString();
        String previous = held != null && !held.equals(state) && STATES.contains(held) ? held
                : AlarmChange.ALARM.equals(state) ? AlarmChange.OK : AlarmChange.ALARM;
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", FailoverEvent.DETAIL_TYPE)
                .put("source", "aws.cloudwatch")
                .put("account", alarm.account())
                .put("time", EVENT_TIME.format(when))
                .put("region", alarm.region());
        event.putArray("resources").add(alarm.arn());
        ObjectNode detail = event.putObject("detail");
        detail.put("alarmName", alarm.name());
        detail.putObject("state").put("value", state).put("reason", reason).put("timestamp", STATE_TIME.format(when));
        ObjectNode previousState = detail.putObject("previousState").put("value", previous);
        if (previous.equals(held)) {
            previousState.put("reason", before.stateReason());
            if (before.stateUpdatedTimestamp() != null) {
                previousState.put("timestamp", STATE_TIME.format(before.stateUpdatedTimestamp()));
            }
        }
        configuration(detail.putObject("configuration"), alarm.definition());
        return event;
    }

    /**
     * Invokes the failover function with {@code event} and returns its decision for the event's Region (the function
     * answers with one decision per Region it reconciled).
     */
    public FailoverDecision send(JsonNode event) {
        return decisionFor(lambda.invoke(event.toString().getBytes(StandardCharsets.UTF_8)),
                event.path("region").asText());
    }

    /**
     * The failover function's decision for {@code region} in its answer ({@code {"decisions": [...]}}, one per
     * Region it reconciled); a failed invocation or an answer without that decision is a {@link CommandException}.
     */
    public static FailoverDecision decisionFor(Cloud.Invocation response, String region) {
        JsonNode body;
        try {
            body = JSON.readTree(response.payload());
        } catch (IOException e) {
            throw new CommandException(FUNCTION + " answered something other than JSON: " + response.payload(), e);
        }
        if (response.failed()) {
            throw new CommandException(FUNCTION + " failed: " + body.path("errorType").asText(response.functionError())
                    + ": " + body.path("errorMessage").asText());
        }
        for (JsonNode decision : body.path("decisions")) {
            if (region.equals(decision.path("region").asText())) {
                try {
                    return JSON.treeToValue(decision, FailoverDecision.class);
                } catch (IOException e) {
                    throw new CommandException(FUNCTION + " answered an unreadable decision: " + decision, e);
                }
            }
        }
        throw new CommandException(FUNCTION + " answered no decision for " + region + ": " + body);
    }

    /** The alarm's description and metrics, as the event's {@code detail.configuration} carries them. */
    private static void configuration(ObjectNode configuration, MetricAlarm alarm) {
        if (alarm.alarmDescription() != null) {
            configuration.put("description", alarm.alarmDescription());
        }
        ArrayNode metrics = configuration.putArray("metrics");
        if (alarm.metricName() != null) {
            ObjectNode stat = metrics.addObject().put("id", "m1").putObject("metricStat");
            ObjectNode metric = stat.putObject("metric").put("namespace", alarm.namespace()).put("name", alarm.metricName());
            ObjectNode dimensions = metric.putObject("dimensions");
            alarm.dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
            stat.put("period", alarm.period() == null ? 60 : alarm.period())
                    .put("stat", alarm.statistic() != null ? alarm.statisticAsString() : alarm.extendedStatistic());
            ((ObjectNode) metrics.get(0)).put("returnData", true);
            return;
        }
        for (MetricDataQuery query : alarm.metrics()) {
            ObjectNode item = metrics.addObject().put("id", query.id());
            if (query.expression() != null) {
                item.put("expression", query.expression());
            }
            if (query.label() != null) {
                item.put("label", query.label());
            }
            if (query.metricStat() != null) {
                ObjectNode stat = item.putObject("metricStat");
                ObjectNode metric = stat.putObject("metric").put("namespace", query.metricStat().metric().namespace())
                        .put("name", query.metricStat().metric().metricName());
                ObjectNode dimensions = metric.putObject("dimensions");
                query.metricStat().metric().dimensions().forEach(d -> dimensions.put(d.name(), d.value()));
                stat.put("period", query.metricStat().period()).put("stat", query.metricStat().stat());
            }
            item.put("returnData", !Boolean.FALSE.equals(query.returnData()));
        }
    }
}
