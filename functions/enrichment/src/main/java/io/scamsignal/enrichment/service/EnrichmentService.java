package io.scamsignal.enrichment.service;

import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.report.StoredReport;
import java.util.List;

/** One stored report → its indicators normalised → each indicator's aggregate updated once. */
public final class EnrichmentService {

    public record Outcome(int indicators, int applied) {
    }

    private final ContributionPlanner planner;
    private final IndicatorRepository indicators;

    public EnrichmentService(ContributionPlanner planner, IndicatorRepository indicators) {
        this.planner = planner;
        this.indicators = indicators;
    }

    public Outcome enrich(StoredReport report) {
        List<IndicatorContribution> contributions = planner.plan(report);
        int applied = 0;
        for (IndicatorContribution contribution : contributions) {
            if (indicators.apply(contribution)) {
                applied++;
            }
        }
        return new Outcome(contributions.size(), applied);
    }
}
