package io.scamsignal.domain.indicator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

public enum IndicatorType {
    PHONE, DOMAIN, URL, EMAIL, REMOTE_ACCESS_ID,
    /** A cryptocurrency address; its value is {@code <chain>:<address>} (btc, eth, trx). */
    WALLET;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static IndicatorType fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown indicator type"));
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
