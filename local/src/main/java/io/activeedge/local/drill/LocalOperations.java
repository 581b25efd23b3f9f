package io.activeedge.local.drill;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.local.report.ClientRoutes;
import io.activeedge.local.report.Route;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.LocalSession;
import io.activeedge.local.target.StackResource;
import io.activeedge.local.target.Workflow;
import io.activeedge.local.target.WorkflowRun;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The game day's operations on a local cloud, exactly as the CLI commands run them: the workflows with their
 * stand-ins and short polls (their progress is not shown), the failover function through {@link AlarmDrill},
 * the routing through {@link RoutingTable} and {@link ClientRoutes}, and what is left through {@link Leftovers}, all with the session's
 * clients.
 */
public final class LocalOperations implements GameDayDrill.Operations {

    private final LocalSession cloud;
    private final Duration timeout;
    private final String source;
    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

    /**
     * @param timeout how long to wait for each workflow run
     * @param source  what the input is called in an execution's line (its file)
     */
    public LocalOperations(LocalSession cloud, Duration timeout, String source) {
        this.cloud = cloud;
        this.timeout = timeout;
        this.source = source;
    }

    @Override
    public GameDayDrill.Execution provision(ObjectNode input) {
        return workflow(Workflow.PROVISION, input);
    }

    @Override
    public GameDayDrill.Execution teardown(ObjectNode input) {
        return workflow(Workflow.TEARDOWN, input);
    }

    private GameDayDrill.Execution workflow(Workflow workflow, ObjectNode input) {
        WorkflowRun.Result result = new WorkflowRun(cloud, quiet).run(workflow, input, source, timeout);
        return result.succeeded()
                ? new GameDayDrill.Execution(true, "SUCCEEDED in " + result.took())
                : new GameDayDrill.Execution(false, result.status() + " after " + result.took() + ": " + result.error()
                        + (result.cause() == null ? "" : ": " + result.cause()));
    }

    @Override
    public AlarmDrill.Outcome alarm(String app, String region, String state) {
        String function = cloud.arn(StackResource.FAILOVER_FUNCTION);
        return new AlarmDrill(cloud.cloudWatch(region), event -> cloud.invoke(function, event), Clock.systemUTC())
                .run(app, state);
    }

    @Override
    public List<RoutingTable.Row> routing(String app) {
        return new RoutingTable(cloud.route53()).of(app);
    }

    @Override
    public List<Route> routes(String app) {
        return new ClientRoutes(cloud.route53()).of(app, null, routing(app));
    }

    @Override
    public List<String> leftovers(String app, String zone, List<String> aliases, List<String> regions) {
        return new Leftovers(cloud.route53(), cloud.cloudFront(), cloud::acm, cloud::apiGateway, cloud::cloudWatch)
                .of(app, zone, aliases, regions);
    }
}
