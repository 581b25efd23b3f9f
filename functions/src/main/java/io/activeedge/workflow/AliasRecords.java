package io.activeedge.workflow;

import java.util.List;

/** The A and AAAA alias records of every CloudFront alias. */
public record AliasRecords(List<RecordChange> records) {
}
