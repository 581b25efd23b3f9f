package io.activeedge.provisioning;

import java.util.List;

/** The DNS validation CNAMEs published for the certificates, de-duplicated by name. */
public record ValidationRecordsResult(String zoneId, List<String> names, String changeId) {
}
