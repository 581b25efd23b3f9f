package io.activeedge.local.cli.command;

import io.activeedge.local.localcloud.EmulatorControl;
import io.activeedge.local.localcloud.LocalClients;
import io.activeedge.local.localcloud.LocalState;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.CommandException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.route53.Route53Client;

/** {@code health}: the running local cloud's endpoint knob, what Route 53 reports for a Region's endpoint check. */
@Command(name = "health", description = {
    "on the running local cloud: what Route 53 reports for the endpoint check of APP in R from now on",
    "(a Region really down, or back)"})
public final class HealthCommand implements Callable<Integer> {

    /** What the endpoint check reports from now on. */
    enum Status { healthy, unhealthy }

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the application (the input's app)")
    String app;

    @Option(names = "--region", required = true, paramLabel = "R", description = "the Region of the endpoint")
    String region;

    @Parameters(index = "0", paramLabel = "healthy|unhealthy", description = "what the endpoint check reports")
    Status status;

    private final Console console;

    public HealthCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        if (app.isBlank() || region.isBlank()) {
            throw new UsageException("health takes --app APP --region R healthy|unhealthy");
        }
        LocalState state = LocalState.running(console.root()).orElseThrow(() -> new CommandException(
                "health sets what the running local cloud reports: start one with ./active-edge up"));
        FunctionLogs.toFile(console.root());
        try (Route53Client route53 = LocalClients.route53(state.motoEndpoint())) {
            EmulatorControl.Health health = new EmulatorControl(state.motoEndpoint())
                    .setEndpointHealth(route53, app, region, status == Status.healthy);
            console.out().println("endpoint check " + health.healthCheckId() + " of " + app + " in " + region + " is "
                    + health.status() + " from now on");
            console.out().println(RoutingTable.format(app, new RoutingTable(route53).of(app)));
        }
        return 0;
    }
}
