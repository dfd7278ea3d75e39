package io.scamsignal.domain.benign;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Overrides held in memory: for tests, and as the cache a storage adapter refreshes. */
public final class InMemoryBenignOverrides implements BenignOverrides {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public InMemoryBenignOverrides put(String indicatorKey, Entry entry) {
        entries.put(indicatorKey, entry);
        return this;
    }

    /** Back to what the lists say. */
    public InMemoryBenignOverrides remove(String indicatorKey) {
        entries.remove(indicatorKey);
        return this;
    }

    @Override
    public Optional<Entry> find(String indicatorKey) {
        return Optional.ofNullable(entries.get(indicatorKey));
    }
}
