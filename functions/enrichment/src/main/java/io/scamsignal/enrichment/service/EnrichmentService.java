package io.scamsignal.enrichment.service;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.ring.RingEvent;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * Stored reports → their indicators normalised → each indicator's aggregate updated once, then
 * each report linked into the rings (docs/rings.md). A batch is aggregated per indicator first, so
 * a number named in a thousand reports is one aggregate write per batch, not a thousand writes to
 * one hot item. The indicators of a batch are applied side by side ({@link #INDICATOR_CONCURRENCY} at
 * a time: each is its own items, its own transactions), so twenty reports naming two hundred new sites
 * hold an honest number's count back for a few round trips, not two hundred; and they start in turns
 * across networks ({@link #fairOrder}), so one network's flood does not go first. Rings go report by
 * report, in order: each report is one transaction on the rings it touches.
 */
public final class EnrichmentService {

    public record Outcome(int reports, int indicators, int applied, int linked, List<RingEvent> ringEvents) {
        public Outcome(int reports, int indicators, int applied) {
            this(reports, indicators, applied, 0, List.of());
        }
    }

    /** Indicators applied at the same time: each is a read and a transaction, waiting on DynamoDB. */
    public static final int INDICATOR_CONCURRENCY = 8;

    private final ContributionPlanner planner;
    private final IndicatorRepository indicators;
    private final RingRepository rings;
    private final Predicate<Indicator> linkable;

    public EnrichmentService(ContributionPlanner planner, IndicatorRepository indicators) {
        this(planner, indicators, null, i -> false);
    }

    /** @param rings null: no ring linking; {@code linkable} decides which indicators may link (RingLinking) */
    public EnrichmentService(ContributionPlanner planner, IndicatorRepository indicators, RingRepository rings,
                             Predicate<Indicator> linkable) {
        this.planner = planner;
        this.indicators = indicators;
        this.rings = rings;
        this.linkable = linkable;
    }

    public Outcome enrich(List<StoredReport> reports) {
        Map<String, List<IndicatorContribution>> byIndicator = new LinkedHashMap<>();
        Map<StoredReport, List<IndicatorContribution>> byReport = new LinkedHashMap<>();
        for (StoredReport report : reports) {
            List<IndicatorContribution> contributions = planner.plan(report);
            byReport.put(report, contributions);
            for (IndicatorContribution c : contributions) {
                byIndicator.computeIfAbsent(c.indicator().key(), k -> new ArrayList<>()).add(c);
            }
        }
        int applied = applyAll(fairOrder(byIndicator.values()));
        int linked = 0;
        List<RingEvent> events = new ArrayList<>();
        if (rings != null) {
            // in the order received, so a batch founds rings as a slower stream would (the result is the same)
            List<StoredReport> ordered = byReport.keySet().stream()
                    .sorted(Comparator.comparing(StoredReport::receivedAt).thenComparing(StoredReport::reportId)).toList();
            for (StoredReport report : ordered) {
                List<IndicatorContribution> contributions = byReport.get(report);
                if (contributions.isEmpty()) {
                    continue;
                }
                IndicatorContribution first = contributions.get(0);
                RingReport ringReport = RingReport.of(report,
                        contributions.stream().map(IndicatorContribution::indicator).toList(), first.brands(),
                        first.lossUsd(), report.networkFingerprint(), linkable);
                RingPlanner.Plan plan = rings.link(ringReport);
                if (!plan.isEmpty()) {
                    linked++;
                    events.addAll(plan.events());
                }
            }
        }
        return new Outcome(reports.size(), byIndicator.size(), applied, linked, List.copyOf(events));
    }

    /**
     * The indicators in turns across networks: each network's first indicator, then each one's second,
     * and so on (an indicator takes its earliest turn among the reports naming it). Twenty reports from
     * one network naming two hundred new sites then wait behind the one number another network named,
     * not the other way round. The order changes when a count lands, never what it is.
     */
    static List<List<IndicatorContribution>> fairOrder(Collection<List<IndicatorContribution>> groups) {
        Map<String, Integer> turnsTaken = new HashMap<>();
        Map<List<IndicatorContribution>, Integer> turn = new IdentityHashMap<>();
        List<IndicatorContribution> all = groups.stream().flatMap(List::stream)
                .sorted(Comparator.comparing(IndicatorContribution::receivedAt).thenComparing(IndicatorContribution::reportId))
                .toList();
        Map<IndicatorContribution, List<IndicatorContribution>> groupOf = new IdentityHashMap<>();
        for (List<IndicatorContribution> group : groups) {
            group.forEach(c -> groupOf.put(c, group));
        }
        for (IndicatorContribution c : all) {
            String network = c.networkFingerprint() != null ? c.networkFingerprint() : "r:" + c.reporterFingerprint();
            int t = turnsTaken.merge(network, 1, Integer::sum);
            turn.merge(groupOf.get(c), t, Math::min);
        }
        List<List<IndicatorContribution>> ordered = new ArrayList<>(groups);
        ordered.sort(Comparator.comparingInt(turn::get));
        return ordered;
    }

    /**
     * Every indicator's contributions applied, {@link #INDICATOR_CONCURRENCY} at a time; all of them
     * are tried, and the first failure is thrown once every other has finished (each application is
     * exactly once under redelivery, so the batch's retry re-applies nothing that went through).
     */
    private int applyAll(List<List<IndicatorContribution>> groups) {
        if (groups.size() <= 1) {
            return groups.isEmpty() ? 0 : indicators.apply(groups.get(0));
        }
        List<Future<Integer>> results = new ArrayList<>(groups.size());
        // a fixed pool takes its tasks in the order given: the fair order is the order they start in
        try (ExecutorService threads = Executors.newFixedThreadPool(INDICATOR_CONCURRENCY, Thread.ofVirtual().factory())) {
            for (List<IndicatorContribution> group : groups) {
                results.add(threads.submit(() -> indicators.apply(group)));
            }
        }
        int applied = 0;
        RuntimeException failure = null;
        for (Future<Integer> result : results) {
            try {
                applied += result.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while applying indicators", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return applied;
    }
}
