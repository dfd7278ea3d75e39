package io.scamsignal.bench;

import io.scamsignal.alerting.adapter.DynamoDbAlertClaims;
import io.scamsignal.alerting.adapter.DynamoDbReportIdLookup;
import io.scamsignal.alerting.adapter.SnsAlertPublisher;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.indicator.PhoneNormalizer;
import io.scamsignal.domain.report.ReportValidator;
import io.scamsignal.domain.report.ReporterFingerprint;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.enrichment.adapter.DynamoDbIndicatorRepository;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.intake.adapter.DynamoDbReportRepository;
import io.scamsignal.intake.service.SubmitReportService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.PublishResponse;

/**
 * The functions' services wired as deployed, with their real DynamoDB and SNS adapters over clients
 * that do no I/O ({@link InMemoryDynamoDb}): what warm-CPU figures measure is the deployed path's
 * CPU, the adapters' item encoding and decoding included, the network excluded.
 */
final class DeployedPath {

    static final String REPORTS = "Reports";
    static final String REPORTER_DATA = "ReporterData";
    static final String IDEMPOTENCY = "Idempotency";
    static final String INDICATORS = "Indicators";
    static final String ALERTS = "Alerts";

    private DeployedPath() {
    }

    /** The intake's service; its repository builds the report and reporter-data items and the transaction. */
    static SubmitReportService intake(InMemoryDynamoDb dynamoDb) {
        return new SubmitReportService(new ReportValidator(Clock.systemUTC(), new PhoneNormalizer()),
                new ReporterFingerprint("benchmark-secret-of-some-length"),
                new DynamoDbReportRepository(dynamoDb, REPORTS, REPORTER_DATA, IDEMPOTENCY), Clock.systemUTC(),
                () -> UUID.randomUUID().toString(), Duration.ofDays(400));
    }

    static ContributionPlanner planner() {
        BrandRegistry brands = BrandRegistry.defaults();
        return new ContributionPlanner(IndicatorExtractor.standard(brands), brands, UsdRates.defaults());
    }

    /**
     * Enrichment's service over an indicators table that already holds {@code history}'s aggregates
     * and reporter items: every batch measured reads and decodes them, folds into them, and encodes
     * the result (the writes are dropped, so every iteration starts from the same state).
     */
    static EnrichmentService enrichment(InMemoryDynamoDb dynamoDb, List<StoredReport> history) {
        ContributionPlanner planner = planner();
        EnrichmentService service = new EnrichmentService(planner, new DynamoDbIndicatorRepository(dynamoDb, INDICATORS));
        service.enrich(history);
        dynamoDb.frozen();
        if (dynamoDb.size(INDICATORS) == 0) {
            throw new IllegalStateException("the history left no stored state");
        }
        return service;
    }

    /**
     * The same reports as earlier ones: every other reporter of {@code reports} reported each of its
     * indicators a day before, under other report ids. So a batch finds stored aggregates for all its
     * indicators and reporter items for half its reporters.
     */
    static List<StoredReport> earlierReports(List<StoredReport> reports) {
        List<StoredReport> earlier = new ArrayList<>();
        for (int i = 0; i < reports.size(); i += 2) {
            StoredReport r = reports.get(i);
            earlier.add(new StoredReport(r.schemaVersion(), "earlier-" + r.reportId(),
                    r.receivedAt().minus(Duration.ofDays(1)), r.contactMethod(), r.impersonatedCompany(), r.incidentDate(),
                    r.country(), r.scammer(), r.loss(), r.description(), r.reporterFingerprint()));
        }
        return earlier;
    }

    /** An SNS client without I/O: each publish is counted and answered with a message id. */
    static final class CountingSns implements SnsClient {
        final AtomicLong published = new AtomicLong();

        @Override
        public PublishResponse publish(PublishRequest request) {
            return PublishResponse.builder().messageId("m-" + published.incrementAndGet() + "-"
                    + request.messageAttributes().size() + "-" + request.message().length()).build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    }

    /**
     * Alerting's service with its real claims, report-id lookup and publisher: the claim is read
     * (absent, so every record alerts afresh), the claim item with the message is built, the report
     * ids are queried from the markers of {@code reporters} counted reports, the publish request with its
     * filter attributes is built, and the alert is marked sent.
     */
    static AlertingService alerting(InMemoryDynamoDb dynamoDb, SnsClient sns, String indicatorKey, int reporters) {
        for (int i = 0; i < reporters; i++) {
            dynamoDb.putItem(b -> b.tableName(INDICATORS).item(Map.of(
                    "pk", AttributeValue.fromS(indicatorKey),
                    "sk", AttributeValue.fromS("C#" + UUID.randomUUID()))));
        }
        dynamoDb.frozen();
        return new AlertingService(new AlertRules(AlertRuleConfig.defaults()),
                new DynamoDbAlertClaims(dynamoDb, ALERTS, "ByIndicator", Duration.ofSeconds(60)),
                new SnsAlertPublisher(sns, "arn:aws:sns:us-east-1:123456789012:alerts"),
                new DynamoDbReportIdLookup(dynamoDb, INDICATORS), Clock.systemUTC());
    }
}
