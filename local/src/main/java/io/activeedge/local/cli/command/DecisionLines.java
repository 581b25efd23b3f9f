package io.activeedge.local.cli.command;

import io.activeedge.failover.FailoverDecision;
import io.activeedge.local.report.RoutingTable;
import io.activeedge.local.target.Glyphs;
import java.io.PrintStream;
import software.amazon.awssdk.services.route53.Route53Client;

/** How the commands that send the failover function an event print its decision, then where traffic goes now. */
final class DecisionLines {

    private DecisionLines() {
    }

    static void print(PrintStream out, String region, FailoverDecision decision, String app, Route53Client route53) {
        out.println("decision  " + decision.action() + " " + region + ": "
                + (decision.before() == null ? "?" : decision.before()) + " " + Glyphs.of(out).arrow() + " "
                + (decision.after() == null ? "?" : decision.after()));
        out.println("reason    " + decision.reason());
        out.println();
        out.println(RoutingTable.format(app, new RoutingTable(route53).of(app)));
    }
}
