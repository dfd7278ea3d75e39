package io.scamsignal.domain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.domain.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A stored report's JSON, both ways. Written with jackson-core's generator: the same document as
 * {@code Json.write(report)} (StoredReportJsonTest holds them equal), without databind's serialisers and the java.time module, which the intake would
 * otherwise load on its cold path just for this.
 */
public final class StoredReportJson {

    private StoredReportJson() {
    }

    /** The report item's {@code report} attribute as enrichment reads it (with the mapper: not on the intake's path). */
    public static StoredReport read(String json) throws JsonProcessingException {
        return Json.read(json, StoredReport.class);
    }

    public static String write(StoredReport r) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", r.schemaVersion());
            Json.writeText(g, "reportId", r.reportId());
            Json.writeText(g, "receivedAt", r.receivedAt() == null ? null : r.receivedAt().toString());
            Json.writeText(g, "contactMethod", r.contactMethod() == null ? null : r.contactMethod().wireName());
            Json.writeText(g, "impersonatedCompany", r.impersonatedCompany());
            Json.writeText(g, "incidentDate", r.incidentDate() == null ? null : r.incidentDate().toString());
            Json.writeText(g, "country", r.country());
            if (r.scammer() != null) {
                Scammer s = r.scammer();
                g.writeObjectFieldStart("scammer");
                Json.writeTexts(g, "phoneNumbers", s.phoneNumbers());
                Json.writeTexts(g, "websites", s.websites());
                Json.writeTexts(g, "emails", s.emails());
                g.writeArrayFieldStart("remoteAccessTools");
                for (RemoteAccessTool tool : s.remoteAccessTools()) {
                    g.writeStartObject();
                    Json.writeText(g, "tool", tool.tool());
                    Json.writeText(g, "id", tool.id());
                    g.writeEndObject();
                }
                g.writeEndArray();
                Json.writeTexts(g, "names", s.names());
                Json.writeTexts(g, "walletAddresses", s.walletAddresses());
                g.writeEndObject();
            }
            if (r.loss() != null) {
                Loss loss = r.loss();
                g.writeObjectFieldStart("loss");
                if (loss.amount() != null) {
                    g.writeNumberField("amount", loss.amount());
                }
                Json.writeText(g, "currency", loss.currency());
                g.writeArrayFieldStart("paymentMethods");
                for (PaymentMethod method : loss.paymentMethods()) {
                    g.writeString(method.wireName());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            Json.writeText(g, "description", r.description());
            Json.writeText(g, "reporterFingerprint", r.reporterFingerprint());
            Json.writeText(g, "networkFingerprint", r.networkFingerprint());
            Json.writeText(g, "source", r.source());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
