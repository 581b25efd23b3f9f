package io.activeedge.failover;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.LogContext;
import io.activeedge.core.Tags;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheckVersionMismatchException;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * Carries out one step of a {@link Plan} on the Region's switch: the hold (a tag on the gate) first (so a hold is never lost
 * between two calls), then the tags that say when, by whom and why the switch changes, then {@code Inverted} with the
 * HealthCheckVersion that was read. Only the switch's settings are ever written (the gate gets only its hold tag);
 * the endpoint and gate checks keep theirs.
 * The switch is a disabled check: https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html
 * (Disabled): "After you disable a health check, Route 53 considers the status of the health check to always be
 * healthy. [...] If you want to stop routing traffic to a resource, change the value of Inverted."
 */
final class SwitchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(SwitchWriter.class);

    private final Route53Client route53;

    SwitchWriter(Route53Client route53) {
        this.route53 = route53;
    }

    /**
     * @param version the switch's HealthCheckVersion as observed
     * @return false when the switch changed since it was read (nothing of the flip was written)
     */
    boolean write(String app, Plan.Step step, Long version, Instant now) {
        if (step.holdChanged()) {
            writeHold(step);
        }
        if (!step.flips()) {
            return true;
        }
        // The change's tags go first, describing the change about to be made: should the flip then fail, a tag
        // naming a change that did not happen misleads nothing (flap damping reads it only on a drained switch that
        // an alarm drained); the other way round, a flip whose tags failed would lose its cause and escape damping.
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(FailoverTags.CHANGED_AT, now.truncatedTo(ChronoUnit.MILLIS).toString());
        tags.put(FailoverTags.CHANGED_BY, FailoverTags.changedBy(
                step.cause() == null ? FailoverTags.CAUSE_RESTORE : step.cause(), step.changedBy()));
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(step.switchId())
                .addTags(Tags.toList(tags, (k, v) -> Tag.builder().key(k).value(v).build())));
        try {
            // https://docs.aws.amazon.com/Route53/latest/APIReference/API_UpdateHealthCheck.html (HealthCheckVersion):
            // "If the value of HealthCheckVersion in the health check is greater, the health check was changed after
            // you got the version number. Route 53 does not update the health check, and it returns a
            // HealthCheckVersionMismatch error" (HTTP 409).
            route53.updateHealthCheck(r -> r.healthCheckId(step.switchId()).healthCheckVersion(version)
                    .inverted(step.drain()));
        } catch (HealthCheckVersionMismatchException e) {
            LOG.warn("switch changed meanwhile", LogContext.app(app), LogContext.region(step.region()),
                    entry("switch", step.switchId()), entry("sentVersion", version), entry("action", "read-again"));
            return false;
        }
        return true;
    }

    /** The hold lives on the gate ({@link FailoverTags#HOLD}). */
    private void writeHold(Plan.Step step) {
        if (step.gateId() == null) {
            throw new IllegalStateException("the Region " + step.region() + " has no gate to carry the hold");
        }
        if (step.hold() == null) {
            route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(step.gateId())
                    .removeTagKeys(FailoverTags.HOLD));
            return;
        }
        String value = new FailoverTags.HoldTag(step.hold().since(), step.hold().by(), step.hold().reason()).value();
        route53.changeTagsForResource(r -> r.resourceType(TagResourceType.HEALTHCHECK).resourceId(step.gateId())
                .addTags(Tag.builder().key(FailoverTags.HOLD).value(value).build()));
    }
}
