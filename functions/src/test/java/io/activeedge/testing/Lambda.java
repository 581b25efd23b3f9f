package io.activeedge.testing;

import io.activeedge.core.Json;
import io.activeedge.core.JsonHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Runs a handler as Lambda does: the event as JSON in, the result as JSON out. */
public final class Lambda {
    private Lambda() {
    }

    /** Runs {@code handler} on {@code event} as it is. */
    public static <O> O invoke(JsonHandler<?, O> handler, byte[] event, Class<O> type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return Json.MAPPER.readValue(out.toByteArray(), type);
    }

    /** Runs {@code handler} on {@code state} written as JSON. */
    public static <I, O> O invoke(JsonHandler<I, O> handler, I state, Class<O> type) throws IOException {
        return invoke(handler, Json.MAPPER.writeValueAsBytes(state), type);
    }

    /** Runs {@code handler} on its function's sample event, events/{@code function}-example.json. */
    public static <O> O onSampleEvent(JsonHandler<?, O> handler, String function, Class<O> type) throws IOException {
        return invoke(handler, SampleEvents.example(function), type);
    }
}
