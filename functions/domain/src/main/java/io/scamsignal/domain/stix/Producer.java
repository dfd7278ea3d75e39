package io.scamsignal.domain.stix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ScamSignal as a STIX identity: the {@code created_by_ref} of everything it publishes and the
 * place its sightings were made. The id is a constant so that every deployment's objects name the
 * same producer, and consumers group them.
 */
public final class Producer {

    public static final String IDENTITY_ID = "identity--ce751ced-3ef5-41c5-b2b0-ee2e39ba2efb";
    public static final String NAME = "ScamSignal";
    /** The first version of this identity object; it has not changed since. */
    static final String CREATED = "2026-11-29T00:00:00.000Z";

    private Producer() {
    }

    public static Map<String, Object> identity() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "identity");
        m.put("spec_version", "2.1");
        m.put("id", IDENTITY_ID);
        m.put("created", CREATED);
        m.put("modified", CREATED);
        m.put("name", NAME);
        m.put("description", "Open-source aggregator of tech-support-scam reports from victims and partner organisations.");
        m.put("identity_class", "organization");
        m.put("sectors", List.of("non-profit"));
        return m;
    }
}
