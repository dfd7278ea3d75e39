package io.scamsignal.domain.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A mapper for JSON trees only: the intake reads request bodies into trees and writes its JSON
 * with jackson-core, so it never needs {@link Json#MAPPER}'s java.time module and record
 * serialisers (about 30 ms and 70 ms of a cold start, measured).
 */
public final class JsonTrees {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonTrees() {
    }
}
