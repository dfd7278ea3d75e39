package io.scamsignal.enrichment.service;

import io.scamsignal.domain.aggregate.IndicatorContribution;
import java.util.List;

/** The per-indicator aggregates. */
public interface IndicatorRepository {

    /**
     * Adds contributions that all name one indicator to its aggregate, exactly once per (report,
     * indicator): contributions counted before change nothing. Returns how many were new.
     */
    int apply(List<IndicatorContribution> sameIndicator);
}
