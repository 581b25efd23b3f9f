package io.activeedge.workflow;

/** Whether the distribution is Deployed. */
public record DistributionStatus(boolean deployed, String status) {
}
