package io.scamsignal.domain.stix;

import io.scamsignal.domain.indicator.IndicatorType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How long an indicator stays valid after it was last reported, per indicator type. Scammers keep a
 * phone number for months but burn through domains and URLs in weeks, so a number is still worth
 * blocking long after a URL has gone dead. The defaults are the types' own
 * ({@link IndicatorType#defaultExpiry()}); a template parameter overrides them, e.g.
 * {@code phone=180d,url=30d}.
 */
public record ExpiryRules(Map<String, Duration> byType, Duration fallback) {

    /** Each type's {@link IndicatorType#defaultExpiry()}. */
    public static final ExpiryRules DEFAULTS = new ExpiryRules(Arrays.stream(IndicatorType.values())
            .collect(Collectors.toMap(IndicatorType::wireName, IndicatorType::defaultExpiry)), Duration.ofDays(90));

    public ExpiryRules {
        byType = Map.copyOf(byType);
        for (Duration d : byType.values()) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("an expiry must be positive");
            }
        }
    }

    public Duration of(String indicatorType) {
        return byType.getOrDefault(indicatorType, fallback);
    }

    /** valid_until: the last report plus the type's lifetime. */
    public Instant validUntil(String indicatorType, Instant lastSeen) {
        return StixTime.millis(lastSeen.plus(of(indicatorType)));
    }

    /**
     * The defaults overridden by {@code type=duration} pairs, comma-separated; a duration is a number
     * of days ({@code 90d}), hours ({@code 12h}) or an ISO-8601 duration ({@code P90D}). Blank keeps
     * the defaults.
     */
    public static ExpiryRules parse(String spec) {
        Map<String, Duration> map = new TreeMap<>(DEFAULTS.byType);
        if (spec != null && !spec.isBlank()) {
            for (String pair : spec.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank()) {
                    throw new IllegalArgumentException("expected type=duration, got: " + pair.trim());
                }
                map.put(kv[0].trim().toLowerCase(Locale.ROOT), duration(kv[1].trim()));
            }
        }
        return new ExpiryRules(map, DEFAULTS.fallback);
    }

    private static Duration duration(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            throw new IllegalArgumentException("no unit");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }
}
