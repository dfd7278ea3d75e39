package io.scamsignal.domain.stix;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a STIX indicator says about one ScamSignal indicator: aggregate figures only, never anything
 * about a reporter. {@code indicatorType} is an
 * {@link io.scamsignal.domain.indicator.IndicatorType}'s wire name; {@code confidence} 0–100 comes from the alert's confidence score, null
 * where no score exists (the property is then left out, as STIX allows). {@code sources}: the
 * channels whose reports counted (partner organisations, {@code public}), the sighting's
 * {@code where_sighted_refs} ({@link SourceIdentities}).
 */
public record StixIndicator(String indicatorType, String value, String display, SortedSet<String> brands,
                            List<String> rules, Integer confidence, Instant firstSeen, Instant lastSeen, long reports,
                            long distinctReporters, SortedSet<String> sources) {

    /** Without sources (reports counted before they were kept): sighted by ScamSignal. */
    public StixIndicator(String indicatorType, String value, String display, SortedSet<String> brands,
                         List<String> rules, Integer confidence, Instant firstSeen, Instant lastSeen, long reports,
                         long distinctReporters) {
        this(indicatorType, value, display, brands, rules, confidence, firstSeen, lastSeen, reports, distinctReporters,
                null);
    }

    public StixIndicator {
        ObservableType.of(indicatorType);
        if (confidence != null && (confidence < 0 || confidence > 100)) {
            throw new IllegalArgumentException("confidence must be 0..100, was " + confidence);
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("lastSeen before firstSeen");
        }
        if (reports < 0 || distinctReporters < 0) {
            throw new IllegalArgumentException("negative counts");
        }
        brands = Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        rules = List.copyOf(rules);
        sources = Collections.unmodifiableSortedSet(sources == null ? new TreeSet<>() : new TreeSet<>(sources));
        display = display == null ? value : display;
    }
}
