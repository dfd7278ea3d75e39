package io.scamsignal.domain.indicator;

import java.util.Locale;
import java.util.Optional;

public enum IndicatorType {
    PHONE, DOMAIN, URL, EMAIL, REMOTE_ACCESS_ID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IndicatorType> fromWire(String value) {
        for (IndicatorType t : values()) {
            if (t.wireName().equals(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
