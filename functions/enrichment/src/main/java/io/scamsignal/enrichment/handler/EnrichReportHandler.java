package io.scamsignal.enrichment.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.aws.Priming;
import io.scamsignal.aws.StreamBatch;
import io.scamsignal.aws.StreamEvent;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.domain.report.StoredReportJson;
import io.scamsignal.enrichment.config.EnrichmentConfig;
import io.scamsignal.enrichment.service.EnrichmentService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Reports table stream (INSERT records): each new report's indicators counted into the aggregates.
 * A stream handler: it reads the batch's JSON itself, so Lambda loads no event serialisation.
 */
public final class EnrichReportHandler implements RequestStreamHandler {

    private static final JsonLog LOG = new JsonLog("enrichment");
    private final EnrichmentService service;
    private final StreamBatch batch = new StreamBatch(LOG);

    /** Lambda's construction path, and the local runner's: the environment is {@link FunctionEnvironment#current()}. */
    public EnrichReportHandler() {
        this(FunctionEnvironment.current());
    }

    private EnrichReportHandler(FunctionEnvironment environment) {
        this(EnrichmentConfig.service(environment));
        Priming.register(EnrichmentConfig::prime);
    }

    EnrichReportHandler(EnrichmentService service) {
        this.service = service;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        handle(StreamEvent.read(input), requestId).write(output);
    }

    StreamBatch.Response handle(List<StreamEvent.Record> records, String requestId) {
        return batch.processTogether(records, requestId,
                record -> "INSERT".equals(record.eventName()) ? decode(record.attribute("payload")) : null,
                reports -> {
                    EnrichmentService.Outcome outcome = service.enrich(reports);
                    LOG.info("reports enriched", Map.of("requestId", requestId,
                            "reportIds", reports.stream().map(StoredReport::reportId).toList(),
                            "indicators", outcome.indicators(), "applied", outcome.applied(), "linked", outcome.linked(),
                            "ringEvents", outcome.ringEvents().stream().map(Object::toString).toList()));
                });
    }

    static StoredReport decode(String payload) throws IOException {
        if (payload == null) {
            throw new IllegalArgumentException("report item has no payload");
        }
        StoredReport report = StoredReportJson.read(payload);
        if (report.schemaVersion() != StoredReport.SCHEMA_VERSION || report.reportId() == null
                || report.scammer() == null || report.contactMethod() == null || report.receivedAt() == null
                || report.reporterFingerprint() == null) {
            throw new IllegalArgumentException("report payload is incomplete or of an unknown schema version");
        }
        return report;
    }
}
