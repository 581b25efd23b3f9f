package io.activeedge.provisioning;

import java.util.List;

/** The A and AAAA alias records of every CloudFront alias. */
public record AliasRecordsResult(List<RecordChange> records) {
}
