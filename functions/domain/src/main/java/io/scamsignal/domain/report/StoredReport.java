package io.scamsignal.domain.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The scam fields of a report as stored and streamed to enrichment. Holds no personal data: the
 * reporter is present only as a keyed fingerprint, and its source network as another
 * ({@link NetworkFingerprint}; null for reports stored before it was kept).
 */
public record StoredReport(int schemaVersion, String reportId, Instant receivedAt, ContactMethod contactMethod,
                           String impersonatedCompany, LocalDate incidentDate, String country, Scammer scammer,
                           Loss loss, String description, String reporterFingerprint, String networkFingerprint) {

    public static final int SCHEMA_VERSION = 1;

    public StoredReport(int schemaVersion, String reportId, Instant receivedAt, ContactMethod contactMethod,
                        String impersonatedCompany, LocalDate incidentDate, String country, Scammer scammer, Loss loss,
                        String description, String reporterFingerprint) {
        this(schemaVersion, reportId, receivedAt, contactMethod, impersonatedCompany, incidentDate, country, scammer,
                loss, description, reporterFingerprint, null);
    }

    public static StoredReport of(String reportId, Instant receivedAt, ReportSubmission s, String fingerprint) {
        return of(reportId, receivedAt, s, fingerprint, null);
    }

    public static StoredReport of(String reportId, Instant receivedAt, ReportSubmission s, String fingerprint,
                                  String networkFingerprint) {
        return new StoredReport(SCHEMA_VERSION, reportId, receivedAt, s.contactMethod(), s.impersonatedCompany(),
                s.incidentDate(), s.country(), s.scammer(), s.loss(), s.description(), fingerprint, networkFingerprint);
    }
}
