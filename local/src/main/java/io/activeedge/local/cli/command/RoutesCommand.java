package io.activeedge.local.cli.command;

import io.activeedge.local.report.ClientRoutes;
import io.activeedge.local.report.LatencyGroup;
import io.activeedge.local.report.Route;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.AwsAccount;
import io.activeedge.local.target.Cloud;
import io.activeedge.local.target.CommandException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code routes}: which Region Route 53 answers clients near each Region of APP with, and why. */
@Command(name = "routes", description = {
    "per client location near each Region of APP (and a few well-known places): the Region Route 53 answers with,"
            + " and why",
    "Asks Route 53 (TestDNSAnswer with an EDNS0 client subnet at each location); reads Route 53 only."})
public final class RoutesCommand implements Callable<Integer> {

    @Mixin
    Route53ReadOptions target;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the input, to look in its zone"
            + " (default: every public hosted zone is searched for APP's latency records)")
    String file;

    @Option(names = "--json", description = "print a JSON list of {\"location\", \"near\", \"answer\", \"reason\"}")
    boolean json;

    private final Console console;

    public RoutesCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        AwsAccount.Settings settings = target.settings();
        String app = target.app;
        InputFile input = file == null ? null : InputFile.read(console.root(), file);
        if (input != null && !app.equals(input.json().path("app").asText())) {
            throw new CommandException(input.shown() + " is the input of app " + input.json().path("app").asText()
                    + ", not " + app);
        }
        FunctionLogs.toFile(console.root());
        try (Cloud cloud = Cloud.open(settings, console.root(), console.err())) {
            String zoneId = input == null ? null : LatencyGroup.zoneId(cloud.route53(), app,
                    input.json().path("zone").asText(), input.json().path("hostedZoneId").asText(null));
            List<Route> routes = new ClientRoutes(cloud.route53())
                    .of(app, zoneId, new RoutingTable(cloud.route53()).of(app));
            console.out().println(json ? ClientRoutes.json(routes) : ClientRoutes.format(app, routes));
            return 0;
        }
    }
}
