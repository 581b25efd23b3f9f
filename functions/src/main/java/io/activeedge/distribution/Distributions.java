package io.activeedge.distribution;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Tags;
import io.activeedge.errors.DistributionDeadlineExceededException;
import io.activeedge.errors.ResourceConflictException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.Distribution;
import io.activeedge.provisioning.DistributionStatus;
import io.activeedge.provisioning.RecordChange;
import io.activeedge.provisioning.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CnameAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsRequest;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionWithTagsResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionAlreadyExistsException;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfigWithTags;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionRequest;

/**
 * The application's CloudFront distribution: found by its tags, created when missing, its owned
 * config converged when it drifted, and its deployment checked against the input's deadline.
 */
public final class Distributions {
    private static final Logger LOG = LoggerFactory.getLogger(Distributions.class);
    /** Re-reads after CloudFront answers PreconditionFailed (someone else changed the config meanwhile). */
    static final int PRECONDITION_RETRIES = 3;
    public static final String DEPLOYED = "Deployed";
    /**
     * CloudFront's DistributionAlreadyExists message ends with the id of the distribution that holds the caller
     * reference. The API model does not promise it, so it is only a hint, checked against that distribution's config.
     */
    private static final Pattern ALREADY_EXISTS_ID = Pattern.compile("Already exists:\\s*([A-Z0-9]+)");

    private final CloudFrontClient cloudFront;
    private final DistributionSearch search;
    private final Clock clock;

    public Distributions(CloudFrontClient cloudFront, Clock clock) {
        this.cloudFront = cloudFront;
        this.search = new DistributionSearch(cloudFront);
        this.clock = clock;
    }

    /** Finds the distribution tagged for {@code input.app()} or creates it, then converges its owned config. */
    public Distribution ensure(AppSpec input, Run run, String certificateArn) {
        DesiredConfig desired = new DesiredConfig(input, certificateArn);
        List<DistributionSummary> owned = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Predicate<DistributionSummary> related = summary -> desired.comment().equals(summary.comment())
                || !DesiredConfig.shared(summary.aliases().items(), desired.aliases()).isEmpty();
        for (DistributionSummary summary : search.related(related)) {
            Map<String, String> tags = search.tags(summary.arn());
            if (Tags.matches(tags, input.app(), Tags.GLOBAL, Tags.ROLE_DISTRIBUTION)) {
                owned.add(summary);
                continue;
            }
            List<String> shared = DesiredConfig.shared(
                    summary.aliases() == null ? null : summary.aliases().items(), desired.aliases());
            if (!shared.isEmpty()) {
                String owner = tags.get(Tags.APP);
                conflicts.add(summary.id() + " (" + summary.domainName() + ") holds " + shared
                        + (owner == null ? " and is not managed by active-edge" : " and belongs to application " + owner));
            }
        }
        if (!conflicts.isEmpty()) {
            LOG.warn("distribution conflict", entry("aliases", desired.aliases()), entry("conflicts", conflicts));
            throw new ResourceConflictException("CloudFront aliases of application " + input.app()
                    + " are already used by another distribution: " + String.join("; ", conflicts)
                    + ". An alias can belong to one distribution only: remove it from that distribution"
                    + " (or delete the distribution), or change the input's aliases, then run the workflow again.");
        }
        if (owned.size() > 1) {
            List<String> ids = owned.stream().map(DistributionSummary::id).toList();
            LOG.warn("distribution conflict", entry("tagged", ids));
            throw new ResourceConflictException("Several CloudFront distributions are tagged for application "
                    + input.app() + ": " + ids + ". Keep one: delete the others (or remove their "
                    + Tags.APP + " tag), then run the workflow again.");
        }
        if (owned.isEmpty()) {
            return create(input, run, desired, related);
        }
        DistributionSummary found = owned.get(0);
        return converge(found.id(), found.arn(), found.domainName(), found.status(), desired, input.app());
    }

    /** Whether the distribution is Deployed; fails once the input's deadline has passed without it. */
    public DistributionStatus check(String id, AppSpec input, Run run) {
        String status = cloudFront.getDistribution(GetDistributionRequest.builder().id(id).build())
                .distribution().status();
        if (DEPLOYED.equals(status)) {
            LOG.info("distribution deployed", entry("id", id));
            return new DistributionStatus(true, status);
        }
        int timeoutMinutes = input.timing().distributionTimeoutMinutes();
        Instant deadline = deadline(input, run);
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
            LOG.warn("distribution deadline exceeded", entry("id", id), entry("status", status),
                    entry("deadline", deadline.toString()));
            throw new DistributionDeadlineExceededException("CloudFront distribution " + id + " is still " + status
                    + " at " + now + "; the deadline was " + deadline + " (" + timeoutMinutes
                    + " minutes, timing.distributionTimeoutMinutes, after the execution started at " + run.startedAt()
                    + "). Check the distribution in the CloudFront console; when it shows Deployed, or with a larger"
                    + " timing.distributionTimeoutMinutes, start the workflow again with the same input:"
                    + " it finds this distribution and creates nothing new.");
        }
        LOG.info("distribution not deployed yet", entry("id", id), entry("status", status),
                entry("deadline", deadline.toString()));
        return new DistributionStatus(false, status);
    }

    /** The end of the wait for CloudFront: timing.distributionTimeoutMinutes after the execution started. */
    public static Instant deadline(AppSpec input, Run run) {
        return run.startedAt().plus(Duration.ofMinutes(input.timing().distributionTimeoutMinutes()));
    }

    private Distribution create(AppSpec input, Run run, DesiredConfig desired,
                                Predicate<DistributionSummary> related) {
        String callerReference = "active-edge/" + input.app() + "/" + run.id();
        List<Tag> tags = Tags.toList(Tags.of(input.tags(), input.app(), Tags.GLOBAL, Tags.ROLE_DISTRIBUTION),
                (key, value) -> Tag.builder().key(key).value(value).build());
        CreateDistributionWithTagsResponse created;
        try {
            created = cloudFront.createDistributionWithTags(CreateDistributionWithTagsRequest.builder()
                    .distributionConfigWithTags(DistributionConfigWithTags.builder()
                            .distributionConfig(desired.forCreate(callerReference))
                            .tags(t -> t.items(tags))
                            .build())
                    .build());
        } catch (CnameAlreadyExistsException e) {
            throw aliasTaken(input.app(), desired, "new distribution", e);
        } catch (DistributionAlreadyExistsException e) {
            return createdBefore(input.app(), desired, related, callerReference, e);
        }
        var d = created.distribution();
        LOG.info("distribution created", entry("id", d.id()), entry("domainName", d.domainName()),
                entry("aliases", desired.aliases()), entry("origin", input.originDomain()),
                entry("callerReference", callerReference));
        return new Distribution(d.id(), d.arn(), d.domainName(), d.status(), RecordChange.CREATED);
    }

    /**
     * A create with this execution's CallerReference was refused because CloudFront already made a distribution
     * for it: an earlier attempt of this step created it (or the SDK retried a create whose answer was lost) and
     * ListDistributions did not show it yet. That distribution is found and converged, as if the search had found
     * it: first by the id CloudFront names in the error message, then among the related distributions by their
     * CallerReference or the application's tags.
     */
    // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html (CallerReference): "If
    // CallerReference is a value that you already sent in a previous request to create a distribution, CloudFront
    // returns a DistributionAlreadyExists error."
    private Distribution createdBefore(String app, DesiredConfig desired, Predicate<DistributionSummary> related,
                                       String callerReference, DistributionAlreadyExistsException e) {
        String reason = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        Optional<software.amazon.awssdk.services.cloudfront.model.Distribution> byId = idInMessage(reason)
                .flatMap(this::distribution)
                .filter(d -> callerReference.equals(d.distributionConfig().callerReference()));
        if (byId.isPresent()) {
            var d = byId.get();
            LOG.info("distribution already created", entry("id", d.id()), entry("callerReference", callerReference),
                    entry("foundBy", "error-message"), entry("action", "converge"));
            return converge(d.id(), d.arn(), d.domainName(), d.status(), desired, app);
        }
        for (DistributionSummary summary : search.related(related)) {
            boolean ours = Tags.matches(search.tags(summary.arn()), app, Tags.GLOBAL, Tags.ROLE_DISTRIBUTION)
                    || distribution(summary.id()).map(d -> callerReference.equals(d.distributionConfig()
                            .callerReference())).orElse(false);
            if (ours) {
                LOG.info("distribution already created", entry("id", summary.id()),
                        entry("callerReference", callerReference), entry("foundBy", "search"),
                        entry("action", "converge"));
                return converge(summary.id(), summary.arn(), summary.domainName(), summary.status(), desired, app);
            }
        }
        LOG.warn("distribution already created but not found", entry("callerReference", callerReference),
                entry("reason", reason));
        throw new ResourceConflictException("CloudFront refused to create the distribution of application " + app
                + " because one already exists for the caller reference " + callerReference
                + " (DistributionAlreadyExists: " + reason + "), but it is not found by its id, its caller reference or"
                + " its tags. If it was deleted meanwhile, start a new execution: it uses a new caller reference.");
    }

    /** "E2QWRUHAPOMQZL" from "... associated with another distribution. Already exists: E2QWRUHAPOMQZL". */
    private static Optional<String> idInMessage(String message) {
        Matcher id = message == null ? null : ALREADY_EXISTS_ID.matcher(message);
        return id != null && id.find() ? Optional.of(id.group(1)) : Optional.empty();
    }

    /** The distribution with its config, or empty when there is none with that id. */
    private Optional<software.amazon.awssdk.services.cloudfront.model.Distribution> distribution(String id) {
        try {
            return Optional.of(cloudFront.getDistribution(GetDistributionRequest.builder().id(id).build())
                    .distribution());
        } catch (NoSuchDistributionException e) {
            return Optional.empty();
        }
    }

    private Distribution converge(String id, String arn, String domainName, String status, DesiredConfig desired,
                                  String app) {
        return withCurrentConfig(id, current -> {
            List<String> drift = desired.drift(current.distributionConfig());
            if (drift.isEmpty()) {
                LOG.info("distribution unchanged", entry("id", id), entry("status", status));
                return new Distribution(id, arn, domainName, status, RecordChange.UNCHANGED);
            }
            try {
                var d = update(id, current, desired.applyTo(current.distributionConfig()));
                LOG.info("distribution updated", entry("id", id), entry("ifMatch", current.eTag()),
                        entry("drift", drift));
                return new Distribution(d.id(), d.arn(), d.domainName(), d.status(), RecordChange.UPDATED);
            } catch (CnameAlreadyExistsException e) {
                throw aliasTaken(app, desired, "distribution " + id, e);
            }
        });
    }

    /**
     * Turns the distribution off, the first half of deleting it: CloudFront deletes only a distribution that is
     * disabled and Deployed. Returns the distribution as CloudFront answered the update, or empty when it was
     * already disabled.
     */
    public Optional<software.amazon.awssdk.services.cloudfront.model.Distribution> disable(String id) {
        return withCurrentConfig(id, current -> {
            if (!Boolean.TRUE.equals(current.distributionConfig().enabled())) {
                LOG.info("distribution already disabled", entry("id", id), entry("action", "none"));
                return Optional.empty();
            }
            var d = update(id, current, current.distributionConfig().toBuilder().enabled(false).build());
            LOG.info("distribution disabled", entry("id", id), entry("ifMatch", current.eTag()),
                    entry("status", d.status()));
            return Optional.of(d);
        });
    }

    /**
     * Reads the config with its ETag and hands both to {@code change}, which may update it with that ETag; reads
     * again when CloudFront answers PreconditionFailed (someone else changed the config meanwhile).
     */
    private <T> T withCurrentConfig(String id, Function<GetDistributionConfigResponse, T> change) {
        for (int attempt = 0; ; attempt++) {
            GetDistributionConfigResponse current = cloudFront.getDistributionConfig(
                    GetDistributionConfigRequest.builder().id(id).build());
            try {
                return change.apply(current);
            } catch (PreconditionFailedException e) {
                if (attempt >= PRECONDITION_RETRIES) {
                    LOG.warn("distribution update gave up", entry("id", id), entry("attempts", attempt + 1),
                            entry("reason", "config-keeps-changing"));
                    throw e;
                }
                LOG.info("distribution changed meanwhile", entry("id", id), entry("staleETag", current.eTag()),
                        entry("retry", attempt + 1));
            }
        }
    }

    private software.amazon.awssdk.services.cloudfront.model.Distribution update(
            String id, GetDistributionConfigResponse current, DistributionConfig config) {
        return cloudFront.updateDistribution(UpdateDistributionRequest.builder()
                .id(id).ifMatch(current.eTag()).distributionConfig(config).build()).distribution();
    }

    private static ResourceConflictException aliasTaken(String app, DesiredConfig desired, String target,
                                                        CnameAlreadyExistsException e) {
        String reason = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        LOG.warn("distribution alias taken", entry("target", target), entry("aliases", desired.aliases()),
                entry("reason", reason));
        return new ResourceConflictException("CloudFront refused the aliases " + desired.aliases() + " for " + target
                + " of application " + app + ": one of them is already an alternate domain name of another"
                + " distribution, possibly in another AWS account (CNAMEAlreadyExists: " + reason + ")."
                + " Remove that alias from the other distribution (or move it with CloudFront's associate-alias),"
                + " or change the input's aliases, then run the workflow again.");
    }
}
