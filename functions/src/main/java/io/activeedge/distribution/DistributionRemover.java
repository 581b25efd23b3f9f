package io.activeedge.distribution;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.errors.DistributionDeadlineExceededException;
import io.activeedge.input.AppSpec;
import io.activeedge.provisioning.Run;
import io.activeedge.teardown.DistributionRemovalResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DeleteDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionNotDisabledException;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionRequest;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.NoSuchDistributionException;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;

/**
 * Removes the application's CloudFront distributions, one at a time: disable it, wait (in the state machine)
 * until CloudFront reports it Deployed, delete it with the ETag of that last read, then the next one tagged for
 * the application. Each call does one step and says whether anything is left to wait for.
 */
public final class DistributionRemover {
    private static final Logger LOG = LoggerFactory.getLogger(DistributionRemover.class);
    private final CloudFrontClient cloudFront;
    private final Distributions distributions;
    private final DistributionSearch search;
    private final Clock clock;

    public DistributionRemover(CloudFrontClient cloudFront, Clock clock) {
        this.cloudFront = cloudFront;
        this.distributions = new Distributions(cloudFront, clock);
        this.search = new DistributionSearch(cloudFront);
        this.clock = clock;
    }

    /** Disables the first distribution tagged for the application; done at once when there is none. */
    public DistributionRemovalResult disable(AppSpec input) {
        return next(input, List.of(), List.of());
    }

    /**
     * One round of the wait loop: deletes the distribution being removed once it is disabled and Deployed, then
     * disables the next one. What was deleted is carried from round to round: {@code current} is the last round's
     * result (or DisableDistribution's).
     */
    public DistributionRemovalResult delete(AppSpec input, Run run, DistributionRemovalResult current) {
        if (current != null && current.done()) {
            return current;
        }
        List<String> deleted = current == null || current.deleted() == null ? List.of() : current.deleted();
        List<String> kept = current == null || current.kept() == null ? List.of() : current.kept();
        if (current == null || current.id() == null) {
            return next(input, deleted, kept);
        }
        String id = current.id();
        GetDistributionResponse read;
        try {
            read = cloudFront.getDistribution(GetDistributionRequest.builder().id(id).build());
        } catch (NoSuchDistributionException e) {
            LOG.info("distribution already gone", entry("id", id));
            return next(input, plus(deleted, describe(id, current.domainName())), kept);
        }
        Distribution d = read.distribution();
        if (!Distributions.DEPLOYED.equals(d.status())) {
            Instant deadline = requireTime(input, run, d);
            LOG.info("distribution not deployed yet", entry("id", id), entry("status", d.status()),
                    entry("deadline", deadline.toString()), entry("action", "wait"));
            return new DistributionRemovalResult(id, d.domainName(), d.status(), false, deleted, kept);
        }
        if (Boolean.TRUE.equals(d.distributionConfig().enabled())) {
            LOG.info("distribution enabled again", entry("id", id), entry("action", "disable"));
            String status = distributions.disable(id).map(Distribution::status).orElse(d.status());
            return new DistributionRemovalResult(id, d.domainName(), status, false, deleted, kept);
        }
        try {
            cloudFront.deleteDistribution(DeleteDistributionRequest.builder().id(id).ifMatch(read.eTag()).build());
            LOG.info("distribution deleted", entry("id", id), entry("domainName", d.domainName()),
                    entry("ifMatch", read.eTag()));
        } catch (PreconditionFailedException e) {
            LOG.info("distribution changed meanwhile", entry("id", id), entry("staleETag", read.eTag()),
                    entry("action", "read-again-next-round"));
            return new DistributionRemovalResult(id, d.domainName(), d.status(), false, deleted, kept);
        } catch (DistributionNotDisabledException e) {
            LOG.info("distribution not disabled yet", entry("id", id), entry("action", "wait"));
            return new DistributionRemovalResult(id, d.domainName(), d.status(), false, deleted, kept);
        } catch (NoSuchDistributionException e) {
            LOG.info("distribution already gone", entry("id", id));
        }
        return next(input, plus(deleted, describe(id, d.domainName())), kept);
    }

    /** Disables the next distribution tagged for the application, or reports that none is left. */
    private DistributionRemovalResult next(AppSpec input, List<String> deleted, List<String> kept) {
        List<DistributionSummary> tagged = search.tagged(input);
        if (tagged.size() > 1) {
            LOG.info("distributions tagged", entry("ids", tagged.stream().map(DistributionSummary::id).toList()),
                    entry("action", "remove-one-after-another"));
        }
        for (DistributionSummary summary : tagged) {
            Optional<Distribution> updated;
            try {
                updated = distributions.disable(summary.id());
            } catch (NoSuchDistributionException e) {
                LOG.info("distribution already gone", entry("id", summary.id()));
                continue;
            }
            String status = updated.map(Distribution::status).orElse(summary.status());
            return new DistributionRemovalResult(summary.id(), summary.domainName(), status, false, deleted, kept);
        }
        LOG.info("distributions removed", entry("deleted", deleted));
        return new DistributionRemovalResult(null, null, null, true, deleted, kept);
    }

    /** Fails once the wait for CloudFront has lasted past the input's deadline; returns the deadline. */
    private Instant requireTime(AppSpec input, Run run, Distribution d) {
        Instant deadline = Distributions.deadline(input, run);
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
            LOG.warn("distribution deadline exceeded", entry("id", d.id()), entry("status", d.status()),
                    entry("deadline", deadline.toString()));
            throw new DistributionDeadlineExceededException("CloudFront distribution " + d.id() + " ("
                    + d.domainName() + ") of application " + input.app() + " is still " + d.status() + " at " + now
                    + "; the deadline was " + deadline + " (timing.distributionTimeoutMinutes = "
                    + input.timing().distributionTimeoutMinutes() + " after the teardown started at " + run.startedAt()
                    + "). It is disabled, or being disabled, and CloudFront finishes that by itself. Run the teardown"
                    + " again later with the same input (or a larger timing.distributionTimeoutMinutes): it resumes,"
                    + " skipping what is already gone.");
        }
        return deadline;
    }

    private static String describe(String id, String domainName) {
        return id + " (" + domainName + ")";
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return List.copyOf(out);
    }
}
