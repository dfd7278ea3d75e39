package io.scamsignal.domain.indicator;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One normalised scam indicator: {@code value} is what makes two reports "the same scammer",
 * {@code display} is for people, {@code enrichment} holds what normalisation learnt about it.
 */
public record Indicator(IndicatorType type, String value, String display, Map<String, Object> enrichment) {

    public Indicator {
        enrichment = Collections.unmodifiableMap(new TreeMap<>(enrichment));
    }

    /** The key of this indicator in storage and in alert ids: type and value never change for one scammer. */
    public String key() {
        return type.wireName() + "#" + value;
    }

    public boolean allowListed() {
        return Boolean.TRUE.equals(enrichment.get("allowListed"));
    }
}
