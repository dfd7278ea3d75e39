package io.scamsignal.enrichment.service;

import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;

/** Where reports are linked into rings: each report planned and applied once, atomically. */
public interface RingRepository {

    /** Links the report's indicators; a report already in its ring is a no-op (the empty plan). */
    RingPlanner.Plan link(RingReport report);
}
