package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a function reads of an HTTP API request (payload format 2.0), parsed from the event's JSON
 * with a streaming parser. The functions are stream handlers: Lambda then hands them the event's
 * bytes and never loads its own event serialisation (about 800 classes, measured in make bench).
 *
 * @param headers     header names in lower case, as API Gateway sends them
 * @param queryString query string parameters (repeated names joined by commas, as API Gateway does)
 */
public record HttpApiEvent(Map<String, String> headers, Map<String, String> queryString, String body,
                           boolean base64Encoded, String sourceIp, String userAgent, String requestId) {

    public HttpApiEvent {
        headers = lowerCase(headers);
        queryString = queryString == null ? Map.of() : Map.copyOf(queryString);
    }

    /** The body's bytes: base64-decoded when API Gateway encoded it; empty when absent or undecodable. */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        if (base64Encoded) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public static HttpApiEvent read(InputStream in) throws IOException {
        Map<String, String> headers = Map.of();
        Map<String, String> query = Map.of();
        String body = null;
        boolean base64 = false;
        Map<String, String> context = new HashMap<>();
        Map<String, String> http = new HashMap<>();
        try (JsonParser p = JsonIo.parser(in)) {
            JsonIo.expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "headers" -> headers = JsonIo.strings(p, value);
                    case "queryStringParameters" -> query = JsonIo.strings(p, value);
                    case "body" -> body = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
                    case "requestContext" -> JsonIo.members(p, value, (name, v) -> {
                        if (name.equals("requestId") && v.isScalarValue()) {
                            context.put(name, p.getText());
                        } else if (name.equals("http")) {
                            http.putAll(JsonIo.strings(p, v));
                        } else {
                            p.skipChildren();
                        }
                    });
                    default -> p.skipChildren();
                }
            }
        }
        return new HttpApiEvent(headers, query, body, base64, http.get("sourceIp"), http.get("userAgent"),
                context.get("requestId"));
    }

    private static Map<String, String> lowerCase(Map<String, String> headers) {
        Map<String, String> result = new HashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
        }
        return result;
    }
}
