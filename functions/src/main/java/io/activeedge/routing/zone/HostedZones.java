package io.activeedge.routing.zone;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.errors.HostedZoneConflictException;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.Run;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZoneAlreadyExistsException;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Finds the public hosted zone by name (or the id the input gives), or creates it when provisioning. A zone is
 * tagged for the application only when active-edge created it for that application, as its CallerReference
 * shows; a zone of the user's is used as it is and never tagged.
 */
public final class HostedZones {
    private static final Logger LOG = LoggerFactory.getLogger(HostedZones.class);
    private final Route53Client route53;

    public HostedZones(Route53Client route53) {
        this.route53 = route53;
    }

    /**
     * Finds or creates the zone. The create and the tagging are two calls: when the tagging failed (throttled),
     * the step is retried, finds the zone it created by name (or, while the listing does not show it yet, through
     * Route 53's HostedZoneAlreadyExists for the same CallerReference) and tags it then.
     */
    public HostedZone ensure(AppSpec input, Run run) {
        String reference = callerReference(input.app(), run);
        GetHostedZoneResponse found = lookup(input);
        if (found != null) {
            return adopt(found, input, reference);
        }
        String name = Names.fqdn(input.zone());
        CreateHostedZoneResponse created;
        try {
            created = route53.createHostedZone(r -> r.name(name).callerReference(reference)
                    .hostedZoneConfig(c -> c.comment("active-edge " + input.app())));
        } catch (HostedZoneAlreadyExistsException e) {
            return createdBefore(input, name, reference, e);
        }
        String id = Names.zoneId(created.hostedZone().id());
        tag(input, id);
        List<String> nameServers = created.delegationSet().nameServers();
        LOG.info("hosted zone created", entry("zone", name), entry("id", id), entry("nameServers", nameServers),
                entry("action", "delegate-domain-to-these-name-servers"));
        return new HostedZone(id, name, nameServers, true);
    }

    /** The CallerReference of the zone this execution creates for {@code app}; the same for every retry. */
    static String callerReference(String app, Run run) {
        return callerReferencePrefix(app) + run.id();
    }

    private static String callerReferencePrefix(String app) {
        return "active-edge/" + app + "/";
    }

    /**
     * The found zone; tagged for the application first when active-edge created it for this application (its
     * CallerReference says so) and it carries no application's tags: the tagging after an earlier create failed.
     */
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_HostedZone.html: CallerReference is "The value that
    // you specified for CallerReference when you created the hosted zone."
    private HostedZone adopt(GetHostedZoneResponse zone, AppSpec input, String reference) {
        String id = Names.zoneId(zone.hostedZone().id());
        String name = Names.fqdn(input.zone());
        String zoneReference = zone.hostedZone().callerReference();
        List<String> nameServers = zone.delegationSet() == null ? List.of() : zone.delegationSet().nameServers();
        if (zoneReference == null || !zoneReference.startsWith(callerReferencePrefix(input.app()))) {
            LOG.info("hosted zone found", entry("zone", name), entry("id", id), entry("createdBy", "other"),
                    entry("action", "use-untouched"));
            return new HostedZone(id, name, nameServers, false);
        }
        boolean createdByThisRun = zoneReference.equals(reference);
        Map<String, String> tags = Tags.toMap(route53.listTagsForResource(r -> r
                .resourceType(TagResourceType.HOSTEDZONE).resourceId(id)).resourceTagSet().tags(),
                Tag::key, Tag::value);
        if (tags.get(Tags.APP) == null) {
            tag(input, id);
            LOG.info("hosted zone found", entry("zone", name), entry("id", id),
                    entry("callerReference", zoneReference), entry("action", "tagged"),
                    entry("reason", "created-by-active-edge-for-this-app-but-untagged"));
        } else {
            LOG.info("hosted zone found", entry("zone", name), entry("id", id),
                    entry("callerReference", zoneReference), entry("taggedFor", tags.get(Tags.APP)),
                    entry("action", "none"));
        }
        return new HostedZone(id, name, nameServers, createdByThisRun);
    }

    /**
     * Route 53 refused the create because a zone with this execution's CallerReference exists: an earlier attempt
     * created it and the listing did not show it yet. It is found among the zones with the name by that reference.
     */
    // https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html: HostedZoneAlreadyExists,
    // "Amazon Route 53 returns this error when a hosted zone has already been created with the specified
    // CallerReference."
    private HostedZone createdBefore(AppSpec input, String name, String reference,
                                     HostedZoneAlreadyExistsException e) {
        List<software.amazon.awssdk.services.route53.model.HostedZone> ours = publicZonesNamed(name).stream()
                .filter(z -> reference.equals(z.callerReference())).toList();
        if (ours.size() != 1) {
            LOG.warn("hosted zone already created but not found", entry("zone", name),
                    entry("callerReference", reference), entry("matches", ours.size()));
            throw new HostedZoneConflictException("Route 53 refused to create the hosted zone " + name
                    + " because one was already created with the caller reference " + reference
                    + " (HostedZoneAlreadyExists), but no public zone named " + name + " carries it (it may have been"
                    + " deleted). Start a new execution: it uses a new caller reference.");
        }
        GetHostedZoneResponse zone = route53.getHostedZone(r -> r.id(Names.zoneId(ours.get(0).id())));
        return adopt(zone, input, reference);
    }

    private void tag(AppSpec input, String id) {
        route53.changeTagsForResource(ChangeTagsForResourceRequest.builder()
                .resourceType(TagResourceType.HOSTEDZONE).resourceId(id)
                .addTags(Tags.toList(Tags.of(input.tags(), input.app(), Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE),
                        (key, value) -> Tag.builder().key(key).value(value).build()))
                .build());
    }

    /**
     * The input's zone without creating one: the one {@code hostedZoneId} names, else the one public zone with
     * the input's name; null when there is none.
     */
    public HostedZone find(AppSpec input) {
        GetHostedZoneResponse zone = lookup(input);
        if (zone == null) {
            return null;
        }
        List<String> ns = zone.delegationSet() == null ? List.of() : zone.delegationSet().nameServers();
        return new HostedZone(Names.zoneId(zone.hostedZone().id()), Names.fqdn(input.zone()), ns, false);
    }

    /** The zone {@code hostedZoneId} names, else the one public zone with the input's name; null when none. */
    private GetHostedZoneResponse lookup(AppSpec input) {
        String name = Names.fqdn(input.zone());
        if (input.hostedZoneId() != null) {
            return byId(input.hostedZoneId(), name);
        }
        List<software.amazon.awssdk.services.route53.model.HostedZone> matches = publicZonesNamed(name);
        if (matches.size() > 1) {
            throw new HostedZoneConflictException("There are " + matches.size() + " public hosted zones named " + name
                    + " (" + matches.stream().map(z -> Names.zoneId(z.id())).toList()
                    + "); set hostedZoneId in the input to the one that the domain's registrar delegates to.");
        }
        if (matches.isEmpty()) {
            LOG.info("hosted zone not found", entry("zone", name));
            return null;
        }
        GetHostedZoneResponse zone = byId(matches.get(0).id(), name);
        LOG.info("hosted zone found", entry("zone", name), entry("id", Names.zoneId(zone.hostedZone().id())));
        return zone;
    }

    /**
     * Zones come sorted by name from the one asked for; those with the same name are consecutive. The SDK has no
     * paginator for ListHostedZonesByName, so its pages (NextDNSName and NextHostedZoneId, "present only if
     * IsTruncated is true") are followed here, and only while they hold this name.
     */
    private List<software.amazon.awssdk.services.route53.model.HostedZone> publicZonesNamed(String name) {
        List<software.amazon.awssdk.services.route53.model.HostedZone> found = new java.util.ArrayList<>();
        String nextId = null;
        while (true) {
            String startId = nextId;
            ListHostedZonesByNameResponse page = route53.listHostedZonesByName(r -> r.dnsName(name).hostedZoneId(startId));
            page.hostedZones().stream()
                    .filter(z -> z.name().equalsIgnoreCase(name))
                    .filter(z -> z.config() == null || !Boolean.TRUE.equals(z.config().privateZone()))
                    .forEach(found::add);
            boolean more = Boolean.TRUE.equals(page.isTruncated()) && name.equalsIgnoreCase(page.nextDNSName());
            if (!more) {
                return found;
            }
            nextId = page.nextHostedZoneId();
        }
    }

    private GetHostedZoneResponse byId(String id, String name) {
        GetHostedZoneResponse zone;
        try {
            zone = route53.getHostedZone(r -> r.id(Names.zoneId(id)));
        } catch (NoSuchHostedZoneException e) {
            throw new InvalidInputException("hostedZoneId", "no hosted zone " + id + " in this account");
        }
        if (!zone.hostedZone().name().equalsIgnoreCase(name)) {
            throw new InvalidInputException("hostedZoneId",
                    "hosted zone " + id + " is " + zone.hostedZone().name() + ", not the input's zone " + name);
        }
        return zone;
    }
}
