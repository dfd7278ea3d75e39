package io.scamsignal.domain.aggregate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.scamsignal.domain.indicator.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exact totals for one indicator over every report that named it, and its rolling windows
 * ({@code reports24h}, {@code reports7d}, {@code distinctReporters7d}) as of its last report.
 * {@code falsePositiveReason}, when set, is the reason an operator gave for withdrawing its alerts.
 */
public record IndicatorAggregate(Indicator indicator, long reports, long distinctReporters, Instant firstSeen,
                                 Instant lastSeen, SortedSet<String> brands, SortedSet<String> countries,
                                 BigDecimal lossUsd, Map<String, Long> paymentMethods,
                                 Map<String, Long> contactMethods, long reports24h, long reports7d,
                                 long distinctReporters7d, ActivityWindows windows, String falsePositiveReason) {

    public IndicatorAggregate {
        brands = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        countries = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(countries));
        paymentMethods = java.util.Collections.unmodifiableMap(new TreeMap<>(paymentMethods));
        contactMethods = java.util.Collections.unmodifiableMap(new TreeMap<>(contactMethods));
        windows = windows == null ? ActivityWindows.empty() : windows;
    }

    @JsonIgnore
    public boolean isFalsePositive() {
        return falsePositiveReason != null;
    }

    public IndicatorAggregate markedFalsePositive(String reason) {
        return new IndicatorAggregate(indicator, reports, distinctReporters, firstSeen, lastSeen, brands, countries,
                lossUsd, paymentMethods, contactMethods, reports24h, reports7d, distinctReporters7d, windows, reason);
    }
}
