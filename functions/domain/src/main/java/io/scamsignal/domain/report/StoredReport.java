package io.scamsignal.domain.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The scam fields of a report as stored and streamed to enrichment. Holds no personal data: the
 * reporter is present only as a keyed fingerprint, and its source network as another
 * ({@link NetworkFingerprint}; null for reports stored before it was kept).
 *
 * @param source the partner organisation that submitted the report (POST /partner/reports), null for
 *               the public API: what aggregates, alerts and feeds name as the report's source
 */
public record StoredReport(int schemaVersion, String reportId, Instant receivedAt, ContactMethod contactMethod,
                           String impersonatedCompany, LocalDate incidentDate, String country, Scammer scammer,
                           Loss loss, String description, String reporterFingerprint, String networkFingerprint,
                           String source) {

    public static final int SCHEMA_VERSION = 1;

    public StoredReport(int schemaVersion, String reportId, Instant receivedAt, ContactMethod contactMethod,
                        String impersonatedCompany, LocalDate incidentDate, String country, Scammer scammer, Loss loss,
                        String description, String reporterFingerprint) {
        this(schemaVersion, reportId, receivedAt, contactMethod, impersonatedCompany, incidentDate, country, scammer,
                loss, description, reporterFingerprint, null, null);
    }

    public StoredReport(int schemaVersion, String reportId, Instant receivedAt, ContactMethod contactMethod,
                        String impersonatedCompany, LocalDate incidentDate, String country, Scammer scammer, Loss loss,
                        String description, String reporterFingerprint, String networkFingerprint) {
        this(schemaVersion, reportId, receivedAt, contactMethod, impersonatedCompany, incidentDate, country, scammer,
                loss, description, reporterFingerprint, networkFingerprint, null);
    }

    public static StoredReport of(String reportId, Instant receivedAt, ReportSubmission s, String fingerprint) {
        return of(reportId, receivedAt, s, fingerprint, null);
    }

    public static StoredReport of(String reportId, Instant receivedAt, ReportSubmission s, String fingerprint,
                                  String networkFingerprint) {
        return new StoredReport(SCHEMA_VERSION, reportId, receivedAt, s.contactMethod(), s.impersonatedCompany(),
                s.incidentDate(), s.country(), s.scammer(), s.loss(), s.description(), fingerprint, networkFingerprint,
                null);
    }

    /** The same report as submitted by a partner organisation. */
    public StoredReport fromSource(String organisation) {
        return new StoredReport(schemaVersion, reportId, receivedAt, contactMethod, impersonatedCompany, incidentDate,
                country, scammer, loss, description, reporterFingerprint, networkFingerprint, organisation);
    }

    /** The same report under another id and time (an idempotent repeat stores it under the original's). */
    public StoredReport withId(String id, Instant at) {
        return new StoredReport(schemaVersion, id, at, contactMethod, impersonatedCompany, incidentDate, country,
                scammer, loss, description, reporterFingerprint, networkFingerprint, source);
    }

    /** A report of the current schema version with every component named: for priming, tests and benchmarks. */
    public static Builder builder(String reportId) {
        return new Builder(reportId);
    }

    public static final class Builder {
        private final String reportId;
        private Instant receivedAt;
        private ContactMethod contactMethod;
        private String impersonatedCompany;
        private LocalDate incidentDate;
        private String country;
        private Scammer scammer;
        private Loss loss = Loss.none();
        private String description;
        private String reporterFingerprint;
        private String networkFingerprint;
        private String source;

        private Builder(String reportId) {
            this.reportId = reportId;
        }

        public Builder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        public Builder contactMethod(ContactMethod value) {
            contactMethod = value;
            return this;
        }

        public Builder impersonatedCompany(String value) {
            impersonatedCompany = value;
            return this;
        }

        public Builder incidentDate(LocalDate value) {
            incidentDate = value;
            return this;
        }

        public Builder country(String value) {
            country = value;
            return this;
        }

        public Builder scammer(Scammer value) {
            scammer = value;
            return this;
        }

        public Builder loss(Loss value) {
            loss = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder reporterFingerprint(String value) {
            reporterFingerprint = value;
            return this;
        }

        public Builder networkFingerprint(String value) {
            networkFingerprint = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public StoredReport build() {
            return new StoredReport(SCHEMA_VERSION, reportId, receivedAt, contactMethod, impersonatedCompany,
                    incidentDate, country, scammer, loss, description, reporterFingerprint, networkFingerprint, source);
        }
    }
}
