package io.scamsignal.intake.service;

import io.scamsignal.domain.report.FieldError;
import java.time.Instant;
import java.util.List;

/** The answer to one POST /reports: a status and a JSON-serialisable body. */
public record IntakeResponse(int status, Object body) {

    public record Accepted(String reportId, String status, Instant receivedAt) {
    }

    public record Errors(List<FieldError> errors) {
    }

    public static IntakeResponse accepted(String reportId, Instant receivedAt) {
        return new IntakeResponse(202, new Accepted(reportId, "received", receivedAt));
    }

    public static IntakeResponse error(int status, String field, String code, String message) {
        return new IntakeResponse(status, new Errors(List.of(new FieldError(field, code, message))));
    }

    public static IntakeResponse invalid(List<FieldError> errors) {
        return new IntakeResponse(400, new Errors(errors));
    }
}
