package io.activeedge.failover;

import io.activeedge.core.LogContext;
import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Failover metrics as CloudWatch embedded metric format lines (Powertools), flushed with the invocation that
 * counted them. The namespace comes from POWERTOOLS_METRICS_NAMESPACE.
 */
final class PowertoolsFailoverMetrics implements FailoverMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(PowertoolsFailoverMetrics.class);
    static final String DEFAULT_NAMESPACE = "ActiveEdge";

    private Metrics metrics;

    @Override
    public void count(String metric, String app, String region) {
        try {
            Metrics m = metrics();
            m.addDimension(DimensionSet.of(APP, app, REGION, region));
            m.addMetric(metric, 1, MetricUnit.COUNT);
            m.flush();
        } catch (RuntimeException e) {
            // The decision is already applied; a metric that cannot be written must not undo or repeat it.
            LOG.warn("metric not written", entry("metric", metric), LogContext.app(app), LogContext.region(region),
                    entry("error", e.toString()), e);
        }
    }

    private synchronized Metrics metrics() {
        if (metrics == null) {
            metrics = MetricsFactory.getMetricsInstance();
            String namespace = System.getenv("POWERTOOLS_METRICS_NAMESPACE");
            if (namespace == null || namespace.isBlank()) {
                metrics.setNamespace(DEFAULT_NAMESPACE);
            }
        }
        return metrics;
    }
}
