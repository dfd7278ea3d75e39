package io.scamsignal.emulator;

import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.intake.adapter.DynamoDbReportRepository;
import io.scamsignal.intake.service.ReporterContact;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reports written into a running stack's reports and reporter-data tables as the intake writes
 * them, without its HTTP API: for runs that feed the reports stream a prepared corpus and then
 * deliver its records by hand ({@link io.scamsignal.emulator.lambda.ManualStreamDelivery}).
 */
public final class DirectReports {

    private DirectReports() {
    }

    /**
     * Stores each report in receivedAt order (then by report id), the order the intake stores them
     * in and so the stream's; each reporter's e-mail is {@code <reportId>@example.org}, kept a year.
     *
     * @param lawEnforcementConsent by report id, whether its reporter agreed to be contacted by law
     *                              enforcement (absent: no)
     * @return the reports in the order they were stored
     */
    public static List<StoredReport> store(LocalPipeline pipeline, Collection<StoredReport> reports,
                                           Map<String, Boolean> lawEnforcementConsent) {
        DynamoDbReportRepository intake = new DynamoDbReportRepository(pipeline.aws().dynamoDb(),
                pipeline.ref("ReportsTable"), pipeline.ref("ReporterDataTable"), pipeline.ref("IdempotencyTable"));
        Instant expires = Instant.now().plus(365, ChronoUnit.DAYS);
        List<StoredReport> stored = reports.stream()
                .sorted(Comparator.comparing(StoredReport::receivedAt).thenComparing(StoredReport::reportId)).toList();
        for (StoredReport report : stored) {
            intake.save(report, new ReporterContact(report.reportId(), report.reportId() + "@example.org", null, false,
                    null, null, expires, report.reporterFingerprint(),
                    lawEnforcementConsent.getOrDefault(report.reportId(), false)), expires, null);
        }
        return stored;
    }
}
