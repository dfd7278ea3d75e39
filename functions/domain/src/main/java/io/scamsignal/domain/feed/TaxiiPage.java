package io.scamsignal.domain.feed;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.StixTime;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a TAXII 2.1 objects, manifest or versions request, and its JSON bodies. The objects
 * are written as stored (raw JSON), not re-serialised, so a version's bytes never change.
 */
public record TaxiiPage(List<FeedEntry> entries, boolean more, String next) {

    public static final String TAXII_MEDIA_TYPE = "application/taxii+json;version=2.1";

    public TaxiiPage {
        entries = List.copyOf(entries);
    }

    public Optional<Instant> dateAddedFirst() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getFirst().dateAdded());
    }

    public Optional<Instant> dateAddedLast() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.getLast().dateAdded());
    }

    /** {@code X-TAXII-Date-Added-First} and {@code -Last}, when the page has entries. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", TAXII_MEDIA_TYPE);
        dateAddedFirst().ifPresent(t -> h.put("X-TAXII-Date-Added-First", StixTime.format(t)));
        dateAddedLast().ifPresent(t -> h.put("X-TAXII-Date-Added-Last", StixTime.format(t)));
        return h;
    }

    /** The envelope of a get-objects response. */
    public String envelopeJson() {
        return write(g -> {
            if (!entries.isEmpty()) {
                g.writeArrayFieldStart("objects");
                for (FeedEntry e : entries) {
                    g.writeRawValue(e.objectJson());
                }
                g.writeEndArray();
            }
        });
    }

    /** The manifest resource: id, date_added, version and media type of each entry. */
    public String manifestJson() {
        return write(g -> {
            if (!entries.isEmpty()) {
                g.writeArrayFieldStart("objects");
                for (FeedEntry e : entries) {
                    g.writeStartObject();
                    g.writeStringField("id", e.objectId());
                    g.writeStringField("date_added", StixTime.format(e.dateAdded()));
                    g.writeStringField("version", StixTime.format(e.version()));
                    g.writeStringField("media_type", FeedEntry.STIX_MEDIA_TYPE);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    /** The versions resource of one object: its versions in date_added order. */
    public String versionsJson() {
        return write(g -> {
            if (!entries.isEmpty()) {
                g.writeArrayFieldStart("versions");
                for (FeedEntry e : entries) {
                    g.writeString(StixTime.format(e.version()));
                }
                g.writeEndArray();
            }
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private String write(Body body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeBooleanField("more", more);
            if (next != null) {
                g.writeStringField("next", next);
            }
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
