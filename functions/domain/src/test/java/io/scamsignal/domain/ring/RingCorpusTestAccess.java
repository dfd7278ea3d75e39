package io.scamsignal.domain.ring;

import io.scamsignal.domain.report.StoredReport;

/** The corpus tests' conversion of a stored report, for tests in other packages. */
public final class RingCorpusTestAccess {

    private RingCorpusTestAccess() {
    }

    public static RingReport toRingReport(StoredReport report, String network) {
        return RingCorpusTest.toRingReport(report, network);
    }
}
