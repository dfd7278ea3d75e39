package io.scamsignal.intake.service;

import io.scamsignal.domain.nextsteps.NextStep;
import io.scamsignal.domain.report.FieldError;
import java.time.Instant;
import java.util.List;

/**
 * The answer to one POST /reports: a status, a JSON-serialisable body, and what happened
 * ({@code outcome}: accepted, replayed, honeypot, or the error code) for the metrics.
 */
public record IntakeResponse(int status, Object body, String outcome, Long retryAfterSeconds) {

    public IntakeResponse(int status, Object body, String outcome) {
        this(status, body, outcome, null);
    }

    /** {@code nextSteps}: what the person can do now, from the report's country, language, payments and tools. */
    public record Accepted(String reportId, String status, Instant receivedAt, List<NextStep> nextSteps) {

        public Accepted {
            nextSteps = List.copyOf(nextSteps);
        }
    }

    public record Errors(List<FieldError> errors) {
    }

    public static IntakeResponse accepted(String reportId, Instant receivedAt, List<NextStep> nextSteps) {
        return new IntakeResponse(202, new Accepted(reportId, "received", receivedAt, nextSteps), "accepted");
    }

    /** What a bot that filled the honeypot is told: the same as anyone; nothing was kept. */
    public static IntakeResponse honeypot(String reportId, Instant receivedAt, List<NextStep> nextSteps) {
        return new IntakeResponse(202, new Accepted(reportId, "received", receivedAt, nextSteps), "honeypot");
    }

    /** The original answer to a request repeated with its Idempotency-Key. */
    public static IntakeResponse replayed(String reportId, Instant receivedAt, List<NextStep> nextSteps) {
        return new IntakeResponse(202, new Accepted(reportId, "received", receivedAt, nextSteps), "replayed");
    }

    public static IntakeResponse error(int status, String field, String code, String message) {
        return new IntakeResponse(status, new Errors(List.of(new FieldError(field, code, message))), code);
    }

    /** 429: the network's hourly quota is used up; nothing was stored. */
    public static IntakeResponse rateLimited(long retryAfterSeconds, String message) {
        return new IntakeResponse(429, new Errors(List.of(new FieldError("", "rate_limited", message))),
                "rate_limited", retryAfterSeconds);
    }

    public static IntakeResponse invalid(List<FieldError> errors) {
        return new IntakeResponse(400, new Errors(errors), errors.get(0).code());
    }
}
