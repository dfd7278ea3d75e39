package io.scamsignal.domain.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stored report's JSON, written with jackson-core's generator: the same document as
 * {@code Json.write(report)} (StoredReportJsonTest holds them equal; enrichment reads it with the
 * mapper), without databind's serialisers and the java.time module, which the intake would
 * otherwise load on its cold path just for this.
 */
public final class StoredReportJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private StoredReportJson() {
    }

    public static String write(StoredReport r) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", r.schemaVersion());
            text(g, "reportId", r.reportId());
            text(g, "receivedAt", r.receivedAt() == null ? null : r.receivedAt().toString());
            text(g, "contactMethod", r.contactMethod() == null ? null : r.contactMethod().wireName());
            text(g, "impersonatedCompany", r.impersonatedCompany());
            text(g, "incidentDate", r.incidentDate() == null ? null : r.incidentDate().toString());
            text(g, "country", r.country());
            if (r.scammer() != null) {
                Scammer s = r.scammer();
                g.writeObjectFieldStart("scammer");
                texts(g, "phoneNumbers", s.phoneNumbers());
                texts(g, "websites", s.websites());
                texts(g, "emails", s.emails());
                g.writeArrayFieldStart("remoteAccessTools");
                for (RemoteAccessTool tool : s.remoteAccessTools()) {
                    g.writeStartObject();
                    text(g, "tool", tool.tool());
                    text(g, "id", tool.id());
                    g.writeEndObject();
                }
                g.writeEndArray();
                texts(g, "names", s.names());
                g.writeEndObject();
            }
            if (r.loss() != null) {
                Loss loss = r.loss();
                g.writeObjectFieldStart("loss");
                if (loss.amount() != null) {
                    g.writeNumberField("amount", loss.amount());
                }
                text(g, "currency", loss.currency());
                g.writeArrayFieldStart("paymentMethods");
                for (PaymentMethod method : loss.paymentMethods()) {
                    g.writeString(method.wireName());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            text(g, "description", r.description());
            text(g, "reporterFingerprint", r.reporterFingerprint());
            text(g, "networkFingerprint", r.networkFingerprint());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /** As the mapper does (NON_NULL): a null value leaves its field out. */
    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void texts(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
