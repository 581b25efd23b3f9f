package io.activeedge.local.cli.command;

import io.activeedge.local.localcloud.LocalState;
import io.activeedge.local.target.LocalSession;
import java.nio.file.Path;

/**
 * Where the functions' log lines go when the CLI runs them itself: .active-edge/functions.log, so the terminal
 * shows progress. Set before anything starts logging.
 */
final class FunctionLogs {

    private FunctionLogs() {
    }

    /** To the file, unless a served local cloud runs the functions (they log to its log). */
    static void toFileUnlessServed(Path root) {
        if (LocalState.running(root).isPresent()) {
            return;
        }
        toFile(root);
    }

    /** The same file for the lines the CLI itself logs through the functions' classes (failover, status). */
    static void toFile(Path root) {
        if (System.getProperty("log4j2.configurationFile") != null) {
            return;
        }
        System.setProperty("activeedge.functionLog", LocalSession.functionLog(root).toString());
        System.setProperty("log4j2.configurationFile", "active-edge-local-log4j2.xml");
    }
}
