package io.scamsignal.domain.report;

import java.util.Locale;
import java.util.Optional;

public enum ContactMethod {
    PHONE_CALL, POPUP, EMAIL, WEBSITE, CHAT, SMS, SOCIAL_MEDIA, SEARCH_AD, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
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
