package io.activeedge.local.target;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;

/** The SDK clients of one command: each built on first use, then reused, and all closed with the command. */
final class ClientCache implements AutoCloseable {
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    /** @param key the service, and the Region where one client per Region is needed */
    <C extends SdkClient> C get(String key, Class<C> type, Supplier<C> build) {
        return type.cast(clients.computeIfAbsent(key, k -> build.get()));
    }

    @Override
    public void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
    }
}
