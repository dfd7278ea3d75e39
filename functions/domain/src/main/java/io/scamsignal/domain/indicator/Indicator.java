package io.scamsignal.domain.indicator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One normalised scam indicator: {@code value} is what makes two reports "the same scammer",
 * {@code display} is for people, {@code enrichment} holds what normalisation learnt about it.
 * A benign indicator (legitimate infrastructure a victim named: a brand's own site, a vendor's
 * download page, the FTC's number) is still counted, so analysts see it, but carries
 * {@code enrichment.benign} = the list it matched and never alerts.
 */
public record Indicator(IndicatorType type, String value, String display, Map<String, Object> enrichment) {

    /** Enrichment key: the benign list the indicator matched. */
    public static final String BENIGN = "benign";

    public Indicator {
        enrichment = Collections.unmodifiableMap(new TreeMap<>(enrichment));
    }

    /** The key of this indicator in storage and in alert ids: type and value never change for one scammer. */
    public String key() {
        return type.wireName() + "#" + value;
    }

    /** A brand's own, or on any benign list: never alerts. */
    public boolean allowListed() {
        return Boolean.TRUE.equals(enrichment.get("allowListed")) || enrichment.get(BENIGN) instanceof String;
    }

    /** The benign list it matched ({@code allow-listed} for indicators marked before the lists existed). */
    public Optional<String> benignList() {
        if (enrichment.get(BENIGN) instanceof String list) {
            return Optional.of(list);
        }
        return Boolean.TRUE.equals(enrichment.get("allowListed")) ? Optional.of("allow-listed") : Optional.empty();
    }

    /** This indicator marked benign by {@code list}; {@code brand} (nullable) when it is a brand's own. */
    public Indicator markedBenign(String list, String brand) {
        Map<String, Object> marked = new LinkedHashMap<>(enrichment);
        marked.put("allowListed", true);
        marked.put(BENIGN, list);
        if (brand != null) {
            marked.put("officialOf", brand);
        }
        return new Indicator(type, value, display, marked);
    }
}
