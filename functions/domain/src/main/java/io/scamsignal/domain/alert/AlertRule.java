package io.scamsignal.domain.alert;

/** The alert rules (docs/architecture.md, Rules); {@code id} is the wire name partners filter on. */
public enum AlertRule {
    DISTINCT_REPORTERS("distinct_reporters", Severity.MEDIUM),
    REPORT_SURGE("report_surge", Severity.HIGH),
    HIGH_LOSS("high_loss", Severity.HIGH),
    CROSS_BRAND("cross_brand", Severity.HIGH);

    private final String id;
    private final Severity severity;

    AlertRule(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }
}
