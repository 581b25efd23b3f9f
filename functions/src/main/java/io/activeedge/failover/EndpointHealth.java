package io.activeedge.failover;

import io.activeedge.routing.healthchecks.HealthCheckLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;

/**
 * Whether Route 53 holds each endpoint check healthy, the way the latency records see it.
 * <ul>
 *   <li>First the HealthCheckStatus metric, Route 53's own verdict once a minute (1 healthy, 0 unhealthy), published
 *       in us-east-1 only: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html
 *       ("Health check status ... 1 indicates healthy, and 0 indicates unhealthy") and
 *       https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-cloudwatch.html (metrics are in
 *       US East (N. Virginia)). The newest minute's Minimum counts, so a minute with any unhealthy verdict is
 *       unhealthy: the guard then refuses rather than risk draining the last Region.</li>
 *   <li>A check with no datapoint in the last {@link #WINDOW} (new, or metrics not yet published) falls back to
 *       GetHealthCheckStatus and Route 53's more-than-18% rule ({@link HealthCheckLookup#healthy}). That call is "intended
 *       for use during development" (https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetHealthCheckStatus.html),
 *       so it is the fallback only.</li>
 * </ul>
 */
final class EndpointHealth {
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int PERIOD_SECONDS = 60;
    static final String NAMESPACE = "AWS/Route53";
    static final String METRIC = "HealthCheckStatus";
    // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html: "Each GetMetricData
    // request can retrieve up to 500 metrics" (MetricDataQueries: maximum 500 items).
    static final int QUERIES_PER_CALL = 500;

    private final CloudWatchClient usEast1;
    private final Route53Client route53;
    private final Clock clock;

    EndpointHealth(CloudWatchClient usEast1, Route53Client route53, Clock clock) {
        this.usEast1 = usEast1;
        this.route53 = route53;
        this.clock = clock;
    }

    /** Each check's health: true, false, or null when Route 53 has not judged it yet. */
    Map<String, Boolean> of(List<String> checkIds) {
        Map<String, Boolean> health = new HashMap<>();
        if (checkIds.isEmpty()) {
            return health;
        }
        Instant end = clock.instant();
        for (int i = 0; i < checkIds.size(); i += QUERIES_PER_CALL) {
            List<String> batch = checkIds.subList(i, Math.min(checkIds.size(), i + QUERIES_PER_CALL));
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int q = 0; q < batch.size(); q++) {
                String id = batch.get(q);
                queries.add(MetricDataQuery.builder().id("h" + q).returnData(true).metricStat(s -> s
                        .period(PERIOD_SECONDS).stat("Minimum").metric(m -> m.namespace(NAMESPACE).metricName(METRIC)
                                .dimensions(d -> d.name("HealthCheckId").value(id)))).build());
            }
            for (MetricDataResult result : usEast1.getMetricDataPaginator(r -> r.metricDataQueries(queries)
                    .startTime(end.minus(WINDOW)).endTime(end).scanBy(ScanBy.TIMESTAMP_DESCENDING)).metricDataResults()) {
                int q = Integer.parseInt(result.id().substring(1));
                if (!result.values().isEmpty() && !health.containsKey(batch.get(q))) {
                    health.put(batch.get(q), result.values().get(0) >= 1.0);
                }
            }
        }
        for (String id : checkIds) {
            if (!health.containsKey(id)) {
                health.put(id, statusOf(id));
            }
        }
        return health;
    }

    private Boolean statusOf(String id) {
        try {
            var observations = route53.getHealthCheckStatus(r -> r.healthCheckId(id)).healthCheckObservations();
            return observations.isEmpty() ? null : HealthCheckLookup.healthy(observations);
        } catch (NoSuchHealthCheckException e) {
            return false;
        }
    }
}
