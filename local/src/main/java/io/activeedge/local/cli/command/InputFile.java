package io.activeedge.local.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.activeedge.core.Json;
import io.activeedge.local.target.CommandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input of a workflow or a drill, read before anything starts.
 *
 * @param shown the file as the user knows it: relative to the repository when it is inside it
 */
record InputFile(Path path, String shown, ObjectNode json) {

    static final String DEFAULT = "events/provision.json";

    /** @param given the file named on the command line (relative to the working directory), null for the default */
    static InputFile read(Path root, String given) {
        Path file = given == null ? root.resolve(DEFAULT) : Path.of(given);
        if (!Files.isRegularFile(file)) {
            throw new CommandException("no input file " + file);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new CommandException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new CommandException(file + " must hold a JSON object");
        }
        Path absolute = file.toAbsolutePath().normalize();
        return new InputFile(file, absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString(),
                object);
    }
}
