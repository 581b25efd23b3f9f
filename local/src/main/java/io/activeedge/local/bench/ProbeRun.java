package io.activeedge.local.bench;

/** One fresh JVM as the parent saw it: when it was spawned, when it exited, and what it printed. */
record ProbeRun(long spawnNanos, long exitNanos, ProbeResult result) {
    long spawnToMainNanos() {
        return result.mainNanos() - spawnNanos;
    }

    long vmStartToMainNanos() {
        return (result.mainWallMillis() - result.vmStartMillis()) * 1_000_000L;
    }

    long spawnToFirstResultNanos() {
        return result.firstDoneNanos() - spawnNanos;
    }

    long processNanos() {
        return exitNanos - spawnNanos;
    }
}
