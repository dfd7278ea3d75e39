package io.scamsignal.domain.alert;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Withdraws an alert whose indicator was allow-listed or found to be a false positive. Its
 * {@code alertId} is the withdrawn alert's, as the contract says; partners match on it.
 */
@JsonPropertyOrder({"schemaVersion", "type", "alertId", "rule", "severity", "createdAt", "indicator", "reason"})
public record RetractionMessage(int schemaVersion, String type, String alertId, String rule, String severity,
                                Instant createdAt, AlertMessage.IndicatorRef indicator, String reason) {

    public static final int MAX_REASON = 500;

    public static RetractionMessage of(AlertMessage alert, String reason, Instant now) {
        String trimmed = reason.strip();
        return new RetractionMessage(1, "retraction", alert.alertId(), alert.rule(), alert.severity(),
                now.truncatedTo(ChronoUnit.SECONDS), alert.indicator(),
                trimmed.length() > MAX_REASON ? trimmed.substring(0, MAX_REASON) : trimmed);
    }

    /** The withdrawn alert's attributes, so a partner's filter policy lets its retraction through too. */
    public AlertMessage.FilterAttributes filterAttributes(AlertMessage alert) {
        AlertMessage.FilterAttributes a = alert.filterAttributes();
        return new AlertMessage.FilterAttributes(type, a.rule(), a.severity(), a.indicatorType(), a.brands(), a.countries(),
                a.distinctReporters(), a.lossUsd(), a.confidence(), a.sources());
    }
}
