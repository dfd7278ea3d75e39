package io.scamsignal.enrichment.service;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.ring.RingEvent;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Stored reports → their indicators normalised → each indicator's aggregate updated once, then
 * each report linked into the rings (docs/rings.md). A batch is aggregated per indicator first, so
 * a number named in a thousand reports is one aggregate write per batch, not a thousand writes to
 * one hot item. Rings go report by report: each report is one transaction on the rings it touches.
 */
public final class EnrichmentService {

    public record Outcome(int reports, int indicators, int applied, int linked, List<RingEvent> ringEvents) {
        public Outcome(int reports, int indicators, int applied) {
            this(reports, indicators, applied, 0, List.of());
        }
    }

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
        int applied = 0;
        for (List<IndicatorContribution> sameIndicator : byIndicator.values()) {
            applied += indicators.apply(sameIndicator);
        }
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
}
