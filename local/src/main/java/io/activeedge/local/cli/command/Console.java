package io.activeedge.local.cli.command;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What every command works with: the repository it runs in (template.yaml, events/, .active-edge/) and the
 * streams it prints to.
 */
public record Console(Path root, PrintStream out, PrintStream err) {
}
