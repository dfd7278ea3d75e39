package io.scamsignal.domain.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The domain's one JSON layer: the streaming factory every generator and parser comes from, the
 * one configured mapper, and the small helpers hand-written documents share.
 *
 * <p>The mapper sits in a holder class so that code using only the factory (the intake's cold
 * path: request trees, the stored report, the answers) never builds an ObjectMapper, which costs
 * about 110 ms of a cold start (measured in make bench).
 */
public final class Json {

    /** Decimals are written as plain numbers, as the mapper writes them (WRITE_BIGDECIMAL_AS_PLAIN). */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private Json() {
    }

    /** Building an ObjectMapper is costly, so every function shares this one; built on first use. */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /** Serialises one of our own values, which always serialise: a failure here is a bug, not bad input. */
    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** One of our own documents read back as {@code type}; a JsonProcessingException for anything else. */
    public static <T> T read(String json, Class<T> type) throws JsonProcessingException {
        return mapper().readValue(json, type);
    }

    public static JsonGenerator generator(Writer out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a generator over a Writer is only created, not written", e);
        }
    }

    public static JsonParser parser(String text) throws IOException {
        return FACTORY.createParser(text);
    }

    /** A string field, left out when null, as the mapper does with NON_NULL. */
    public static void writeText(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    /** An array of strings, left out when null, as the mapper does with NON_NULL. */
    public static void writeTexts(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static final class MapperHolder {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
