package io.activeedge.provisioning;

/** Whether the distribution is Deployed. */
public record DistributionStatus(boolean deployed, String status) {
}
