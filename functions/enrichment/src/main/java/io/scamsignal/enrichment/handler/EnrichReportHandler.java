package io.scamsignal.enrichment.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.scamsignal.aws.FunctionEnvironment;
import io.scamsignal.aws.JsonLog;
import io.scamsignal.aws.Priming;
import io.scamsignal.aws.StreamBatch;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.enrichment.config.EnrichmentConfig;
import io.scamsignal.enrichment.service.EnrichmentService;
import java.util.Map;

/** Reports table stream (INSERT records): each new report's indicators counted into the aggregates. */
public final class EnrichReportHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final JsonLog LOG = new JsonLog("enrichment");
    private final EnrichmentService service;
    private final StreamBatch batch = new StreamBatch(LOG);

    public EnrichReportHandler() {
        this(FunctionEnvironment.system());
    }

    /** For the local runner, which hands the function the environment its template entry declares. */
    public EnrichReportHandler(Map<String, String> environment) {
        this(new FunctionEnvironment(environment));
    }

    private EnrichReportHandler(FunctionEnvironment environment) {
        this(EnrichmentConfig.service(environment));
        Priming.register(EnrichmentConfig::prime);
    }

    EnrichReportHandler(EnrichmentService service) {
        this.service = service;
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        return batch.processTogether(event, requestId,
                record -> "INSERT".equals(record.getEventName()) ? decode(record.getDynamodb().getNewImage()) : null,
                reports -> {
                    EnrichmentService.Outcome outcome = service.enrich(reports);
                    LOG.info("reports enriched", Map.of("requestId", requestId,
                            "reportIds", reports.stream().map(StoredReport::reportId).toList(),
                            "indicators", outcome.indicators(), "applied", outcome.applied()));
                });
    }

    static StoredReport decode(Map<String, AttributeValue> image) throws java.io.IOException {
        AttributeValue payload = image == null ? null : image.get("payload");
        if (payload == null || payload.getS() == null) {
            throw new IllegalArgumentException("report item has no payload");
        }
        StoredReport report = Json.MAPPER.readValue(payload.getS(), StoredReport.class);
        if (report.schemaVersion() != StoredReport.SCHEMA_VERSION || report.reportId() == null
                || report.scammer() == null || report.contactMethod() == null || report.receivedAt() == null
                || report.reporterFingerprint() == null) {
            throw new IllegalArgumentException("report payload is incomplete or of an unknown schema version");
        }
        return report;
    }
}
