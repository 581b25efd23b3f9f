package io.activeedge.teardown;

import io.activeedge.core.Json;
import io.activeedge.core.JsonHandler;
import io.activeedge.routing.ExampleState;
import io.activeedge.routing.SdkMocks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The example application of DESIGN.md as the teardown steps see it, and how their tests call a handler. */
final class ExampleTeardown {
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2");

    private ExampleTeardown() {
    }

    static TeardownScope scope() {
        return new TeardownScope(ExampleState.zone(), REGIONS);
    }

    /** The sample event of a function, as bytes, when the tests run inside the repository. */
    static Optional<byte[]> event(String function) throws IOException {
        Optional<Path> path = SdkMocks.event(function);
        return path.isPresent() ? Optional.of(Files.readAllBytes(path.get())) : Optional.empty();
    }

    /** Runs a handler as Lambda does, JSON in and JSON out. */
    static <O> O invoke(JsonHandler<TeardownState, O> handler, byte[] event, Class<O> resultType) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readValue(out.toByteArray(), resultType);
    }

    static TeardownState state(byte[] event) throws IOException {
        return Json.MAPPER.readValue(event, TeardownState.class);
    }
}
