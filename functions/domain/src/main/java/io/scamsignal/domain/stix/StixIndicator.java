package io.scamsignal.domain.stix;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a STIX indicator says about one ScamSignal indicator: aggregate figures only, never anything
 * about a reporter. {@code indicatorType} is the wire name (phone, domain, url, email,
 * remote_access_id, wallet); {@code confidence} 0–100 comes from the alert's confidence score.
 */
public record StixIndicator(String indicatorType, String value, String display, SortedSet<String> brands,
                            List<String> rules, int confidence, Instant firstSeen, Instant lastSeen, long reports,
                            long distinctReporters) {

    public StixIndicator {
        ObservableType.of(indicatorType);
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be 0..100, was " + confidence);
        }
        if (lastSeen.isBefore(firstSeen)) {
            throw new IllegalArgumentException("lastSeen before firstSeen");
        }
        if (reports < 1 || distinctReporters < 1 || distinctReporters > reports) {
            throw new IllegalArgumentException("an indicator has at least one report and no more reporters than reports");
        }
        brands = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        rules = List.copyOf(rules);
        display = display == null ? value : display;
    }
}
