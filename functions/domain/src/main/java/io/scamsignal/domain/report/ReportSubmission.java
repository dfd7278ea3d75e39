package io.scamsignal.domain.report;

import java.time.LocalDate;

/** A validated report as the web form sent it, text already NFC-normalised. */
public record ReportSubmission(ContactMethod contactMethod, String impersonatedCompany, LocalDate incidentDate,
                               String country, Scammer scammer, Loss loss, String description,
                               Reporter reporter, boolean honeypotHit) {
}
