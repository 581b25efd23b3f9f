package io.activeedge.routing.healthchecks;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.input.AppSpec;
import io.activeedge.input.RegionSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.route53.model.CloudWatchRegion;

/**
 * Before anything is created: with {@code failover.dataPlane} on, every alarm the input lists must be one that a
 * Route 53 CLOUDWATCH_METRIC health check can follow ({@link AlarmChecks}). Reads the alarms (DescribeAlarms by
 * name), changes nothing. The first alarm that cannot is an {@link InvalidInputException} naming
 * {@code regions[i].alarms[j]} and why.
 */
public final class DataPlaneAlarms {
    private static final Logger LOG = LoggerFactory.getLogger(DataPlaneAlarms.class);
    /**
     * Children of a calculated check: at most 256 (HealthCheckConfig.ChildHealthChecks, "Maximum number of 256
     * items", https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html); the gate's
     * endpoint and switch take two.
     */
    public static final int MAX_ALARMS_PER_REGION = 256 - 2;
    /**
     * Statistics a check can follow. https://docs.aws.amazon.com/Route53/latest/APIReference/API_AlarmIdentifier.html
     * (Name): "Route 53 supports CloudWatch alarms with the following features: Standard-resolution metrics.
     * High-resolution metrics aren't supported. [...] Statistics: Average, Minimum, Maximum, Sum, and SampleCount.
     * Extended statistics aren't supported."
     */
    static final Set<String> STATISTICS = Set.of("Average", "Minimum", "Maximum", "Sum", "SampleCount");
    /**
     * The shortest period of a standard-resolution alarm: "If you set an alarm on a high-resolution metric, you can
     * specify a high-resolution alarm with a period of 10 seconds or 30 seconds"
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html, high-resolution
     * alarms). An alarm on a high-resolution metric with a period of 60 s or more cannot be told apart here.
     */
    static final int MIN_STANDARD_PERIOD = 60;
    /**
     * The alarm's name becomes the value of tag {@code active-edge:alarm} on its check: the characters Route 53
     * documents for tags
     * (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-tagging.html#health-checks-tagging-restrictions).
     */
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html: AlarmNames "Array
    // Members: Maximum number of 100 items."
    static final int NAMES_PER_CALL = 100;

    private final RegionalClients<CloudWatchClient> cloudWatch;

    public DataPlaneAlarms(RegionalClients<CloudWatchClient> cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** Checks {@code input} (validated, defaults filled in); does nothing when failover.dataPlane is off. */
    public void check(AppSpec input) {
        if (input.failover() == null || !Boolean.TRUE.equals(input.failover().dataPlane())) {
            return;
        }
        for (int i = 0; i < input.regions().size(); i++) {
            RegionSpec spec = input.regions().get(i);
            List<String> alarms = spec.alarms() == null ? List.of() : spec.alarms();
            if (alarms.isEmpty()) {
                continue;
            }
            String field = "regions[" + i + "].alarms";
            if (alarms.size() > MAX_ALARMS_PER_REGION) {
                throw new InvalidInputException(field, "lists " + alarms.size() + " alarms; with failover.dataPlane"
                        + " each becomes a child of the Region's calculated health check, which takes at most 256"
                        + " children, 2 of them the endpoint and the switch: list at most " + MAX_ALARMS_PER_REGION);
            }
            // https://docs.aws.amazon.com/Route53/latest/APIReference/API_AlarmIdentifier.html (Region): the Regions
            // whose alarms Route 53 can follow, the CloudWatchRegion values of the route53 model.
            if (CloudWatchRegion.fromValue(spec.region()) == CloudWatchRegion.UNKNOWN_TO_SDK_VERSION) {
                throw new InvalidInputException(field, "Route 53 health checks cannot follow CloudWatch alarms in "
                        + spec.region() + "; turn failover.dataPlane off or drop the Region's alarms");
            }
            for (int j = 0; j < alarms.size(); j++) {
                if (!TAG_TEXT.matcher(alarms.get(j)).matches()) {
                    throw new InvalidInputException(field + "[" + j + "]", "'" + alarms.get(j) + "' has characters"
                            + " a Route 53 tag value cannot hold; with failover.dataPlane the alarm's name is a tag of"
                            + " its health check: use letters, digits, spaces and _ . : / = + - @");
                }
            }
            Map<String, Kind> kinds = describe(cloudWatch.in(spec.region()), alarms);
            for (int j = 0; j < alarms.size(); j++) {
                String why = refusal(spec.region(), alarms.get(j), kinds.get(alarms.get(j)));
                if (why != null) {
                    throw new InvalidInputException(field + "[" + j + "]", why);
                }
            }
            LOG.info("data-plane alarms usable", LogContext.region(spec.region()), entry("alarms", alarms));
        }
    }

    /** What a listed alarm is: a metric alarm (with its settings) or a composite one. */
    private record Kind(MetricAlarm metric, boolean composite) {
    }

    private static Map<String, Kind> describe(CloudWatchClient client, List<String> names) {
        Map<String, Kind> kinds = new HashMap<>();
        for (int i = 0; i < names.size(); i += NAMES_PER_CALL) {
            List<String> batch = names.subList(i, Math.min(names.size(), i + NAMES_PER_CALL));
            // Composite alarms too, so that one is refused for what it is, not reported missing.
            for (DescribeAlarmsResponse page : client.describeAlarmsPaginator(r -> r.alarmNames(batch)
                    .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM))) {
                page.metricAlarms().forEach(a -> kinds.put(a.alarmName(), new Kind(a, false)));
                page.compositeAlarms().forEach(a -> kinds.put(a.alarmName(), new Kind(null, true)));
            }
        }
        return kinds;
    }

    /** Why Route 53 cannot follow the alarm, or null when it can. */
    static String refusal(String region, String name, Kind kind) {
        String alarm = "'" + name + "'";
        if (kind == null) {
            return "no CloudWatch alarm named " + alarm + " in " + region + "; with failover.dataPlane each listed"
                    + " alarm backs a Route 53 health check, which needs the alarm to exist first: create it in "
                    + region + " or fix the name";
        }
        if (kind.composite()) {
            // https://docs.aws.amazon.com/Route53/latest/APIReference/API_CloudWatchAlarmConfiguration.html: what
            // Route 53 follows is one metric (MetricName, Namespace, Statistic, Period, all required).
            return alarm + " is a composite alarm; a Route 53 health check follows a metric alarm on one metric:"
                    + " list the metric alarms it combines, or turn failover.dataPlane off";
        }
        MetricAlarm metric = kind.metric();
        if (metric.hasMetrics() && !metric.metrics().isEmpty()) {
            return alarm + " evaluates a metric math expression, several metrics or an anomaly detection band"
                    + " (Metrics); a Route 53 health check follows a metric alarm on one metric with one statistic:"
                    + " use such an alarm, or turn failover.dataPlane off";
        }
        if (metric.extendedStatistic() != null) {
            return alarm + " uses the extended statistic " + metric.extendedStatistic() + "; Route 53 health checks"
                    + " support only " + String.join(", ", STATISTICS.stream().sorted().toList())
                    + ": alarm on one of those, or turn failover.dataPlane off";
        }
        if (metric.statistic() == null || !STATISTICS.contains(metric.statisticAsString())) {
            return alarm + " has no statistic Route 53 health checks support ("
                    + String.join(", ", STATISTICS.stream().sorted().toList()) + ")";
        }
        if (metric.period() != null && metric.period() < MIN_STANDARD_PERIOD) {
            return alarm + " is a high-resolution alarm (period " + metric.period() + " s); Route 53 health checks"
                    + " support standard-resolution alarms only (period of 60 s or more)";
        }
        return null;
    }
}
