package io.activeedge.local.drill;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.Names;
import io.activeedge.core.Tags;
import io.activeedge.routing.healthchecks.HealthCheckSearch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.DomainName;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * What is left of an application: every resource tagged {@code active-edge:app} with its name (certificates,
 * health checks, distributions, custom domains, hosted zones, alarms), and the records that are its own by
 * their shape (latency records with its SetIdentifier, alias records at its aliases that point at CloudFront).
 * After a teardown the list is empty. Read from the account's own APIs, independently of the workflow.
 */
public final class Leftovers {
    private final Route53Client route53;
    private final CloudFrontClient cloudFront;
    private final Function<String, AcmClient> acm;
    private final Function<String, ApiGatewayClient> apiGateway;
    private final Function<String, CloudWatchClient> cloudWatch;

    public Leftovers(Route53Client route53, CloudFrontClient cloudFront, Function<String, AcmClient> acm,
              Function<String, ApiGatewayClient> apiGateway, Function<String, CloudWatchClient> cloudWatch) {
        this.route53 = route53;
        this.cloudFront = cloudFront;
        this.acm = acm;
        this.apiGateway = apiGateway;
        this.cloudWatch = cloudWatch;
    }

    /**
     * One line per resource of {@code app} still there, sorted.
     *
     * @param zone    the application's zone name (its records are looked at)
     * @param aliases the CloudFront aliases of the input
     * @param regions the Regions to look in (us-east-1 is always looked in)
     */
    public List<String> of(String app, String zone, List<String> aliases, List<String> regions) {
        TreeSet<String> left = new TreeSet<>();
        TreeSet<String> allRegions = new TreeSet<>(regions);
        allRegions.add(AwsConstants.CLOUDFRONT_CERTIFICATE_REGION);
        for (String region : allRegions) {
            certificates(app, region, left);
            customDomains(app, region, left);
            alarms(app, region, left);
        }
        healthChecks(app, left);
        distributions(app, left);
        zones(app, zone, aliases, left);
        return List.copyOf(left);
    }

    private void certificates(String app, String region, TreeSet<String> left) {
        AcmClient client = acm.apply(region);
        for (CertificateSummary summary : client.listCertificatesPaginator(r -> { }).certificateSummaryList()) {
            Map<String, String> tags = new HashMap<>();
            client.listTagsForCertificate(r -> r.certificateArn(summary.certificateArn())).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            if (app.equals(tags.get(Tags.APP))) {
                left.add("certificate " + region + " " + summary.certificateArn() + " (" + summary.domainName() + ")");
            }
        }
    }

    private void customDomains(String app, String region, TreeSet<String> left) {
        for (DomainName domain : apiGateway.apply(region).getDomainNamesPaginator(r -> { }).items()) {
            if (domain.tags() != null && app.equals(domain.tags().get(Tags.APP))) {
                left.add("custom domain " + region + " " + domain.domainName());
            }
        }
    }

    private void alarms(String app, String region, TreeSet<String> left) {
        CloudWatchClient client = cloudWatch.apply(region);
        List<String[]> alarms = new ArrayList<>();
        client.describeAlarmsPaginator(r -> r.alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM))
                .forEach(page -> {
                    page.metricAlarms().forEach(a -> alarms.add(new String[] {a.alarmName(), a.alarmArn()}));
                    page.compositeAlarms().forEach(a -> alarms.add(new String[] {a.alarmName(), a.alarmArn()}));
                });
        for (String[] alarm : alarms) {
            boolean ours = client.listTagsForResource(r -> r.resourceARN(alarm[1])).tags().stream()
                    .anyMatch(t -> t.key().equals(Tags.APP) && app.equals(t.value()));
            if (ours) {
                left.add("alarm tags " + region + " " + alarm[0]);
            }
        }
    }

    /** Every check of the account, whatever its CallerReference: the tags alone say whose it is. */
    private void healthChecks(String app, TreeSet<String> left) {
        for (HealthCheckSearch.Tagged check : new HealthCheckSearch(route53).find(reference -> true)) {
            if (app.equals(check.tags().get(Tags.APP))) {
                String alarm = check.tags().get(Tags.ALARM);
                left.add("health check " + check.id() + " (" + check.region() + " " + check.role()
                        + (alarm == null ? "" : " " + alarm) + ")");
            }
        }
    }

    private void distributions(String app, TreeSet<String> left) {
        String marker = null;
        while (true) {
            String from = marker;
            DistributionList page = cloudFront.listDistributions(r -> r.marker(from)).distributionList();
            if (page == null || page.items() == null) {
                return;
            }
            for (DistributionSummary summary : page.items()) {
                boolean ours = cloudFront.listTagsForResource(r -> r.resource(summary.arn())).tags().items().stream()
                        .anyMatch(t -> t.key().equals(Tags.APP) && app.equals(t.value()));
                if (ours) {
                    left.add("distribution " + summary.id() + " (" + summary.domainName() + ")");
                }
            }
            if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextMarker() == null) {
                return;
            }
            marker = page.nextMarker();
        }
    }

    private void zones(String app, String zoneName, List<String> aliases, TreeSet<String> left) {
        TreeSet<String> aliasNames = new TreeSet<>();
        aliases.forEach(a -> aliasNames.add(Names.fqdn(a)));
        String setIdentifierPrefix = Tags.setIdentifier(app, "");
        for (HostedZone zone : route53.listHostedZonesPaginator(r -> { }).hostedZones()) {
            String id = Names.zoneId(zone.id());
            boolean tagged = route53.listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(id))
                    .resourceTagSet().tags().stream().anyMatch(t -> t.key().equals(Tags.APP) && app.equals(t.value()));
            if (tagged) {
                left.add("hosted zone tags " + zone.name() + " " + id);
            }
            if (!Names.sameName(zone.name(), Names.fqdn(zoneName))) {
                continue;
            }
            for (ResourceRecordSet record : route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(id))
                    .resourceRecordSets()) {
                if (record.setIdentifier() != null && record.setIdentifier().startsWith(setIdentifierPrefix)) {
                    left.add("latency record " + record.name() + " " + record.typeAsString() + " "
                            + record.setIdentifier());
                } else if (aliasNames.contains(Names.fqdn(record.name())) && record.aliasTarget() != null
                        && AwsConstants.CLOUDFRONT_HOSTED_ZONE_ID.equals(record.aliasTarget().hostedZoneId())
                        && (record.type() == RRType.A || record.type() == RRType.AAAA)) {
                    left.add("alias record " + record.name() + " " + record.typeAsString() + " → "
                            + record.aliasTarget().dnsName());
                }
            }
        }
    }
}
