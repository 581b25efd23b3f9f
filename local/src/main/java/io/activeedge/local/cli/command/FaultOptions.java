package io.activeedge.local.cli.command;

import io.activeedge.local.localcloud.CloudOptions;
import picocli.CommandLine.Option;

/** {@code --faults RATE [--seed N]} of up and serve: how many of the functions' AWS calls the local cloud fails. */
final class FaultOptions {

    @Option(names = "--faults", paramLabel = "RATE",
            description = "the fraction (0 to 1) of the functions' AWS calls that fail as calls fail under load")
    Double rate;

    @Option(names = "--seed", paramLabel = "N", description = "which calls fail (with --faults; default 0)")
    Long seed;

    /** The emulator's options, or a usage error naming what is wrong. */
    CloudOptions cloudOptions() {
        if (rate == null) {
            if (seed != null) {
                throw new UsageException("--seed picks which calls fail: give --faults RATE too");
            }
            return CloudOptions.DEFAULT;
        }
        if (rate.isNaN() || rate < 0 || rate > 1) {
            throw new UsageException("--faults needs a rate from 0 to 1, e.g. 0.15, not " + rate);
        }
        return CloudOptions.DEFAULT.withFaults(rate, seed == null ? 0 : seed);
    }
}
