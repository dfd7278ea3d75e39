package io.scamsignal.domain.referral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.scamsignal.domain.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical form the evidence manifest hashes, so that a later export of the same stored
 * document gives the same SHA-256 whatever its key order or whitespace:
 * <ul>
 *   <li>UTF-8; no whitespace outside strings;</li>
 *   <li>object members sorted by key, comparing UTF-16 code units (as RFC 8785 does);</li>
 *   <li>strings escaped as JSON requires and no more: {@code "} {@code \} and control characters
 *       (as {@code \n}, {@code \t}, … or a six-character escape backslash-u-00XX); every other character as itself;</li>
 *   <li>numbers as plain decimals without exponent and without trailing fractional zeros
 *       ({@code 1250.00} and {@code 1.25E3} are {@code 1250}); {@code -0} is {@code 0};</li>
 *   <li>true, false and null as such; arrays keep their order.</li>
 * </ul>
 */
public final class CanonicalJson {

    public static final String DESCRIPTION = "UTF-8 JSON without insignificant whitespace; object keys sorted by "
            + "UTF-16 code units; strings escaping only quote, backslash and control characters; numbers as plain "
            + "decimals without exponent or trailing fractional zeros; SHA-256 over those bytes, lower-case hex";

    private static final JsonFactory FACTORY = new JsonFactory();
    /** Decimals read exactly: 0.1 stays 0.1 and a long fraction loses no digit on the way to the hash. */
    private static final ObjectReader READER = Json.mapper().reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CanonicalJson() {
    }

    public static String canonical(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    public static String canonical(String json) {
        try {
            return canonical(READER.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON document", e);
        }
    }

    public static String sha256(String canonicalJson) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                List<String> names = new ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                names.sort(null);
                for (String name : names) {
                    g.writeFieldName(name);
                    write(g, node.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : node) {
                    write(g, item);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case NUMBER -> {
                BigDecimal d = node.decimalValue();
                g.writeRawValue(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
            }
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            default -> g.writeNull();
        }
    }
}
