package io.activeedge.provisioning;

import java.util.List;

/** The public hosted zone that holds every record; {@code created} is true when this run made it. */
public record HostedZone(String id, String name, List<String> nameServers, boolean created) {
}
