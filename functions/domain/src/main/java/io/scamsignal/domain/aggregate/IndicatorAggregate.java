package io.scamsignal.domain.aggregate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.scamsignal.domain.indicator.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exact totals for one indicator over every report that named it, and its rolling windows
 * ({@code reports24h}, {@code reports7d}, {@code distinctReporters7d}) as of its last report.
 * {@code falsePositiveReason}, when set, is the reason an operator gave for withdrawing its alerts.
 * <p>
 * Independent evidence, so that one person cannot inflate the counts: {@code reportersByNetwork}
 * counts the distinct reporters first seen from each source network (keyed network fingerprints,
 * at most {@link Aggregation#MAX_NETWORKS} kept), {@code distinctNetworks} the networks, and
 * {@code networkedReporters} the reporters attributed to a network (in the map or beyond it).
 * Reporters counted before networks were kept ({@code distinctReporters - networkedReporters})
 * each count as a network of their own, as every reporter did then.
 * <p>
 * {@code sources}: the reports counted per channel they came through, a partner organisation's name
 * or {@link #PUBLIC_SOURCE}; counted with the other counts, so exactly once per (report, indicator).
 * Reports counted before sources were kept are in no source.
 */
public record IndicatorAggregate(Indicator indicator, long reports, long distinctReporters, Instant firstSeen,
                                 Instant lastSeen, SortedSet<String> brands, SortedSet<String> countries,
                                 BigDecimal lossUsd, Map<String, Long> paymentMethods,
                                 Map<String, Long> contactMethods, long reports24h, long reports7d,
                                 long distinctReporters7d, ActivityWindows windows, String falsePositiveReason,
                                 SortedMap<String, Long> reportersByNetwork, long distinctNetworks,
                                 long networkedReporters, SortedMap<String, Long> sources) {

    private static final long DAY = 86_400;

    /**
     * The source name of reports through the public API ({@code POST /reports}, the web form); a
     * partner organisation's reports count under the organisation's name, which may never be this
     * one (PartnerKey refuses it).
     */
    public static final String PUBLIC_SOURCE = "public";

    public IndicatorAggregate {
        brands = Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        countries = Collections.unmodifiableSortedSet(new TreeSet<>(countries));
        paymentMethods = Collections.unmodifiableMap(new TreeMap<>(paymentMethods));
        contactMethods = Collections.unmodifiableMap(new TreeMap<>(contactMethods));
        windows = windows == null ? ActivityWindows.empty() : windows;
        reportersByNetwork = Collections.unmodifiableSortedMap(
                reportersByNetwork == null ? new TreeMap<>() : new TreeMap<>(reportersByNetwork));
        sources = Collections.unmodifiableSortedMap(sources == null ? new TreeMap<>() : new TreeMap<>(sources));
    }

    /** An aggregate without sources (as stored before they were kept). */
    public IndicatorAggregate(Indicator indicator, long reports, long distinctReporters, Instant firstSeen,
                              Instant lastSeen, SortedSet<String> brands, SortedSet<String> countries,
                              BigDecimal lossUsd, Map<String, Long> paymentMethods, Map<String, Long> contactMethods,
                              long reports24h, long reports7d, long distinctReporters7d, ActivityWindows windows,
                              String falsePositiveReason, SortedMap<String, Long> reportersByNetwork,
                              long distinctNetworks, long networkedReporters) {
        this(indicator, reports, distinctReporters, firstSeen, lastSeen, brands, countries, lossUsd, paymentMethods,
                contactMethods, reports24h, reports7d, distinctReporters7d, windows, falsePositiveReason,
                reportersByNetwork, distinctNetworks, networkedReporters, null);
    }

    /** An aggregate without network counts (as stored before they were kept). */
    public IndicatorAggregate(Indicator indicator, long reports, long distinctReporters, Instant firstSeen,
                              Instant lastSeen, SortedSet<String> brands, SortedSet<String> countries,
                              BigDecimal lossUsd, Map<String, Long> paymentMethods, Map<String, Long> contactMethods,
                              long reports24h, long reports7d, long distinctReporters7d, ActivityWindows windows,
                              String falsePositiveReason) {
        this(indicator, reports, distinctReporters, firstSeen, lastSeen, brands, countries, lossUsd, paymentMethods,
                contactMethods, reports24h, reports7d, distinctReporters7d, windows, falsePositiveReason, null, 0, 0,
                null);
    }

    @JsonIgnore
    public boolean isFalsePositive() {
        return falsePositiveReason != null;
    }

    /** The benign list its indicator matched: counted, never alerted on. */
    @JsonIgnore
    public Optional<String> benignList() {
        return indicator.benignList();
    }

    public IndicatorAggregate markedFalsePositive(String reason) {
        return toBuilder().falsePositiveReason(reason).build();
    }

    /** Reporters counted before networks were kept: each is a network of its own. */
    private long unattributedReporters() {
        return Math.max(0, distinctReporters - networkedReporters);
    }

    /** Distinct source networks of its reporters. */
    @JsonIgnore
    public long networks() {
        return distinctNetworks + unattributedReporters();
    }

    /**
     * Distinct reporters, at most {@code perNetwork} of them counted from any one network: three
     * e-mail addresses from one laptop are one network's worth. Reporters on networks beyond the
     * kept map count one each (by then the evidence is overwhelming either way).
     */
    public long effectiveReporters(int perNetwork) {
        long inMap = 0;
        long capped = 0;
        for (long reporters : reportersByNetwork.values()) {
            inMap += reporters;
            capped += Math.min(reporters, perNetwork);
        }
        return capped + Math.max(0, networkedReporters - inMap) + unattributedReporters();
    }

    /** Calendar days (UTC) from its first report to its last, both included. */
    @JsonIgnore
    public long daysSpanned() {
        if (firstSeen == null || lastSeen == null) {
            return 0;
        }
        return Math.floorDiv(lastSeen.getEpochSecond(), DAY) - Math.floorDiv(firstSeen.getEpochSecond(), DAY) + 1;
    }

    /** An aggregate of {@code indicator} with no reports yet; set what matters by name. */
    public static Builder builder(Indicator indicator) {
        return new Builder(indicator);
    }

    public Builder toBuilder() {
        return new Builder(indicator).reports(reports).distinctReporters(distinctReporters).firstSeen(firstSeen)
                .lastSeen(lastSeen).brands(brands).countries(countries).lossUsd(lossUsd).paymentMethods(paymentMethods)
                .contactMethods(contactMethods).reports24h(reports24h).reports7d(reports7d)
                .distinctReporters7d(distinctReporters7d).windows(windows).falsePositiveReason(falsePositiveReason)
                .reportersByNetwork(reportersByNetwork).distinctNetworks(distinctNetworks)
                .networkedReporters(networkedReporters).sources(sources);
    }

    /** Nineteen components are too many to pass by position: priming, tests and benchmarks name them. */
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
        private SortedMap<String, Long> reportersByNetwork;
        private long distinctNetworks;
        private long networkedReporters;
        private SortedMap<String, Long> sources;

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

        public Builder reportersByNetwork(SortedMap<String, Long> value) {
            reportersByNetwork = value;
            return this;
        }

        public Builder distinctNetworks(long value) {
            distinctNetworks = value;
            return this;
        }

        public Builder networkedReporters(long value) {
            networkedReporters = value;
            return this;
        }

        public Builder sources(SortedMap<String, Long> value) {
            sources = value;
            return this;
        }

        public IndicatorAggregate build() {
            return new IndicatorAggregate(indicator, reports, distinctReporters, firstSeen, lastSeen,
                    new TreeSet<>(brands), new TreeSet<>(countries), lossUsd, paymentMethods, contactMethods,
                    reports24h, reports7d, distinctReporters7d, windows, falsePositiveReason,
                    reportersByNetwork, distinctNetworks, networkedReporters, sources);
        }
    }
}
