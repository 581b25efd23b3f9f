package io.activeedge.provisioning;

import java.util.List;

/** Every certificate of the application: the edge one first, then one per Region in input order. */
public record CertificatesResult(List<Certificate> items) {

    public Certificate edge() {
        return items.stream().filter(c -> c.role().equals(io.activeedge.core.Tags.ROLE_EDGE_CERTIFICATE))
                .findFirst().orElseThrow(() -> new IllegalStateException("no edge certificate in the workflow state"));
    }

    public Certificate origin(String region) {
        return items.stream()
                .filter(c -> c.role().equals(io.activeedge.core.Tags.ROLE_ORIGIN_CERTIFICATE) && c.region().equals(region))
                .findFirst().orElseThrow(() -> new IllegalStateException("no origin certificate for " + region));
    }
}
