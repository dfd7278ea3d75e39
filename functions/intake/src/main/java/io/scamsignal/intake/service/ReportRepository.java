package io.scamsignal.intake.service;

import io.scamsignal.domain.report.StoredReport;
import java.time.Instant;

/** Where accepted reports go. {@code save} returns only once the report is durably stored. */
public interface ReportRepository {

    /** An Idempotency-Key and a hash of the request it came with, kept until {@code expiresAt}. */
    record IdempotencyClaim(String key, String requestHash, Instant expiresAt) {
    }

    sealed interface SaveResult {
        record Saved() implements SaveResult {
        }

        /** The key was used before with the same request: the original report's answer. */
        record Replayed(String reportId, Instant receivedAt) implements SaveResult {
        }

        /** The key was used before with another request. */
        record KeyReused() implements SaveResult {
        }
    }

    /**
     * Whether an unexpired claim of this Idempotency-Key exists (any request, any status): such a
     * request is a retry, answered by {@link #save} without taking rate-limit quota again.
     */
    boolean idempotencyKeyKnown(String key, Instant now);

    /** @param idempotency null when the request carried no Idempotency-Key */
    SaveResult save(StoredReport report, ReporterContact contact, Instant expiresAt, IdempotencyClaim idempotency);

    /**
     * A report a partner organisation submitted (POST /partner/reports): stored with the
     * organisation's name, without an Idempotency-Key.
     */
    default SaveResult saveFromOrganisation(StoredReport report, ReporterContact contact, Instant expiresAt,
                                            String organisation) {
        return save(report, contact, expiresAt, null);
    }
}
