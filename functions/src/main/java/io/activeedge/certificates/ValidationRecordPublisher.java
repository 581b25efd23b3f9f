package io.activeedge.certificates;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Names;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.ValidationRecordsNotReadyException;
import io.activeedge.provisioning.Certificate;
import io.activeedge.provisioning.CertificatesResult;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.provisioning.ValidationRecordsResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.DomainStatus;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceRecord;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Publishes the DNS validation CNAMEs ACM asks for. ACM gives the same record to the apex and its
 * wildcard, and to the same name in every Region, so each name is written once; names already in the
 * zone with the right value are left alone, and the rest go in one change batch.
 */
public final class ValidationRecordPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationRecordPublisher.class);
    static final long TTL_SECONDS = 300;

    private final RegionalClients<AcmClient> acm;
    private final Route53Client route53;

    public ValidationRecordPublisher(RegionalClients<AcmClient> acm, Route53Client route53) {
        this.acm = acm;
        this.route53 = route53;
    }

    public ValidationRecordsResult publish(CertificatesResult certificates, HostedZone zone) {
        Map<String, String> wanted = wantedRecords(certificates);
        String zoneId = Names.zoneId(zone.id());
        List<Change> changes = new ArrayList<>();
        wanted.forEach((name, value) -> {
            Optional<String> current = currentValue(zoneId, name);
            if (current.isPresent() && Names.fqdn(current.get()).equals(Names.fqdn(value))) {
                LOG.info("validation record unchanged", entry("zone", zoneId), entry("name", name),
                        entry("value", value));
                return;
            }
            LOG.info("validation record upsert", entry("zone", zoneId), entry("name", name), entry("value", value),
                    entry("before", current.orElse("none")));
            changes.add(Change.builder().action(ChangeAction.UPSERT)
                    .resourceRecordSet(ResourceRecordSet.builder().name(name).type(RRType.CNAME).ttl(TTL_SECONDS)
                            .resourceRecords(r -> r.value(value)).build())
                    .build());
        });
        String changeId = null;
        if (!changes.isEmpty()) {
            changeId = changeId(route53.changeResourceRecordSets(ChangeResourceRecordSetsRequest.builder()
                    .hostedZoneId(zoneId)
                    .changeBatch(b -> b.comment("active-edge certificate validation").changes(changes))
                    .build()).changeInfo().id());
        }
        LOG.info("validation records published", entry("zone", zoneId), entry("needed", wanted.size()),
                entry("upserted", changes.size()), entry("changeId", changeId));
        return new ValidationRecordsResult(zoneId, List.copyOf(wanted.keySet()), changeId);
    }

    /**
     * Every CNAME the certificates need, by name (lower case, trailing dot), sorted. In the seconds after
     * RequestCertificate, ACM may not find the certificate, may list validation options for only some of its
     * names, or options without their CNAME; each means "not ready yet" (ValidationRecordsNotReadyException, which
     * the workflow retries), never a partial batch that would leave the certificate loop waiting for a record
     * nobody publishes.
     */
    // https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html: "After successful completion
    // of the RequestCertificate action, there is a delay of several seconds before you can retrieve information
    // about the new certificate."
    private Map<String, String> wantedRecords(CertificatesResult certificates) {
        Map<String, String> wanted = new TreeMap<>();
        List<String> notReady = new ArrayList<>();
        for (Certificate certificate : certificates.items()) {
            CertificateDetail detail = AcmCertificates.describeRecent(acm.in(certificate.region()),
                    certificate.region(), certificate.arn());
            Set<String> withOption = detail.domainValidationOptions().stream()
                    .map(DomainValidation::domainName).filter(Objects::nonNull).map(Names::bare)
                    .collect(Collectors.toSet());
            List<String> withoutOption = certificate.names().stream().map(Names::bare)
                    .filter(name -> !withOption.contains(name)).toList();
            if (!withoutOption.isEmpty()) {
                notReady.add(certificate.region() + " " + certificate.arn() + " " + String.join(" ", withoutOption)
                        + " (no validation option yet)");
            }
            for (DomainValidation option : detail.domainValidationOptions()) {
                if (!AcmCertificates.usesDns(option)) {
                    continue;
                }
                ResourceRecord record = option.resourceRecord();
                if (record == null) {
                    if (option.validationStatus() != DomainStatus.SUCCESS) {
                        notReady.add(certificate.region() + " " + certificate.arn() + " " + option.domainName());
                    }
                    continue;
                }
                String name = Names.fqdn(record.name());
                String previous = wanted.putIfAbsent(name, record.value());
                if (previous != null && !Names.fqdn(previous).equals(Names.fqdn(record.value()))) {
                    throw new IllegalStateException("ACM asks for two values of the validation record " + name
                            + ": " + previous + " and " + record.value() + " (certificate " + certificate.arn() + ")");
                }
            }
        }
        if (!notReady.isEmpty()) {
            LOG.info("validation records not ready", entry("count", notReady.size()), entry("notReady", notReady),
                    entry("action", "retry"));
            throw new ValidationRecordsNotReadyException(
                    "ACM has not yet published the DNS validation record for " + String.join(", ", notReady));
        }
        return wanted;
    }

    /** The value of the CNAME at {@code name} in the zone, if there is one. */
    private Optional<String> currentValue(String zoneId, String name) {
        return route53.listResourceRecordSets(ListResourceRecordSetsRequest.builder()
                        .hostedZoneId(zoneId).startRecordName(name).startRecordType(RRType.CNAME).maxItems("1").build())
                .resourceRecordSets().stream()
                .filter(r -> r.type() == RRType.CNAME && Names.sameName(r.name(), name))
                .filter(r -> r.hasResourceRecords() && !r.resourceRecords().isEmpty())
                .map(r -> r.resourceRecords().get(0).value())
                .findFirst();
    }

    /** "C123" from "/change/C123". */
    private static String changeId(String id) {
        return id.startsWith("/change/") ? id.substring("/change/".length()) : id;
    }
}
