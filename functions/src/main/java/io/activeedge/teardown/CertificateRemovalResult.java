package io.activeedge.teardown;

import java.util.List;

/**
 * The application's certificates on their way out. A certificate still in use (CloudFront or API Gateway
 * release it a few minutes after their own deletion) is tried again after a wait, until the deadline.
 *
 * @param deleted           certificates deleted so far, e.g. "us-east-1 arn:aws:acm:... (example.com, www.example.com)"
 * @param kept              certificates found but left in place, with the reason
 * @param inUse             certificates still in use, with what uses them; tried again after a wait
 * @param validationRecords the DNS validation CNAMEs the deleted certificates used (removed later, unless
 *                          another certificate still needs them)
 * @param done              true when nothing is left to wait for
 */
public record CertificateRemovalResult(List<String> deleted, List<String> kept, List<String> inUse,
                                 List<ValidationRecord> validationRecords, boolean done) {

    /** A DNS validation CNAME: its name (lower case, trailing dot) and value. */
    public record ValidationRecord(String name, String value) {
    }
}
