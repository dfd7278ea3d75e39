package io.scamsignal.domain.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The scam fields of a report as stored and streamed to enrichment. Holds no personal data: the
 * reporter is present only as a keyed fingerprint.
 */
public record StoredReport(int schemaVersion, String reportId, Instant receivedAt, ContactMethod contactMethod,
                           String impersonatedCompany, LocalDate incidentDate, String country, Scammer scammer,
                           Loss loss, String description, String reporterFingerprint) {

    public static final int SCHEMA_VERSION = 1;

    public static StoredReport of(String reportId, Instant receivedAt, ReportSubmission s, String fingerprint) {
        return new StoredReport(SCHEMA_VERSION, reportId, receivedAt, s.contactMethod(), s.impersonatedCompany(),
                s.incidentDate(), s.country(), s.scammer(), s.loss(), s.description(), fingerprint);
    }
}
