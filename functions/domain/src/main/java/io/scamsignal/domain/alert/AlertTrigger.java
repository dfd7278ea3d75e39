package io.scamsignal.domain.alert;

/**
 * A rule that an indicator's aggregate satisfies: {@code level} is the threshold crossed and
 * {@code period} the rule period it fires in ("all" for all-time rules), so each (indicator,
 * rule, level, period) is one alert.
 */
public record AlertTrigger(AlertRule rule, Severity severity, String level, String period) {
}
