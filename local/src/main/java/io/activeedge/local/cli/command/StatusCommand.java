package io.activeedge.local.cli.command;

import io.activeedge.local.report.ClientRoutes;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.CommandException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code status}: where an application's traffic goes, Region by Region, read from its health checks. */
@Command(name = "status", description = {
    "per Region of APP: endpoint health, switch, gate, and which Regions receive traffic; then which Region"
            + " answers clients near each (as routes prints it)",
    "Reads Route 53 only."})
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    Route53ReadOptions target;

    private final Console console;

    public StatusCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        AwsAccount.Settings settings = target.settings();
        String app = target.app;
        FunctionLogs.toFile(console.root());
        try (Cloud cloud = Cloud.open(settings, console.root(), console.err())) {
            List<RoutingTable.Row> rows = new RoutingTable(cloud.route53()).of(app);
            console.out().println(RoutingTable.format(app, rows));
            try {
                console.out().println(ClientRoutes.format(app, new ClientRoutes(cloud.route53()).of(app, null, rows)));
            } catch (CommandException e) {
                console.out().println("clients of " + app + ": " + e.getMessage());
            }
            return 0;
        }
    }
}
