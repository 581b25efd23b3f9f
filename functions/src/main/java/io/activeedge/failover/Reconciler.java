package io.activeedge.failover;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.Deadline;
import io.activeedge.core.LogContext;
import io.activeedge.core.RegionalClients;
import io.activeedge.errors.InvalidInputException;
import io.activeedge.failover.FailoverDecision.Action;
import io.activeedge.routing.healthchecks.HealthCheckSearch;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;

/**
 * Failover as a reconciler (DESIGN.md, "Failover: a reconciler over current state"): whatever triggered it, it reads
 * the application's current state ({@link FailoverObserver}), decides the switches ({@link FailoverPlanner}) and
 * converges them ({@link SwitchWriter}). So event order, duplicates and lost events do not change the result.
 * <ul>
 *   <li>An alarm event reconciles the application that marks the alarm; an event of an alarm no application marks,
 *       or of another account, is dropped with a log line and no call while the index of marked alarms is
 *       fresh.</li>
 *   <li>A scheduled run reconciles every application, with the index of marked alarms read afresh: a lost event,
 *       a refused drain or an alarm marked since is taken up within one period.</li>
 *   <li>When a switch changed between the read and the write (HealthCheckVersion), it reads and decides again, up
 *       to {@link #MAX_ROUNDS} times.</li>
 *   <li>After draining, it reads the switches again; if another writer meanwhile left no Region serving, it undoes
 *       its own drains.</li>
 *   <li>It stops at the deadline, before the function's timeout, and leaves the rest to the next run. The SDK's
 *       retries are the only retry layer: a failure of a queued event is logged and counted, not thrown, so neither
 *       SQS nor Lambda repeats it; the next scheduled run converges.</li>
 * </ul>
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    static final int MAX_ROUNDS = 3;
    /**
     * Time an application's reconciliation needs left to start: two calls that use their whole timeout
     * ({@link io.activeedge.core.Clients#failoverRoute53}: 8 s per call, retries included).
     */
    static final Duration TIME_TO_START = Duration.ofSeconds(16);
    /** Time a write needs left: one call that uses its whole timeout. */
    static final Duration TIME_TO_WRITE = Duration.ofSeconds(8);
    static final String STATISTICS_REGION = "us-east-1";

    private final RegionalClients<CloudWatchClient> cloudWatch;
    private final RegionalClients<ResourceGroupsTaggingApiClient> tagging;
    private final FailoverObserver observer;
    private final SwitchWriter writer;
    private final MarkedAlarms marked;
    private final FailoverMetrics metrics;
    private final Clock clock;

    public Reconciler(Route53Client route53, RegionalClients<CloudWatchClient> cloudWatch,
            RegionalClients<ResourceGroupsTaggingApiClient> tagging, Clock clock, FailoverMetrics metrics) {
        this.cloudWatch = cloudWatch;
        this.tagging = tagging;
        this.marked = new MarkedAlarms(tagging, cloudWatch, clock);
        this.observer = new FailoverObserver(route53, cloudWatch, marked,
                new EndpointHealth(cloudWatch.in(STATISTICS_REGION), route53, clock), clock);
        this.writer = new SwitchWriter(route53);
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Builds the clients of {@code region} (the function's own Region, where the alarms of its EventBridge rule are)
     * before they are needed, without a call: for the SnapStart snapshot.
     */
    public void prepare(String region) {
        if (region != null && !region.isBlank()) {
            cloudWatch.in(region);
            tagging.in(region);
        }
    }

    private record Job(String app, OperatorCommand command) {
    }

    /**
     * @param ownAccount the function's own account: alarm events of other accounts are dropped (null: not checked)
     * @param queued     the triggers came from the queue: a failure is logged and counted, and left to the next run
     */
    public FailoverResult run(List<Trigger> triggers, Deadline deadline, String ownAccount, boolean queued) {
        List<FailoverDecision> decisions = new ArrayList<>();
        Map<String, Map<String, AlarmChange>> events = new LinkedHashMap<>();
        Map<String, String> alarmOf = new LinkedHashMap<>();
        List<Job> jobs = new ArrayList<>();
        boolean everyApp = false;
        for (Trigger trigger : triggers) {
            switch (trigger) {
                case Trigger.AlarmChanged a -> {
                    AlarmChange change = a.change();
                    String account = accountOf(change.alarmArn());
                    if (ownAccount != null && account != null && !ownAccount.equals(account)) {
                        decisions.add(ignored(change, "the alarm is in account " + account + ", not this one"));
                        continue;
                    }
                    Optional<MarkedAlarms.Marked> owner;
                    try {
                        owner = marked.of(change.region(), change.alarmArn());
                    } catch (RuntimeException e) {
                        if (!queued) {
                            throw e;
                        }
                        failed(null, e);
                        decisions.add(ignored(change, "whose alarm this is could not be read (" + e.getMessage()
                                + "); the next scheduled run reconciles"));
                        continue;
                    }
                    if (owner.isEmpty()) {
                        decisions.add(ignored(change, "no application marks this alarm (tag active-edge:app)"));
                        continue;
                    }
                    String app = owner.get().app();
                    events.computeIfAbsent(app, k -> new LinkedHashMap<>()).merge(change.alarmArn(), change,
                            AlarmStates::newer);
                    alarmOf.putIfAbsent(app, change.alarmName());
                    jobs.add(new Job(app, null));
                }
                case Trigger.Scheduled s -> everyApp = true;
                case Trigger.Operator o -> jobs.add(new Job(checked(o.command()).app(), o.command()));
                case Trigger.Unreadable u -> {
                    LOG.warn("queued message unreadable", entry("messageId", u.messageId()), entry("why", u.why()),
                            entry("action", "dropped"));
                    decisions.add(new FailoverDecision(null, null, null, null, null, null, Action.IGNORED.name(),
                            "message " + u.messageId() + " is not an event the failover function reads: " + u.why()));
                }
            }
        }

        if (everyApp) {
            marked.expire();
        }
        Map<String, List<HealthCheckSearch.Tagged>> checks = everyApp ? observer.applications() : new LinkedHashMap<>();
        if (everyApp) {
            // Each minute's run starts at another application, so that one that fails or is slow does not always
            // leave the same ones out.
            List<String> apps = new ArrayList<>(checks.keySet());
            if (!apps.isEmpty()) {
                Collections.rotate(apps, -(int) (clock.instant().getEpochSecond() / 60 % apps.size()));
            }
            apps.forEach(app -> jobs.add(new Job(app, null)));
        }
        RuntimeException firstFailure = null;
        List<String> done = new ArrayList<>();
        for (Job job : jobs) {
            if (job.command() == null && done.contains(job.app())) {
                continue;
            }
            if (job.command() == null) {
                done.add(job.app());
            }
            if (!deadline.allows(TIME_TO_START)) {
                LOG.warn("out of time", LogContext.app(job.app()), entry("action", "left-to-next-run"));
                decisions.add(new FailoverDecision(alarmOf.get(job.app()), job.app(), null, null, null, null,
                        Action.IGNORED.name(), "out of time in this invocation; the next scheduled run reconciles"));
                continue;
            }
            try {
                List<HealthCheckSearch.Tagged> known = checks.remove(job.app());
                decisions.addAll(reconcile(job.app(), known, events.getOrDefault(job.app(), Map.of()), job.command(),
                        alarmOf.get(job.app()), deadline));
            } catch (InvalidInputException e) {
                throw e;
            } catch (RuntimeException e) {
                failed(job.app(), e);
                decisions.add(new FailoverDecision(alarmOf.get(job.app()), job.app(), null, null, null, null,
                        Action.IGNORED.name(), "failed: " + e.getMessage() + "; the next scheduled run reconciles"));
                if (firstFailure == null) {
                    firstFailure = e;
                }
            }
        }
        // Called directly (the schedule, an operator, an alarm action), a failure still fails the invocation, after
        // every other application had its turn: the function's Errors alarm and the failed-event queue see it.
        if (firstFailure != null && !queued) {
            throw firstFailure;
        }
        return new FailoverResult(List.copyOf(decisions));
    }

    private void failed(String app, RuntimeException e) {
        LOG.error("reconciliation failed", LogContext.app(app), entry("error", e.toString()),
                entry("action", "left-to-next-run"), e);
        metrics.count(FailoverMetrics.FAILED, app == null ? "unknown" : app, "all");
    }

    private List<FailoverDecision> reconcile(String app, List<HealthCheckSearch.Tagged> known,
            Map<String, AlarmChange> events, OperatorCommand command, String alarm, Deadline deadline) {
        List<HealthCheckSearch.Tagged> checks = known;
        // What earlier rounds wrote before a switch changed under them: their decisions stand, and their drains count
        // for the check after writing.
        Map<String, FailoverDecision> earlier = new LinkedHashMap<>();
        List<Plan.Step> writtenBefore = new ArrayList<>();
        for (int round = 1; ; round++) {
            if (checks == null || round > 1) {
                checks = observer.checksOf(app);
            }
            Observation observation = observer.observe(app, checks, events);
            if (observation.regions().isEmpty()) {
                if (command != null) {
                    throw new InvalidInputException("operator.app", "application " + app
                            + " has no health checks: provision it first");
                }
                return List.of(new FailoverDecision(alarm, app, null, null, null, null, Action.IGNORED.name(),
                        "the application has no health checks: run provisioning again"));
            }
            Plan plan = FailoverPlanner.plan(observation, command);
            Map<String, Long> versions = new LinkedHashMap<>();
            observation.regions().forEach(r -> versions.put(r.region(), r.switchVersion()));
            List<Plan.Step> written = new ArrayList<>();
            boolean conflict = false;
            boolean late = false;
            for (Plan.Step step : ordered(plan)) {
                if (!step.flips() && !step.holdChanged()) {
                    continue;
                }
                if (!deadline.allows(TIME_TO_WRITE)) {
                    late = true;
                    break;
                }
                if (!writer.write(app, step, versions.get(step.region()), clock.instant())) {
                    conflict = true;
                    break;
                }
                written.add(step);
            }
            if (conflict && round < MAX_ROUNDS && deadline.allows(TIME_TO_START)) {
                decisions(observation, plan, written, alarm, false).stream()
                        .filter(d -> written.stream().anyMatch(w -> w.region().equals(d.region())))
                        .forEach(d -> earlier.put(d.region(), d));
                writtenBefore.addAll(written);
                continue;
            }
            List<FailoverDecision> decisions = new ArrayList<>(decisions(observation, plan, written, alarm,
                    conflict || late));
            decisions.replaceAll(d -> Action.UNCHANGED.name().equals(d.action()) && earlier.containsKey(d.region())
                    ? earlier.get(d.region()) : d);
            List<Plan.Step> allWritten = new ArrayList<>(writtenBefore);
            allWritten.addAll(written);
            decisions = undoIfNoneServes(app, observation, command, allWritten, decisions, deadline);
            report(observation, decisions);
            return decisions;
        }
    }

    /** Restores (and hold changes) before drains: a drain then finds the Regions that came back. */
    private static List<Plan.Step> ordered(Plan plan) {
        List<Plan.Step> steps = new ArrayList<>(plan.regions().stream().filter(s -> !(s.flips() && s.drain())).toList());
        steps.addAll(plan.regions().stream().filter(s -> s.flips() && s.drain()).toList());
        return steps;
    }

    private static List<FailoverDecision> decisions(Observation observation, Plan plan, List<Plan.Step> written,
            String alarm, boolean unfinished) {
        List<FailoverDecision> decisions = new ArrayList<>();
        for (Plan.Step step : plan.regions()) {
            boolean done = !step.flips() || written.contains(step);
            String before = FailoverDecision.stateOf(step.drained());
            if (!done) {
                decisions.add(new FailoverDecision(alarm, plan.app(), step.region(), step.switchId(), before, before,
                        Action.UNCHANGED.name(), step.reason() + "; not written: " + (unfinished
                                ? "the switch kept changing or time ran out; the next run reconciles" : "")));
                continue;
            }
            decisions.add(new FailoverDecision(alarm, plan.app(), step.region(), step.switchId(), before,
                    FailoverDecision.stateOf(step.drain()), step.action().name(), step.reason()));
        }
        return decisions;
    }

    /**
     * Reads the switches again after draining. When no Region serves now though one did before (another writer
     * drained the others meanwhile), undoes this run's own drains, except a forced hold.
     */
    private List<FailoverDecision> undoIfNoneServes(String app, Observation observation, OperatorCommand command,
            List<Plan.Step> written, List<FailoverDecision> decisions, Deadline deadline) {
        List<Plan.Step> drains = written.stream().filter(s -> s.flips() && s.drain()
                && !(command != null && command.forced() && command.hold() && s.region().equals(command.region())))
                .toList();
        if (drains.isEmpty() || observation.regions().stream().noneMatch(r -> r.serves(r.drained()))) {
            return decisions;
        }
        Map<String, HealthCheck> now = observer.switches(observation);
        boolean serves = observation.regions().stream().anyMatch(r -> {
            HealthCheck sw = now.get(r.region());
            return sw != null && r.serves(Boolean.TRUE.equals(sw.healthCheckConfig().inverted()));
        });
        if (serves) {
            return decisions;
        }
        List<FailoverDecision> undone = new ArrayList<>(decisions);
        for (Plan.Step drain : drains) {
            HealthCheck sw = now.get(drain.region());
            if (sw == null || !Boolean.TRUE.equals(sw.healthCheckConfig().inverted())) {
                continue;
            }
            Plan.Step back = new Plan.Step(drain.region(), drain.switchId(), drain.gateId(), true, false, drain.hold(), false,
                    FailoverTags.CAUSE_RESTORE, "guard", Action.RESTORED, "undone");
            boolean restored = deadline.allows(TIME_TO_WRITE)
                    && writer.write(app, back, sw.healthCheckVersion(), clock.instant());
            String outcome = restored
                    ? "; undone: read again after the write, no Region served (another change drained the others meanwhile)"
                    : "; read again after the write, no Region served, and undoing it failed (the switch changed again,"
                            + " or no time was left): the next scheduled run reconciles; until then Route 53 answers"
                            + " with every Region";
            if (!restored) {
                LOG.warn("undo not written", LogContext.app(app), LogContext.region(drain.region()),
                        entry("switch", drain.switchId()), entry("action", "left-to-next-run"));
            }
            undone.replaceAll(d -> drain.region().equals(d.region()) ? new FailoverDecision(d.alarm(), d.app(),
                    d.region(), d.switchId(), d.before(), restored ? FailoverDecision.SERVING : FailoverDecision.DRAINED,
                    Action.REFUSED.name(), d.reason() + outcome) : d);
        }
        return undone;
    }

    private void report(Observation observation, List<FailoverDecision> decisions) {
        Map<String, Observation.Region> byRegion = new LinkedHashMap<>();
        observation.regions().forEach(r -> byRegion.put(r.region(), r));
        for (FailoverDecision decision : decisions) {
            Observation.Region seen = byRegion.get(decision.region());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("alarm", decision.alarm());
            fields.put("switch", decision.switchId());
            fields.put("before", decision.before());
            fields.put("after", decision.after());
            fields.put("action", decision.action());
            fields.put("reason", decision.reason());
            if (seen != null) {
                fields.put("alarms", seen.alarms().stream().map(a -> a.name() + "=" + a.state() + "@" + a.since()).toList());
                fields.put("hold", seen.hold() == null ? null : seen.hold().reason() + " (" + seen.hold().by() + ")");
                fields.put("endpointHealthy", seen.endpointHealthy());
                fields.put("recordExists", seen.recordExists());
                fields.put("minDrainSeconds", seen.minDrainSeconds());
                fields.put("dataPlane", seen.dataPlane());
            }
            fields.values().removeIf(v -> v == null);
            Object[] arguments = {LogContext.app(decision.app()), LogContext.region(decision.region()),
                StructuredArguments.entries(fields)};
            if (Action.REFUSED.name().equals(decision.action())) {
                LOG.warn("failover decision", arguments);
            } else {
                LOG.info("failover decision", arguments);
            }
            String metric = switch (Action.valueOf(decision.action())) {
                case DRAINED -> FailoverMetrics.DRAINED;
                case RESTORED -> FailoverMetrics.RESTORED;
                case REFUSED -> FailoverMetrics.REFUSED;
                case HELD -> FailoverMetrics.HELD;
                default -> null;
            };
            if (metric != null) {
                metrics.count(metric, decision.app(), decision.region());
            }
        }
    }

    private static FailoverDecision ignored(AlarmChange change, String reason) {
        LOG.info("alarm event dropped", entry("alarm", change.alarmName()), LogContext.region(change.region()),
                entry("reason", reason));
        return new FailoverDecision(change.alarmName(), null, change.region(), null, null, null,
                Action.IGNORED.name(), reason);
    }

    private static OperatorCommand checked(OperatorCommand command) {
        if (command.app() == null || command.app().isBlank()) {
            throw new InvalidInputException("operator.app", "which application: the input's app");
        }
        if (command.region() == null || command.region().isBlank()) {
            throw new InvalidInputException("operator.region", "which Region to hold or release");
        }
        if (!OperatorCommand.HOLD.equals(command.action()) && !OperatorCommand.RELEASE.equals(command.action())) {
            throw new InvalidInputException("operator.action", "\"" + command.action() + "\" is neither \""
                    + OperatorCommand.HOLD + "\" nor \"" + OperatorCommand.RELEASE + "\"");
        }
        return command;
    }

    /** arn:partition:lambda:region:account:function:name[:alias]; null when there is none. */
    static String accountOfFunction(String arn) {
        return accountOf(arn);
    }

    /** arn:partition:cloudwatch:region:account:alarm:name. */
    static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
    }
}
