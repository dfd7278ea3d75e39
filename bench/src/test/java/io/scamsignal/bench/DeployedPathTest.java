package io.scamsignal.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.report.StoredReport;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.intake.service.IntakeRequest;
import io.scamsignal.intake.service.IntakeResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-CPU set-up does the deployed path's work: items encoded, stored state read, alerts published. */
class DeployedPathTest {

    private static final String REPORT = """
            {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20","country":"US",
             "scammer":{"phoneNumbers":["+1 (888) 555-0142"]},"reporter":{"email":"victim@example.org","name":"Pat"}}""";

    @Test
    void intakeEncodesTheReportAndTheReportersDataAsTheAdapterDoes() {
        InMemoryDynamoDb dynamoDb = new InMemoryDynamoDb().frozen();
        IntakeResponse response = DeployedPath.intake(dynamoDb).submit(new IntakeRequest(
                REPORT.getBytes(StandardCharsets.UTF_8), "application/json", "en", null, "198.51.100.7", "test", "r1"));

        assertThat(response.status()).isEqualTo(202);
        // the report's 7 attributes and the reporter data's 7 (key, expiry, e-mail, name, IP, user agent,
        // and the reporter fingerprint the erase command finds them by)
        assertThat(dynamoDb.attributesWritten).isEqualTo(14);
    }

    @Test
    void enrichmentReadsTheStoredAggregatesAndReporterItemsOfEarlierReports() {
        List<StoredReport> reports = SampleReports.reports(20, SampleReports.Spread.POPULAR);
        InMemoryDynamoDb dynamoDb = new InMemoryDynamoDb();
        EnrichmentService service = DeployedPath.enrichment(dynamoDb, DeployedPath.earlierReports(reports));

        EnrichmentService.Outcome outcome = service.enrich(reports);

        assertThat(outcome.applied()).isPositive();
        // every indicator's aggregate, and the reporter items of the 10 reporters who reported before
        assertThat(dynamoDb.itemsRead).isGreaterThan(outcome.indicators());
        assertThat(dynamoDb.attributesWritten).isPositive();
        // dropped writes: a second batch finds the same state and folds all of it again
        assertThat(service.enrich(reports).applied()).isEqualTo(outcome.applied());
    }

    @Test
    void alertingClaimsQueriesAndPublishesForEveryRecord() throws Exception {
        InMemoryDynamoDb dynamoDb = new InMemoryDynamoDb();
        DeployedPath.CountingSns sns = new DeployedPath.CountingSns();
        var service = DeployedPath.alerting(dynamoDb, sns, "phone#+18885550142", 3);
        var aggregate = Json.mapper().readValue("""
                {"indicator":{"type":"phone","value":"+18885550142","display":"+1 888-555-0142","enrichment":{}},"reports":3,
                 "distinctReporters":3,"firstSeen":"2026-11-28T15:04:05Z","lastSeen":"2026-11-28T15:06:01Z",
                 "brands":["Microsoft"],"countries":["US"],"lossUsd":10,"paymentMethods":{},"contactMethods":{},
                 "reports24h":3,"reports7d":3,"distinctReporters7d":3}""",
                io.scamsignal.domain.aggregate.IndicatorAggregate.class);

        service.onAggregateChanged(aggregate, "e1");
        service.onAggregateChanged(aggregate, "e2");

        assertThat(sns.published.get()).isEqualTo(2);
        assertThat(dynamoDb.itemsRead).isEqualTo(6); // the 3 reporter items, queried for each alert
    }
}
