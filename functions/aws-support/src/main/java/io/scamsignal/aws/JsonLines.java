package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes log and metric lines with jackson-core's generator: no ObjectMapper, so a cold start does
 * not load databind's serialisers for them. Values: text, numbers, booleans, collections and maps
 * of those; anything else as its text.
 */
final class JsonLines {

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonLines() {
    }

    static String line(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JsonIo.generator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unloggable event\"}";
        }
        return out.toString();
    }

    static void value(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Collection<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                value(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (var entry : map.entrySet()) {
                g.writeFieldName(String.valueOf(entry.getKey()));
                value(g, entry.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(value.toString());
        }
    }
}
