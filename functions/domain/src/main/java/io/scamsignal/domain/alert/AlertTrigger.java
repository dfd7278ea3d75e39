package io.scamsignal.domain.alert;

/** A rule that an indicator's aggregate satisfies; {@code level} is the threshold crossed. */
public record AlertTrigger(AlertRule rule, Severity severity, String level) {
}
