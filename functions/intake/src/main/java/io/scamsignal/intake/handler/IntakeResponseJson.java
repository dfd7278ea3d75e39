package io.scamsignal.intake.handler;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.nextsteps.NextStep;
import io.scamsignal.domain.report.FieldError;
import io.scamsignal.intake.service.IntakeResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The intake's answers as JSON, written with jackson-core (no databind serialisers on the cold path). */
final class IntakeResponseJson {

    private IntakeResponseJson() {
    }

    static String write(Object body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = Json.generator(out)) {
            g.writeStartObject();
            if (body instanceof IntakeResponse.Accepted accepted) {
                g.writeStringField("reportId", accepted.reportId());
                g.writeStringField("status", accepted.status());
                g.writeStringField("receivedAt", accepted.receivedAt().toString());
                g.writeArrayFieldStart("nextSteps");
                for (NextStep step : accepted.nextSteps()) {
                    g.writeStartObject();
                    g.writeStringField("code", step.code());
                    g.writeStringField("text", step.text());
                    g.writeArrayFieldStart("links");
                    for (NextStep.Link link : step.links()) {
                        g.writeStartObject();
                        g.writeStringField("label", link.label());
                        g.writeStringField("url", link.url());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else if (body instanceof IntakeResponse.Errors errors) {
                g.writeArrayFieldStart("errors");
                for (FieldError error : errors.errors()) {
                    g.writeStartObject();
                    g.writeStringField("field", error.field());
                    g.writeStringField("code", error.code());
                    g.writeStringField("message", error.message());
                    g.writeEndObject();
                }
                g.writeEndArray();
            } else {
                throw new IllegalArgumentException("not an intake answer: " + body.getClass().getSimpleName());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }
}
