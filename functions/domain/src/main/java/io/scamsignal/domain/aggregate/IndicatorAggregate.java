package io.scamsignal.domain.aggregate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.scamsignal.domain.indicator.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
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
        brands = Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        countries = Collections.unmodifiableSortedSet(new TreeSet<>(countries));
        paymentMethods = Collections.unmodifiableMap(new TreeMap<>(paymentMethods));
        contactMethods = Collections.unmodifiableMap(new TreeMap<>(contactMethods));
        windows = windows == null ? ActivityWindows.empty() : windows;
    }

    @JsonIgnore
    public boolean isFalsePositive() {
        return falsePositiveReason != null;
    }

    public IndicatorAggregate markedFalsePositive(String reason) {
        return toBuilder().falsePositiveReason(reason).build();
    }

    /** An aggregate of {@code indicator} with no reports yet; set what matters by name. */
    public static Builder builder(Indicator indicator) {
        return new Builder(indicator);
    }

    public Builder toBuilder() {
        return new Builder(indicator).reports(reports).distinctReporters(distinctReporters).firstSeen(firstSeen)
                .lastSeen(lastSeen).brands(brands).countries(countries).lossUsd(lossUsd).paymentMethods(paymentMethods)
                .contactMethods(contactMethods).reports24h(reports24h).reports7d(reports7d)
                .distinctReporters7d(distinctReporters7d).windows(windows).falsePositiveReason(falsePositiveReason);
    }

    /** Fifteen components are too many to pass by position: priming, tests and benchmarks name them. */
    public static final class Builder {
        private final Indicator indicator;
        private long reports;
        private long distinctReporters;
        private Instant firstSeen;
        private Instant lastSeen;
        private Set<String> brands = Set.of();
        private Set<String> countries = Set.of();
        private BigDecimal lossUsd = BigDecimal.ZERO;
        private Map<String, Long> paymentMethods = Map.of();
        private Map<String, Long> contactMethods = Map.of();
        private long reports24h;
        private long reports7d;
        private long distinctReporters7d;
        private ActivityWindows windows;
        private String falsePositiveReason;

        private Builder(Indicator indicator) {
            this.indicator = indicator;
        }

        public Builder reports(long value) {
            reports = value;
            return this;
        }

        public Builder distinctReporters(long value) {
            distinctReporters = value;
            return this;
        }

        public Builder firstSeen(Instant value) {
            firstSeen = value;
            return this;
        }

        public Builder lastSeen(Instant value) {
            lastSeen = value;
            return this;
        }

        public Builder brands(Set<String> value) {
            brands = value;
            return this;
        }

        public Builder countries(Set<String> value) {
            countries = value;
            return this;
        }

        public Builder lossUsd(BigDecimal value) {
            lossUsd = value;
            return this;
        }

        public Builder paymentMethods(Map<String, Long> value) {
            paymentMethods = value;
            return this;
        }

        public Builder contactMethods(Map<String, Long> value) {
            contactMethods = value;
            return this;
        }

        public Builder reports24h(long value) {
            reports24h = value;
            return this;
        }

        public Builder reports7d(long value) {
            reports7d = value;
            return this;
        }

        public Builder distinctReporters7d(long value) {
            distinctReporters7d = value;
            return this;
        }

        public Builder windows(ActivityWindows value) {
            windows = value;
            return this;
        }

        public Builder falsePositiveReason(String value) {
            falsePositiveReason = value;
            return this;
        }

        public IndicatorAggregate build() {
            return new IndicatorAggregate(indicator, reports, distinctReporters, firstSeen, lastSeen,
                    new TreeSet<>(brands), new TreeSet<>(countries), lossUsd, paymentMethods, contactMethods,
                    reports24h, reports7d, distinctReporters7d, windows, falsePositiveReason);
        }
    }
}
