package io.scamsignal.domain.feed;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first and last version of each object in a collection, which {@code match[version]=last}
 * (the default) and {@code first} need: an entry is the last version only if no later one was
 * appended. The feed table keeps them in one item per object, updated in the same transaction as
 * the append; tests build it from the entries.
 */
public interface VersionIndex {

    record Span(Instant first, Instant last) {
    }

    Optional<Span> span(String objectId);

    static VersionIndex of(Collection<FeedEntry> entries) {
        Map<String, Span> spans = new HashMap<>();
        for (FeedEntry e : entries) {
            spans.merge(e.objectId(), new Span(e.version(), e.version()), (a, b) -> new Span(
                    a.first().isBefore(b.first()) ? a.first() : b.first(),
                    a.last().isAfter(b.last()) ? a.last() : b.last()));
        }
        return id -> Optional.ofNullable(spans.get(id));
    }
}
