package io.scamsignal.intake.service;

import io.scamsignal.domain.report.StoredReport;
import java.time.Instant;

/** Where accepted reports go. {@code save} returns only once the report is durably stored. */
public interface ReportRepository {

    void save(StoredReport report, ReporterContact contact, Instant expiresAt);
}
