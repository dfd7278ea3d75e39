package io.scamsignal.domain.aggregate;

import io.scamsignal.domain.indicator.Indicator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Folds contributions into an indicator's aggregate exactly once per (report, indicator): a
 * contribution whose report was counted before (the storage keeps one small marker per counted
 * report and indicator) is skipped. Pure: the storage adapter reads the current aggregate, the
 * reporters' states and the markers of the contributions' reports, calls this, and writes the
 * result (aggregate, reporter states, a marker per applied report) in one conditional transaction.
 * A reporter's state is a count and a time, so it stays the same size however many reports it counts.
 */
public final class Aggregation {

    /** What is kept per (indicator, reporter): how many of their reports were counted, and the latest one's time. */
    public record ReporterState(long reports, Instant lastReportAt) {
    }

    public record Result(IndicatorAggregate aggregate, Map<String, ReporterState> changedReporters,
                         List<IndicatorContribution> applied) {
    }

    /** Networks kept by fingerprint in an aggregate: keeps the item far below DynamoDB's 400 KB. */
    public static final int MAX_NETWORKS = 256;

    private Aggregation() {
    }

    /**
     * @param current   the stored aggregate, or null for a new indicator
     * @param reporters stored states of the contributions' reporters (absent: new reporter)
     * @param counted   the contributions' report ids already counted for this indicator (their markers)
     */
    public static Result apply(IndicatorAggregate current, Map<String, ReporterState> reporters, Set<String> counted,
                               List<IndicatorContribution> contributions) {
        List<IndicatorContribution> ordered = new ArrayList<>(contributions);
        ordered.sort(Comparator.comparing(IndicatorContribution::receivedAt).thenComparing(IndicatorContribution::reportId));
        Map<String, ReporterState> states = new HashMap<>(reporters);
        Map<String, ReporterState> changed = new HashMap<>();
        List<IndicatorContribution> applied = new ArrayList<>();
        Set<String> seen = new HashSet<>();

        Indicator indicator = current == null ? null : current.indicator();
        long reports = current == null ? 0 : current.reports();
        long distinct = current == null ? 0 : current.distinctReporters();
        Instant firstSeen = current == null ? null : current.firstSeen();
        Instant lastSeen = current == null ? null : current.lastSeen();
        TreeSet<String> brands = current == null ? new TreeSet<>() : new TreeSet<>(current.brands());
        TreeSet<String> countries = current == null ? new TreeSet<>() : new TreeSet<>(current.countries());
        BigDecimal loss = current == null ? BigDecimal.ZERO : current.lossUsd();
        Map<String, Long> payments = current == null ? new TreeMap<>() : new TreeMap<>(current.paymentMethods());
        Map<String, Long> contacts = current == null ? new TreeMap<>() : new TreeMap<>(current.contactMethods());
        ActivityWindows windows = current == null ? ActivityWindows.empty() : current.windows();
        TreeMap<String, Long> byNetwork = current == null ? new TreeMap<>() : new TreeMap<>(current.reportersByNetwork());
        long networks = current == null ? 0 : current.distinctNetworks();
        long networked = current == null ? 0 : current.networkedReporters();
        TreeMap<String, Long> sources = current == null ? new TreeMap<>() : new TreeMap<>(current.sources());

        for (IndicatorContribution c : ordered) {
            ReporterState state = states.get(c.reporterFingerprint());
            if (counted.contains(c.reportId()) || !seen.add(c.reportId())) {
                continue;
            }
            indicator = c.indicator();
            reports++;
            if (state == null) {
                distinct++;
                // a reporter belongs to the network of its first report on this indicator
                String network = c.networkFingerprint() != null ? c.networkFingerprint() : "r:" + c.reporterFingerprint();
                networked++;
                if (byNetwork.containsKey(network)) {
                    byNetwork.merge(network, 1L, Long::sum);
                } else {
                    networks++;
                    if (byNetwork.size() < MAX_NETWORKS) {
                        byNetwork.put(network, 1L);
                    }
                }
            }
            firstSeen = firstSeen == null || c.receivedAt().isBefore(firstSeen) ? c.receivedAt() : firstSeen;
            lastSeen = lastSeen == null || c.receivedAt().isAfter(lastSeen) ? c.receivedAt() : lastSeen;
            brands.addAll(c.brands());
            countries.add(c.country());
            loss = loss.add(c.lossUsd());
            c.paymentMethods().forEach(m -> payments.merge(m, 1L, Long::sum));
            contacts.merge(c.contactMethod(), 1L, Long::sum);
            sources.merge(c.source() == null ? IndicatorAggregate.PUBLIC_SOURCE : c.source(), 1L, Long::sum);
            windows = windows.withReport(c.receivedAt(), state == null ? null : state.lastReportAt());

            Instant last = state == null || c.receivedAt().isAfter(state.lastReportAt()) ? c.receivedAt()
                    : state.lastReportAt();
            ReporterState next = new ReporterState(state == null ? 1 : state.reports() + 1, last);
            states.put(c.reporterFingerprint(), next);
            changed.put(c.reporterFingerprint(), next);
            applied.add(c);
        }
        if (applied.isEmpty()) {
            return new Result(current, Map.of(), List.of());
        }
        windows = windows.prunedAsOf(lastSeen);
        IndicatorAggregate aggregate = new IndicatorAggregate(indicator, reports, distinct, firstSeen, lastSeen, brands,
                countries, loss, payments, contacts, windows.reports24h(lastSeen), windows.reports7d(lastSeen),
                windows.distinctReporters7d(lastSeen), windows, current == null ? null : current.falsePositiveReason(),
                byNetwork, networks, networked, sources);
        return new Result(aggregate, changed, applied);
    }
}
