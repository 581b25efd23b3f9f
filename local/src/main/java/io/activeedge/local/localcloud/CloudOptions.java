package io.activeedge.local.localcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How strict and how faulty the local cloud's emulator is (the options of moto_launcher.py).
 *
 * @param faultRate                 the fraction of the functions' AWS calls that fail as calls fail under load (0: none)
 * @param faultSeed                 which calls fail
 * @param cloudFrontDeploySeconds   how long a new or changed distribution stays InProgress
 * @param acmValidationDelaySeconds how long a new certificate is not found (the first half) and then has no
 *                                  validation record
 */
public record CloudOptions(double faultRate, long faultSeed, double cloudFrontDeploySeconds,
                           double acmValidationDelaySeconds) {

    /** What every local cloud does unless told otherwise: no faults, short but real waits. */
    public static final CloudOptions DEFAULT = new CloudOptions(0, 0, 2, 1);

    public CloudOptions {
        if (faultRate < 0 || faultRate > 1) {
            throw new IllegalArgumentException("the fault rate must be between 0 and 1, not " + faultRate);
        }
        if (cloudFrontDeploySeconds < 0 || acmValidationDelaySeconds < 0) {
            throw new IllegalArgumentException("waits cannot be negative");
        }
    }

    public CloudOptions withFaults(double rate, long seed) {
        return new CloudOptions(rate, seed, cloudFrontDeploySeconds, acmValidationDelaySeconds);
    }

    public CloudOptions withAcmValidationDelaySeconds(double seconds) {
        return new CloudOptions(faultRate, faultSeed, cloudFrontDeploySeconds, seconds);
    }

    /** The launcher's arguments; --faults and --seed only with faults. */
    List<String> launcherArguments() {
        List<String> arguments = new ArrayList<>(List.of(
                "--cloudfront-deploy-seconds", number(cloudFrontDeploySeconds),
                "--acm-validation-delay-seconds", number(acmValidationDelaySeconds)));
        if (faultRate > 0) {
            arguments.addAll(List.of("--faults", number(faultRate), "--seed", String.valueOf(faultSeed)));
        }
        return arguments;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
