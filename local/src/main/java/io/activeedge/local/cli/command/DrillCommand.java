package io.activeedge.local.cli.command;

import io.activeedge.local.drill.GameDayDrill;
import io.activeedge.local.drill.LocalOperations;
import io.activeedge.local.target.LocalSession;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code drill}: the game day on the local cloud ({@link GameDayDrill}); exit 1 names the step that failed. */
@Command(name = "drill", description = {
    "game day on the local cloud: provision FILE, check that each client location is served by its nearest"
            + " Region, drain R through its alarm, check that only the other Regions serve and R's clients moved to"
            + " their next-closest, recover it, check that all serve, tear down, check that nothing is left",
    "One line per step; after a failed step the drill still tears down. Exit 1 naming the step that failed."})
public final class DrillCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "the input (default: " + InputFile.DEFAULT + "); two Regions or more, one with an alarm")
    String file;

    @Option(names = "--region", paramLabel = "R", description = "the Region to drain (default: the first Region of"
            + " the input with an alarm)")
    String region;

    @Option(names = "--timeout", paramLabel = "M", description = "stop waiting for a workflow after M minutes"
            + " (default: 10)")
    int timeoutMinutes = 10;

    /** Taken only to say why not: the drill creates and deletes an application, which is for the local cloud. */
    @Option(names = "--aws", hidden = true)
    boolean aws;

    private final Console console;

    public DrillCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (aws) {
            throw new UsageException("drill runs on the local cloud only: it provisions, drains and tears down an"
                    + " application; rehearse in an account with provision, failover, status, recover and teardown --aws");
        }
        InputFile input = InputFile.read(console.root(), file);
        GameDayDrill.regionToDrain(input.json(), region);
        FunctionLogs.toFile(console.root());
        try (LocalSession cloud = LocalSession.open(console.root(), console.out())) {
            GameDayDrill.Report report = new GameDayDrill(new LocalOperations(cloud, Duration.ofMinutes(timeoutMinutes),
                    input.shown()), console.out()).run(input.json(), region);
            if (report.passed()) {
                console.out().println("drill passed");
                return 0;
            }
            console.err().println("active-edge: drill failed at " + String.join("; ", report.failed().stream()
                    .map(step -> "step " + step.number() + " (" + step.name() + "): " + step.detail()).toList()));
            return 1;
        }
    }
}
