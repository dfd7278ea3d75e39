package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP API (payload format 2.0) response, written as the JSON Lambda returns to API Gateway. */
public record HttpApiResponse(int statusCode, Map<String, String> headers, String body) {

    public HttpApiResponse {
        headers = Map.copyOf(headers);
    }

    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = JsonIo.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("statusCode", statusCode);
            g.writeObjectFieldStart("headers");
            for (var header : new TreeMap<>(headers).entrySet()) {
                g.writeStringField(header.getKey(), header.getValue());
            }
            g.writeEndObject();
            g.writeStringField("body", body);
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        }
    }
}
