package io.scamsignal.enrichment.service;

import io.scamsignal.domain.aggregate.IndicatorContribution;

/** The per-indicator aggregates. */
public interface IndicatorRepository {

    /**
     * Adds one report's contribution to its indicator's aggregate, exactly once: returns false, and
     * changes nothing, when this (report, indicator) was counted before.
     */
    boolean apply(IndicatorContribution contribution);
}
