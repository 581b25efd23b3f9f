package io.activeedge.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.activeedge.core.Json;
import java.io.IOException;

/**
 * Reads the action a failover result took in a Region. The function answers {@code {"decisions":[...]}}, one
 * decision a Region; an older one answered a single decision object. Both are read.
 */
final class Decisions {

    private Decisions() {
    }

    /** The action of the decision for {@code region} (else the first decision's), or null. */
    static String action(String output, String region) {
        JsonNode result;
        try {
            result = Json.MAPPER.readTree(output);
        } catch (IOException e) {
            return null;
        }
        JsonNode decisions = result.path("decisions");
        if (!decisions.isArray()) {
            return result.path("action").isTextual() ? result.path("action").asText() : null;
        }
        JsonNode chosen = null;
        for (JsonNode decision : decisions) {
            if (region.equals(decision.path("region").asText())) {
                chosen = decision;
                break;
            }
            if (chosen == null) {
                chosen = decision;
            }
        }
        return chosen == null || !chosen.path("action").isTextual() ? null : chosen.path("action").asText();
    }
}
