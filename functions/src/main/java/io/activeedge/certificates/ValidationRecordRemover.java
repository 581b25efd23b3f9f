package io.activeedge.certificates;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.AwsConstants;
import io.activeedge.core.AwsRegions;
import io.activeedge.core.LogContext;
import io.activeedge.core.Names;
import io.activeedge.core.RegionalClients;
import io.activeedge.provisioning.HostedZone;
import io.activeedge.routing.records.ZoneRecords;
import io.activeedge.teardown.CertificateRemovalResult.ValidationRecord;
import io.activeedge.teardown.CertificateRemovalResult;
import io.activeedge.teardown.RemovalResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.acm.model.CertificateDetail;
import software.amazon.awssdk.services.acm.model.CertificateSummary;
import software.amazon.awssdk.services.acm.model.DomainValidation;
import software.amazon.awssdk.services.acm.model.ResourceNotFoundException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Removes the DNS validation CNAMEs of the deleted certificates that no remaining certificate needs. ACM
 * gives one record name to a domain name in every certificate and Region of an account, so a record may
 * serve certificates of other applications, or of the user, in any Region: each is looked for in every
 * Region before the record goes. When in doubt (ACM did not answer), nothing is deleted; a Region where ACM
 * refuses to answer (AccessDeniedException, e.g. a service control policy that denies the Region) leaves every
 * record in place, and the result names that Region.
 */
public final class ValidationRecordRemover {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationRecordRemover.class);

    private final RegionalClients<AcmClient> acm;
    private final Route53Client route53;
    private final Executor executor;

    /** {@code executor} runs the search of each Region; the result does not depend on their order. */
    public ValidationRecordRemover(RegionalClients<AcmClient> acm, Route53Client route53, Executor executor) {
        this.acm = acm;
        this.route53 = route53;
        this.executor = executor;
    }

    /**
     * {@code zone}: the application's hosted zone (null: none, nothing to remove); {@code regionsToSearch}: the
     * Regions the application used, searched beside every latency-routing Region.
     */
    public RemovalResult remove(HostedZone zone, List<String> regionsToSearch, CertificateRemovalResult certificates) {
        Map<String, Set<String>> values = valuesByName(certificates);
        if (zone == null || values.isEmpty()) {
            LOG.info("validation records none to remove", entry("zone", zone == null ? "none" : zone.id()),
                    entry("records", values.size()));
            return new RemovalResult(List.of(), List.of());
        }
        Needs needs = neededBy(values.keySet(), searchRegions(regionsToSearch), deletedArns(certificates.deleted()));
        Map<String, SortedSet<String>> neededBy = needs.byName();
        String unreadable = String.join(", ", needs.unreadableRegions());
        String zoneId = Names.zoneId(zone.id());
        List<Change> changes = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        values.forEach((name, ours) -> {
            String line = name + " CNAME";
            SortedSet<String> users = neededBy.get(name);
            if (users != null) {
                LOG.info("validation record kept", entry("zone", zoneId), entry("name", name),
                        entry("reason", "still-needed"), entry("neededBy", users));
                kept.add(line + " (still needed by " + String.join(", ", users) + ")");
                return;
            }
            Optional<ResourceRecordSet> current = ZoneRecords.at(route53, zoneId, name).stream()
                    .filter(r -> ZoneRecords.isType(r, RRType.CNAME) && r.setIdentifier() == null).findFirst();
            if (current.isEmpty()) {
                LOG.info("validation record already gone", entry("zone", zoneId), entry("name", name));
                return;
            }
            List<String> found = current.get().resourceRecords().stream().map(ResourceRecord::value).toList();
            if (found.size() != 1 || ours.stream().noneMatch(v -> Names.fqdn(v).equals(Names.fqdn(found.get(0))))) {
                LOG.info("validation record kept", entry("zone", zoneId), entry("name", name),
                        entry("reason", "other-value"), entry("found", found), entry("ours", ours));
                kept.add(line + " (not ours: the zone's CNAME points at " + String.join(", ", found)
                        + ", not at " + String.join(", ", ours) + ")");
                return;
            }
            if (!unreadable.isEmpty()) {
                LOG.info("validation record kept", entry("zone", zoneId), entry("name", name),
                        entry("reason", "regions-unreadable"), entry("regions", needs.unreadableRegions()));
                kept.add(line + " (unknown whether still needed: ACM could not be read in " + unreadable
                        + " (" + AcmCertificates.ACCESS_DENIED + "), where a certificate may use it)");
                return;
            }
            LOG.info("validation record delete", entry("zone", zoneId), entry("name", name),
                    entry("value", found.get(0)));
            changes.add(Change.builder().action(ChangeAction.DELETE).resourceRecordSet(current.get()).build());
            deleted.add(line);
        });
        String changeId = null;
        if (!changes.isEmpty()) {
            changeId = ZoneRecords.change(route53, zoneId, "active-edge teardown: certificate validation", changes);
        }
        LOG.info("validation records removed", entry("zone", zoneId), entry("deleted", deleted.size()),
                entry("kept", kept.size()), entry("changeId", changeId),
                entry("unreadableRegions", needs.unreadableRegions()));
        return new RemovalResult(List.copyOf(deleted), List.copyOf(kept));
    }

    /** The records to consider, by name, sorted; normally one value each. */
    private static Map<String, Set<String>> valuesByName(CertificateRemovalResult certificates) {
        Map<String, Set<String>> values = new TreeMap<>();
        if (certificates != null && certificates.validationRecords() != null) {
            for (ValidationRecord record : certificates.validationRecords()) {
                values.computeIfAbsent(Names.fqdn(record.name()), n -> new TreeSet<>()).add(record.value());
            }
        }
        return values;
    }

    /** Every Region where ACM may hold a certificate of someone else that shares a record. */
    private static SortedSet<String> searchRegions(List<String> regionsToSearch) {
        SortedSet<String> regions = new TreeSet<>(AwsRegions.LATENCY_ROUTING);
        regions.addAll(regionsToSearch);
        regions.add(AwsConstants.CLOUDFRONT_CERTIFICATE_REGION);
        return regions;
    }

    /**
     * The certificates this teardown deleted, named in its result lines. ACM lists a deleted certificate for
     * a short while; it needs nothing any more.
     */
    private static Set<String> deletedArns(List<String> deleted) {
        return deleted == null ? Set.of() : deleted.stream().flatMap(line -> Arrays.stream(line.split(" ")))
                .filter(word -> word.startsWith("arn:")).collect(Collectors.toSet());
    }

    /**
     * For each record name that a remaining certificate needs, the ARNs of those certificates; and the Regions
     * where ACM refused to say.
     */
    private Needs neededBy(Set<String> names, SortedSet<String> regions, Set<String> ignored) {
        Map<String, String> nameByDomain = new LinkedHashMap<>();
        names.forEach(name -> nameByDomain.put(validatedDomain(name), name));
        Map<String, CompletableFuture<Optional<List<Need>>>> searches = new LinkedHashMap<>();
        for (String region : regions) {
            searches.put(region, CompletableFuture.supplyAsync(
                    LogContext.carried(() -> search(region, nameByDomain, ignored)), executor));
        }
        Map<String, SortedSet<String>> neededBy = new TreeMap<>();
        SortedSet<String> unreadable = new TreeSet<>();
        searches.forEach((region, search) -> {
            Optional<List<Need>> found = join(search);
            if (found.isEmpty()) {
                unreadable.add(region);
                return;
            }
            for (Need need : found.get()) {
                neededBy.computeIfAbsent(need.recordName(), n -> new TreeSet<>()).add(need.arn());
            }
        });
        return new Needs(neededBy, List.copyOf(unreadable));
    }

    /**
     * The records that certificates in one Region need; none when the Region is not enabled for the account;
     * empty when ACM refused to answer there (AccessDeniedException), so nobody knows.
     */
    private Optional<List<Need>> search(String region, Map<String, String> nameByDomain, Set<String> ignored) {
        try {
            AcmClient client = acm.in(region);
            List<Need> needs = new ArrayList<>();
            for (CertificateSummary summary : AcmCertificates.listAll(client)) {
                String arn = summary.certificateArn();
                if (ignored.contains(arn) || !mayNeed(summary, nameByDomain.keySet())) {
                    continue;
                }
                CertificateDetail detail;
                try {
                    detail = client.describeCertificate(r -> r.certificateArn(arn)).certificate();
                } catch (ResourceNotFoundException e) {
                    continue;
                }
                for (DomainValidation option : detail.domainValidationOptions()) {
                    recordNeeded(option, nameByDomain).ifPresent(name -> {
                        LOG.info("validation record needed", LogContext.region(region), entry("name", name),
                                entry("arn", arn), entry("status", detail.statusAsString()));
                        needs.add(new Need(name, arn));
                    });
                }
            }
            return Optional.of(needs);
        } catch (AwsServiceException e) {
            if (AwsRegions.notEnabled(region, e)) {
                LOG.info("validation record search skipped", LogContext.region(region),
                        entry("reason", "region-not-enabled"), entry("error", e.awsErrorDetails().errorCode()));
                return Optional.of(List.of());
            }
            if (AcmCertificates.accessDenied(e)) {
                LOG.info("validation record search incomplete", LogContext.region(region),
                        entry("reason", "access-denied"), entry("error", e.awsErrorDetails().errorCode()),
                        entry("action", "keep-records"));
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The record this validation option uses, when it is one of ours: by its record name, or, while ACM has
     * not yet published the record of a pending certificate, by the domain it validates (ACM will give it the
     * same record).
     */
    private static Optional<String> recordNeeded(DomainValidation option, Map<String, String> nameByDomain) {
        if (!AcmCertificates.usesDns(option)) {
            return Optional.empty();
        }
        if (option.resourceRecord() != null) {
            String name = Names.fqdn(option.resourceRecord().name());
            return nameByDomain.containsValue(name) ? Optional.of(name) : Optional.empty();
        }
        return Optional.ofNullable(option.domainName()).map(d -> nameByDomain.get(bareDomain(d)));
    }

    /**
     * Cheap filter on the listing: a certificate for none of the names cannot use their records. A summary
     * that does not list every name (more than 100, or none listed, as the emulator answers) is looked at.
     */
    private static boolean mayNeed(CertificateSummary summary, Set<String> domains) {
        if (Boolean.TRUE.equals(summary.hasAdditionalSubjectAlternativeNames())
                || !summary.hasSubjectAlternativeNameSummaries()) {
            return true;
        }
        return Stream.concat(Stream.ofNullable(summary.domainName()), summary.subjectAlternativeNameSummaries().stream())
                .map(ValidationRecordRemover::bareDomain).anyMatch(domains::contains);
    }

    /** "api.example.com" from "_1a2b.api.example.com.": ACM's record name is a token label on the domain. */
    static String validatedDomain(String recordName) {
        String name = Names.bare(recordName);
        return name.substring(name.indexOf('.') + 1);
    }

    /** A certificate name without the wildcard label: "*.example.com" shares the record of "example.com". */
    private static String bareDomain(String name) {
        String bare = Names.bare(name);
        return bare.startsWith("*.") ? bare.substring(2) : bare;
    }

    private static <T> T join(CompletableFuture<T> search) {
        try {
            return search.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Need(String recordName, String arn) {
    }

    /** What the search of every Region found: record name to the certificates that need it; unread Regions. */
    private record Needs(Map<String, SortedSet<String>> byName, List<String> unreadableRegions) {
    }
}
