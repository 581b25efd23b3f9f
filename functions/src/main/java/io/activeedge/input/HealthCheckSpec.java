package io.activeedge.input;

/**
 * @param path                   HTTPS path probed on each Region's own endpoint, starting with /
 * @param requestIntervalSeconds 10 or 30
 * @param failureThreshold       1 to 10 consecutive failures before unhealthy
 * @param port                   HTTPS port (default 443)
 */
public record HealthCheckSpec(String path, Integer requestIntervalSeconds, Integer failureThreshold, Integer port) {
}
