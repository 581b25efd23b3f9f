package io.activeedge.local.cli.command;

import io.activeedge.local.bench.ColdRatio;
import io.activeedge.local.bench.FailoverBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-failover}: the failover function's cold start and warm latency ({@link FailoverBenchmark}). */
@Command(name = "bench-failover", description = {
    "measure FailoverFunction's cold start and warm latency on the local cloud (BENCHMARKS.md)",
    "Prints a table; every number goes to local/target/bench/failover.json.",
    "Exits with 1 when the cold decision takes more than 1.3 times the bare Route 53 client (--no-ratio-check: never)."})
public final class BenchFailoverCommand implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "N", description = "fresh JVMs per cold measurement (default: 5)")
    int runs = FailoverBenchmark.DEFAULT_RUNS;

    @Option(names = "--warm", paramLabel = "M", description = "events measured in one warm JVM (default: 200)")
    int warm = FailoverBenchmark.DEFAULT_WARM;

    @Option(names = "--no-ratio-check", description = "exit 0 even when the cold decision ÷ bare client ratio is above 1.3")
    boolean noRatioCheck;

    private final Console console;
    private final String cliMainClass;

    /** @param cliMainClass the CLI's entry point, which the benchmark runs in a JVM of its own to provision */
    public BenchFailoverCommand(Console console, String cliMainClass) {
        this.console = console;
        this.cliMainClass = cliMainClass;
    }

    @Override
    public Integer call() throws Exception {
        if (runs <= 0) {
            throw new UsageException("--runs needs a positive number");
        }
        if (warm <= 0) {
            throw new UsageException("--warm needs a positive number");
        }
        ColdRatio ratio = new FailoverBenchmark(console.root(), runs, warm, cliMainClass).run();
        if (!ratio.within() && !noRatioCheck) {
            console.err().printf("active-edge: bench-failover: the cold decision took %.2f times the bare Route 53 client, more than %.1f"
                    + " (--no-ratio-check to report without failing)%n", ratio.ratio(), ratio.target());
            return 1;
        }
        return 0;
    }
}
