package io.scamsignal.domain.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.StixTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * One STIX object version as the feed table stores it: partition = {@code collection}, sort key =
 * {@link #sortKey()} ({@code date_added#seq}). {@code seq} is the collection's append counter, so
 * the sort key is unique and the order of the keys is the order of the appends; {@code dateAdded}
 * strictly increases ({@link #next}), so the key also sorts by date_added, which is what TAXII's
 * {@code added_after} filters on, and no two entries share a date_added.
 *
 * <p>Objects are appended when alerting publishes, through the same exactly-once claim, so that a
 * replayed stream batch does not append a version twice.
 */
public record FeedEntry(String collection, Instant dateAdded, long seq, String objectId, String type, Instant version,
                        String objectJson) {

    /** Media type of the objects, as TAXII manifests name it. */
    public static final String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

    public FeedEntry {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(objectJson, "objectJson");
        if (seq < 0 || seq > 999_999_999_999L) {
            throw new IllegalArgumentException("seq out of range: " + seq);
        }
        dateAdded = StixTime.millis(dateAdded);
        version = StixTime.millis(version);
    }

    /**
     * An entry for a STIX object. Its version is {@code modified}; an object without one (an
     * observable, a marking) has only one version, which TAXII 2.1 says is its {@code created},
     * failing which its date_added.
     */
    public static FeedEntry of(String collection, FeedPosition position, String objectJson) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(objectJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not a STIX object", e);
        }
        String version = node.path("modified").asText(node.path("created").asText(""));
        return new FeedEntry(collection, position.dateAdded(), position.seq(), node.path("id").asText(),
                node.path("type").asText(), version.isEmpty() ? position.dateAdded() : StixTime.parse(version),
                objectJson);
    }

    public String sortKey() {
        return sortKey(dateAdded, seq);
    }

    public FeedPosition position() {
        return new FeedPosition(dateAdded, seq);
    }

    public static String sortKey(Instant dateAdded, long seq) {
        return StixTime.format(StixTime.millis(dateAdded)) + "#" + String.format("%012d", seq);
    }

    /**
     * Where the next append goes after {@code last} (null for an empty collection): the next seq and
     * a date_added strictly later than the last one, the millisecond after it when this writer's
     * clock is not ahead of it (a clock behind, or read before a slow or retried commit). Appends are
     * serialised by the collection's counter, so date_added is unique in a collection and increases in
     * commit order: {@code added_after} = the date_added of the last object a client received
     * continues exactly after it.
     */
    public static FeedPosition next(FeedPosition last, Instant now) {
        Instant t = StixTime.millis(now);
        if (last == null) {
            return new FeedPosition(t, 1);
        }
        Instant after = last.dateAdded().plusMillis(1);
        return new FeedPosition(t.isBefore(after) ? after : t, last.seq() + 1);
    }

    /** A position in a collection: the (date_added, seq) of an entry. */
    public record FeedPosition(Instant dateAdded, long seq) {
        public FeedPosition {
            dateAdded = StixTime.millis(dateAdded);
        }

        public String sortKey() {
            return FeedEntry.sortKey(dateAdded, seq);
        }

        /** The sort key as stored, e.g. {@code 2026-11-29T12:00:00.000Z#000000000042}. */
        public static FeedPosition parse(String sortKey) {
            int hash = sortKey.indexOf('#');
            if (hash < 0) {
                throw new IllegalArgumentException("not a feed sort key: " + sortKey);
            }
            return new FeedPosition(StixTime.parse(sortKey.substring(0, hash)), Long.parseLong(sortKey.substring(hash + 1)));
        }
    }
}
