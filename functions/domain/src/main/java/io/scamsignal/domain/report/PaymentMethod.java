package io.scamsignal.domain.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

public enum PaymentMethod {
    GIFT_CARD, CREDIT_CARD, BANK_TRANSFER, WIRE_TRANSFER, CRYPTO, CASH, PAYMENT_APP, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static PaymentMethod fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown PaymentMethod"));
    }

    public static Optional<PaymentMethod> fromWire(String value) {
        for (PaymentMethod m : values()) {
            if (m.wireName().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
