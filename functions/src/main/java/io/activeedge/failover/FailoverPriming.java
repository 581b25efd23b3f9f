package io.activeedge.failover;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import io.activeedge.core.SdkPriming;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover function's SnapStart runtime hook. Before Lambda takes the snapshot of an initialised function it
 * runs the decision's serialization path (parse sample events, write a result) and the SDK's request path for the
 * calls a decision makes, both without any AWS call, so that a restored function finds those classes loaded and run
 * instead of paying for them on its first event.
 * <p>
 * https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html: a {@code Resource} registered with
 * {@code Core.getGlobalContext()} gets {@code beforeCheckpoint()} before the snapshot and {@code afterRestore()} after
 * each restore; "Your beforeCheckpoint() runtime hook counts toward the initialization code time limit", and
 * afterRestore() must finish within 10 seconds. Outside SnapStart (a plain JVM, the local cloud, tests) the global
 * context never calls either, so registering costs nothing.
 * <p>
 * After a restore nothing needs reseeding (https://docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html):
 * the hook generates nothing unique, opens no connection (the SDK path runs against canned answers) and caches no
 * credentials; the SDK clients' retry jitter draws from a SecureRandom (core.SnapSafeBackoff), which the Lambda
 * runtimes keep unique across restores, instead of ThreadLocalRandom, whose seeds would be in the snapshot.
 */
public final class FailoverPriming implements Resource {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverPriming.class);
    /**
     * org.crac holds registered resources weakly (Core's ResourceWrapper is a WeakReference): a hook that nothing
     * else references could be collected before the checkpoint. Registered hooks stay here for the JVM's life.
     */
    private static final List<FailoverPriming> REGISTERED = new CopyOnWriteArrayList<>();

    private final Runnable serialization;
    private final IntSupplier sdk;
    private volatile int restores;

    /** @param serialization the decision's serialization path; it must make no AWS call */
    public FailoverPriming(Runnable serialization) {
        this(serialization, SdkPriming::run);
    }

    FailoverPriming(Runnable serialization, IntSupplier sdk) {
        this.serialization = serialization;
        this.sdk = sdk;
    }

    /** Registers this hook with the global CRaC context, which Lambda's SnapStart runtime calls. */
    public FailoverPriming register() {
        REGISTERED.add(this);
        Core.getGlobalContext().register(this);
        return this;
    }

    /**
     * Runs {@link #beforeCheckpoint} of every registered hook, as Lambda does before it takes the snapshot. For a JVM
     * with no snapshot (the local benchmark models SnapStart with it); returns how many hooks ran.
     */
    public static int beforeCheckpointOfRegistered() {
        REGISTERED.forEach(FailoverPriming::prime);
        return REGISTERED.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restores++;
        LOG.info("failover function restored from its SnapStart snapshot", entry("restores", restores));
    }

    /**
     * Runs both paths. A failure is logged, not thrown: priming only saves time, and a hook that throws would fail
     * the function's snapshot and with it the deployment of the version.
     *
     * @return whether both paths ran to the end
     */
    boolean prime() {
        boolean complete = true;
        long start = System.nanoTime();
        try {
            serialization.run();
        } catch (RuntimeException e) {
            complete = false;
            LOG.warn("priming the serialization path failed; the first event will pay for it",
                    entry("primingStep", "serialization"), e);
        }
        int calls = 0;
        try {
            calls = sdk.getAsInt();
        } catch (RuntimeException e) {
            complete = false;
            LOG.warn("priming the SDK failed; the first event will pay for it", entry("primingStep", "sdk"), e);
        }
        LOG.info("primed the failover function before its snapshot", entry("sdkCalls", calls),
                entry("primingMillis", (System.nanoTime() - start) / 1_000_000), entry("complete", complete));
        return complete;
    }

    int restores() {
        return restores;
    }

    static boolean isRegistered(FailoverPriming hook) {
        return REGISTERED.contains(hook);
    }
}
