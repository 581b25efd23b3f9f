package io.activeedge.teardown;

import io.activeedge.provisioning.HostedZone;
import java.util.List;

/**
 * Where the application's resources can be: its hosted zone (null when there is none, so there are no
 * records to remove) and the Regions to search, sorted: those of the input, those its health checks are
 * tagged with, and us-east-1 (the edge certificate's Region).
 */
public record TeardownScope(HostedZone zone, List<String> regions) {

    /** The Regions to search; none when the scope names none. */
    public List<String> regionsToSearch() {
        return regions == null ? List.of() : regions;
    }
}
