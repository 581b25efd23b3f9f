package io.activeedge.input;

/**
 * Poll intervals and deadlines, counted from the start of the execution.
 *
 * @param certificatePollSeconds      wait between certificate status checks
 * @param certificateTimeoutMinutes   fail when certificates are not issued by then
 * @param distributionPollSeconds     wait between distribution status checks
 * @param distributionTimeoutMinutes  fail when the distribution is not Deployed by then
 */
public record TimingSpec(
        Integer certificatePollSeconds,
        Integer certificateTimeoutMinutes,
        Integer distributionPollSeconds,
        Integer distributionTimeoutMinutes) {
}
