package io.scamsignal.domain.report;

/** One rejected field: {@code code} is stable for machines, {@code message} is for people. */
public record FieldError(String field, String code, String message) {
}
