package io.activeedge.routing.healthchecks;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Sleeper;
import io.activeedge.core.Tags;
import io.activeedge.errors.HealthCheckInUseException;
import io.activeedge.routing.healthchecks.HealthCheckSearch.Tagged;
import io.activeedge.teardown.RemovalResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckConfig;
import software.amazon.awssdk.services.route53.model.HealthCheckType;
import software.amazon.awssdk.services.route53.model.NoSuchHealthCheckException;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Deletes every health check tagged for the application, in every Region, duplicates included: calculated
 * checks with children (the gates) first, then the switches, then the endpoint checks and the data-plane alarm
 * checks (failover.dataPlane), so that no check is deleted while a parent still lists it. A check already gone is
 * no error.
 */
public final class HealthCheckRemover {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckRemover.class);
    /**
     * Route 53's error code for a check that something still refers to. The API reference does not promise it:
     * https://docs.aws.amazon.com/Route53/latest/APIReference/API_DeleteHealthCheck.html lists HealthCheckInUse, but the
     * route53 model marks it deprecated, "This error code is not in use", and the page says "Amazon Route 53 does not
     * prevent you from deleting a health check even if the health check is associated with one or more resource record
     * sets". No page says whether Route 53 refuses to delete a child of a calculated check; the passes below act only
     * if it answers HealthCheckInUse.
     */
    static final String IN_USE = "HealthCheckInUse";
    /** Passes over the checks Route 53 called in use, after the others (their parents) are gone. */
    static final int IN_USE_PASSES = 3;
    static final Duration IN_USE_WAIT = Duration.ofSeconds(1);

    private final Route53Client route53;
    private final HealthCheckSearch search;
    private final Sleeper sleeper;

    public HealthCheckRemover(Route53Client route53, Sleeper sleeper) {
        this.route53 = route53;
        this.search = new HealthCheckSearch(route53);
        this.sleeper = sleeper;
    }

    /** Deletes every health check tagged for {@code app}. */
    public RemovalResult delete(String app) {
        List<Tagged> pending = search.ofApp(app).stream().sorted(Comparator.comparingInt(HealthCheckRemover::order))
                .toList();
        if (pending.isEmpty()) {
            LOG.info("health checks none");
            return new RemovalResult(List.of(), List.of());
        }
        List<String> deleted = new ArrayList<>();
        for (int pass = 1; ; pass++) {
            List<Tagged> inUse = new ArrayList<>();
            for (Tagged check : pending) {
                try {
                    route53.deleteHealthCheck(r -> r.healthCheckId(check.id()));
                    deleted.add(describe(check));
                    LOG.info("health check deleted", LogContext.region(check.region()), entry("role", check.role()),
                            entry("id", check.id()));
                } catch (NoSuchHealthCheckException e) {
                    LOG.info("health check already gone", LogContext.region(check.region()),
                            entry("role", check.role()), entry("id", check.id()));
                } catch (Route53Exception e) {
                    if (!isInUse(e)) {
                        throw e;
                    }
                    inUse.add(check);
                    LOG.info("health check in use", LogContext.region(check.region()), entry("role", check.role()),
                            entry("id", check.id()), entry("pass", pass), entry("action", "retry-after-the-others"));
                }
            }
            if (inUse.isEmpty()) {
                return new RemovalResult(List.copyOf(deleted), List.of());
            }
            if (pass >= IN_USE_PASSES) {
                String which = inUse.stream().map(HealthCheckRemover::describe).collect(Collectors.joining(", "));
                LOG.warn("health checks still in use", entry("checks", which), entry("deleted", deleted.size()));
                throw new HealthCheckInUseException("Route 53 refused " + IN_USE_PASSES + " times to delete health"
                        + " check(s) of application " + app + " because something still refers to them: " + which
                        + ". Find what does (a record in any hosted zone whose health check is that id, or a calculated"
                        + " health check that lists it as a child), remove that reference, then run the teardown again"
                        + " with the same input: it resumes, skipping what is already gone.");
            }
            sleeper.sleep(IN_USE_WAIT.multipliedBy(pass));
            pending = inUse;
        }
    }

    /** Parents first: a calculated check with children, then the switches, then the rest (endpoint, alarm checks). */
    private static int order(Tagged check) {
        HealthCheckConfig config = check.check().healthCheckConfig();
        if (config != null && config.type() == HealthCheckType.CALCULATED && config.hasChildHealthChecks()
                && !config.childHealthChecks().isEmpty()) {
            return 0;
        }
        return Tags.ROLE_SWITCH_CHECK.equals(check.role()) ? 1 : 2;
    }

    private static boolean isInUse(Route53Exception e) {
        return e.awsErrorDetails() != null && IN_USE.equals(e.awsErrorDetails().errorCode());
    }

    private static String describe(Tagged check) {
        return check.id() + " (" + check.region() + " " + check.role() + ")";
    }
}
