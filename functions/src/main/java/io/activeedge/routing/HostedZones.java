package io.activeedge.routing;

import io.activeedge.core.Tags;
import io.activeedge.errors.HostedZoneConflictException;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.input.AppSpec;
import io.activeedge.workflow.HostedZone;
import io.activeedge.workflow.Run;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeTagsForResourceRequest;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/** Finds the public hosted zone by name (or the id the input gives), or creates it when provisioning. */
public final class HostedZones {
    private static final Logger LOG = LoggerFactory.getLogger(HostedZones.class);
    private final Route53Client route53;

    public HostedZones(Route53Client route53) {
        this.route53 = route53;
    }

    public HostedZone ensure(AppSpec input, Run run) {
        HostedZone found = find(input);
        if (found != null) {
            return found;
        }
        String name = Names.fqdn(input.zone());
        CreateHostedZoneResponse created = route53.createHostedZone(r -> r.name(name)
                .callerReference("active-edge/" + input.app() + "/" + run.id())
                .hostedZoneConfig(c -> c.comment("active-edge " + input.app())));
        String id = Names.zoneId(created.hostedZone().id());
        route53.changeTagsForResource(ChangeTagsForResourceRequest.builder()
                .resourceType(TagResourceType.HOSTEDZONE).resourceId(id)
                .addTags(Tags.of(input.tags(), input.app(), Tags.GLOBAL, Tags.ROLE_HOSTED_ZONE).entrySet().stream()
                        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                .build());
        List<String> nameServers = created.delegationSet().nameServers();
        LOG.info("hosted zone created zone={} id={} nameServers={} action=delegate-domain-to-these-name-servers",
                name, id, nameServers);
        return new HostedZone(id, name, nameServers, true);
    }

    /**
     * The input's zone without creating one: the one {@code hostedZoneId} names, else the one public zone with
     * the input's name; null when there is none.
     */
    public HostedZone find(AppSpec input) {
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
            LOG.info("hosted zone not found zone={}", name);
            return null;
        }
        HostedZone zone = byId(matches.get(0).id(), name);
        LOG.info("hosted zone found zone={} id={}", name, zone.id());
        return zone;
    }

    /** Zones come sorted by name from the one asked for; those with the same name are consecutive. */
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

    private HostedZone byId(String id, String name) {
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
        List<String> ns = zone.delegationSet() == null ? List.of() : zone.delegationSet().nameServers();
        return new HostedZone(Names.zoneId(zone.hostedZone().id()), name, ns, false);
    }
}
