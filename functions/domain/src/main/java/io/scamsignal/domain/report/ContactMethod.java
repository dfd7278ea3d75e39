package io.scamsignal.domain.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

public enum ContactMethod {
    PHONE_CALL, POPUP, EMAIL, WEBSITE, CHAT, SMS, SOCIAL_MEDIA, SEARCH_AD, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static ContactMethod fromJson(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown ContactMethod"));
    }

    public static Optional<ContactMethod> fromWire(String value) {
        for (ContactMethod m : values()) {
            if (m.wireName().equals(value)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
