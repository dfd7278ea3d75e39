package io.scamsignal.enrichment.service;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.report.StoredReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stored reports → their indicators normalised → each indicator's aggregate updated once. A batch
 * is aggregated per indicator first, so a number named in a thousand reports is one aggregate write
 * per batch, not a thousand writes to one hot item.
 */
public final class EnrichmentService {

    public record Outcome(int reports, int indicators, int applied) {
    }

    private final ContributionPlanner planner;
    private final IndicatorRepository indicators;

    public EnrichmentService(ContributionPlanner planner, IndicatorRepository indicators) {
        this.planner = planner;
        this.indicators = indicators;
    }

    public Outcome enrich(List<StoredReport> reports) {
        Map<String, List<IndicatorContribution>> byIndicator = new LinkedHashMap<>();
        for (StoredReport report : reports) {
            for (IndicatorContribution c : planner.plan(report)) {
                byIndicator.computeIfAbsent(c.indicator().key(), k -> new ArrayList<>()).add(c);
            }
        }
        int applied = 0;
        for (List<IndicatorContribution> sameIndicator : byIndicator.values()) {
            applied += indicators.apply(sameIndicator);
        }
        return new Outcome(reports.size(), byIndicator.size(), applied);
    }
}
