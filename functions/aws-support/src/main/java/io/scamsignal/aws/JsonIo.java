package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * The AWS side's one JSON layer: Lambda events read and answers, log and metric lines written
 * with jackson-core's streaming parser and generator from one factory, and the parser helpers the
 * event readers share. No ObjectMapper: the handlers are stream handlers so that a cold start
 * loads no databind serialisers (measured in make bench).
 */
public final class JsonIo {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonIo() {
    }

    public static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    public static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    public static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** Fails on anything but the expected token: the input is not the Lambda event it should be. */
    public static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("not a Lambda event: expected " + expected + ", found " + actual);
        }
    }

    /** Reads one member's value, which it must consume (read through, or skipChildren). */
    @FunctionalInterface
    public interface MemberReader {
        void read(String name, JsonToken value) throws IOException;
    }

    /** Hands each member of the object that starts at {@code start} to {@code reader}; anything but an object is skipped. */
    public static void members(JsonParser p, JsonToken start, MemberReader reader) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            reader.read(name, p.nextToken());
        }
    }

    /** An object's scalar members as strings; nested values are skipped; a JSON null leaves its member out. */
    public static Map<String, String> strings(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Map.of();
        }
        Map<String, String> values = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                values.put(name, p.getText());
            } else {
                p.skipChildren();
            }
        }
        return values;
    }
}
