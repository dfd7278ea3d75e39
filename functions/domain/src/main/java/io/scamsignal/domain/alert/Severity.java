package io.scamsignal.domain.alert;

import java.util.Locale;

public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
