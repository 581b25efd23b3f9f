package io.activeedge.routing.zone;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Tags;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.teardown.RemovalResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Lets go of the hosted zone without deleting it: the domain's registrar delegates to the zone's name servers,
 * and a new zone would get other ones, breaking the domain on the next provisioning. A zone provisioning
 * created for the application only loses active-edge's tags, so nothing tagged for the application is left.
 */
public final class HostedZoneReleaser {
    private static final Logger LOG = LoggerFactory.getLogger(HostedZoneReleaser.class);
    static final String DELEGATED = "kept: the domain is delegated to its name servers; active-edge tags removed";

    private final Route53Client route53;

    public HostedZoneReleaser(Route53Client route53) {
        this.route53 = route53;
    }

    /** {@code zone}: the application's hosted zone, null when it has none. */
    public RemovalResult release(AppSpec input, HostedZone zone) {
        if (zone == null) {
            LOG.info("hosted zone none", entry("zone", input.zone()));
            return new RemovalResult(List.of(), List.of());
        }
        Map<String, String> tags = new HashMap<>();
        try {
            tags.putAll(Tags.toMap(route53.listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE)
                    .resourceId(zone.id())).resourceTagSet().tags(), Tag::key, Tag::value));
        } catch (NoSuchHostedZoneException e) {
            LOG.info("hosted zone already gone", entry("zone", zone.name()), entry("id", zone.id()));
            return new RemovalResult(List.of(), List.of());
        }
        String what = zone.name() + " (" + zone.id() + ") ";
        if (Tags.matches(tags, input.app(), Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE)) {
            route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(zone.id())
                    .removeTagKeys(Tags.KEYS));
            LOG.info("hosted zone kept", entry("zone", zone.name()), entry("id", zone.id()),
                    entry("action", "active-edge-tags-removed"), entry("reason", "delegated"));
            return new RemovalResult(List.of(), List.of(what + DELEGATED));
        }
        String owner = tags.get(Tags.APP);
        String reason = owner == null
                ? "kept: not tagged for application " + input.app() + " (created outside active-edge, or released before)"
                : "kept: tagged for application " + owner;
        LOG.info("hosted zone kept", entry("zone", zone.name()), entry("id", zone.id()), entry("owner", owner),
                entry("action", "none"));
        return new RemovalResult(List.of(), List.of(what + reason));
    }
}
