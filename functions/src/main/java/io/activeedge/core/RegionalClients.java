package io.activeedge.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One client per Region, built the first time that Region is needed and kept while the container is warm.
 * Tests pass a function that returns mocks.
 */
public final class RegionalClients<C> {
    private final Function<String, C> factory;
    private final Map<String, C> clients = new ConcurrentHashMap<>();

    public RegionalClients(Function<String, C> factory) {
        this.factory = factory;
    }

    public C in(String region) {
        return clients.computeIfAbsent(region, factory);
    }
}
