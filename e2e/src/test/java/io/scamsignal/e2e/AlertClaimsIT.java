package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.alerting.adapter.DynamoDbAlertClaims;
import io.scamsignal.alerting.adapter.DynamoDbReportIdLookup;
import io.scamsignal.alerting.adapter.SnsAlertPublisher;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.alerting.service.AlertPublisher;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The alerting service's exactly-once effect against the emulator's DynamoDB and SNS: concurrent
 * claimers, and crashes at each point between claim and mark, injected around the real adapters.
 */
class AlertClaimsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private LocalPipeline pipeline;
    private String queue;

    /** One reporter per stack, posted through the API, so that the scan after each test has something to find. */
    private static final String REPORTER_EMAIL = "claims.reporter@example.org";
    private static final String REPORTER_NAME = "Robin Claimant";
    private int logsFrom;

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @BeforeEach
    void deploy() throws Exception {
        logsFrom = LogCapture.length();
        String stack = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack));
        queue = pipeline.aws().sqs().createQueue(b -> b.queueName(stack + "-subscriber")).queueUrl();
        String arn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(arn)
                .attributes(Map.of("RawMessageDelivery", "true")));
        // a report of another number (one reporter, no loss: no rule fires) through intake, enrichment and alerting
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                         "country":"US","scammer":{"phoneNumbers":["+1 844 392 6105"]},
                         "reporter":{"email":"%s","name":"%s"}}""".formatted(REPORTER_EMAIL, REPORTER_NAME))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
    }

    @AfterEach
    void close() throws Exception {
        try {
            assertThat(pipeline.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(60))).isTrue();
            assertThat(PersonalDataScan.reporterValues(pipeline.aws(), pipeline.stack())).contains(REPORTER_EMAIL, REPORTER_NAME);
            PersonalDataScan.assertNoPersonalDataOutsideReporterData(pipeline, List.of(REPORTER_EMAIL, REPORTER_NAME),
                    LogCapture.since(logsFrom));
        } finally {
            pipeline.close();
        }
    }

    private static IndicatorAggregate threeReporters() {
        Indicator phone = new Indicator(IndicatorType.PHONE, "+18885550199", "+1 888-555-0199", Map.of("numberType", "TOLL_FREE"));
        return new IndicatorAggregate(phone, 3, 3, Instant.parse("2026-11-28T10:00:00Z"), Instant.parse("2026-11-28T11:00:00Z"),
                new TreeSet<>(Set.of("Microsoft")), new TreeSet<>(Set.of("US")), BigDecimal.ZERO, Map.of(),
                Map.of("popup", 3L), 3, 3, 3, null, null);
    }

    private AlertClaims claims(Duration lease) {
        return new DynamoDbAlertClaims(pipeline.aws().dynamoDb(), pipeline.ref("AlertsTable"), lease);
    }

    private AlertPublisher publisher() {
        return new SnsAlertPublisher(pipeline.aws().sns(), pipeline.ref("AlertsTopic"));
    }

    private AlertingService service(AlertClaims claims, AlertPublisher publisher) {
        return new AlertingService(new AlertRules(AlertRuleConfig.defaults()), claims, publisher,
                new DynamoDbReportIdLookup(pipeline.aws().dynamoDb(), pipeline.ref("IndicatorsTable")), Clock.systemUTC());
    }

    private List<String> receivedAlertIds(Duration quiet) throws Exception {
        List<String> ids = new ArrayList<>();
        Instant deadline = Instant.now().plus(quiet);
        while (Instant.now().isBefore(deadline)) {
            for (Message m : pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages()) {
                JsonNode alert = JSON.readTree(m.body());
                PipelineScenarios.assertContractAndNoPersonalData(m.body());
                ids.add(alert.get("alertId").asText());
                pipeline.aws().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
        return ids;
    }

    @Test
    void twentyConcurrentClaimersPublishOnce() throws Exception {
        AlertingService service = service(claims(Duration.ofSeconds(60)), publisher());
        IndicatorAggregate aggregate = threeReporters();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AlertingService.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String owner = "stream-record-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                return service.onAggregateChanged(aggregate, owner);
            }));
        }
        start.countDown();
        int published = 0;
        for (Future<AlertingService.Outcome> outcome : outcomes) {
            published += outcome.get().published().size();
        }
        pool.shutdown();

        assertThat(published).isEqualTo(1);
        assertThat(receivedAlertIds(Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void aCrashAfterTheClaimIsRecoveredByTheRetryWithTheSameId() throws Exception {
        AtomicBoolean crash = new AtomicBoolean(true);
        AlertPublisher real = publisher();
        AlertPublisher crashing = message -> {
            if (crash.getAndSet(false)) {
                throw new IllegalStateException("injected: the function died after claiming");
            }
            return real.publish(message);
        };
        AlertingService service = service(claims(Duration.ofSeconds(60)), crashing);

        assertThatThrownBy(() -> service.onAggregateChanged(threeReporters(), "record-1")).hasMessageContaining("injected");
        assertThat(receivedAlertIds(Duration.ofSeconds(2))).isEmpty();
        service.onAggregateChanged(threeReporters(), "record-1");

        assertThat(receivedAlertIds(Duration.ofSeconds(3))).containsExactly(expectedId());
    }

    @Test
    void aCrashAfterPublishingBeforeMarkingRepeatsTheSameAlertNeverANewId() throws Exception {
        AtomicBoolean crash = new AtomicBoolean(true);
        AlertClaims real = claims(Duration.ofSeconds(60));
        AlertClaims crashing = new AlertClaims() {
            @Override
            public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
                return real.claim(alertId, candidate, owner, now);
            }

            @Override
            public void markSent(String alertId, String publishedMessageId, Instant now) {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("injected: the function died after publishing");
                }
                real.markSent(alertId, publishedMessageId, now);
            }
        };
        AlertingService service = service(crashing, publisher());

        assertThatThrownBy(() -> service.onAggregateChanged(threeReporters(), "record-1")).hasMessageContaining("injected");
        service.onAggregateChanged(threeReporters(), "record-1");
        service.onAggregateChanged(threeReporters(), "record-1");

        List<String> ids = receivedAlertIds(Duration.ofSeconds(3));
        assertThat(ids).isNotEmpty().containsOnly(expectedId()).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aClaimWhoseOwnerNeverCameBackIsTakenOverWhenItsLeaseRunsOut() throws Exception {
        AlertPublisher dead = message -> {
            throw new IllegalStateException("injected: this invocation never returns");
        };
        AlertClaims shortLease = claims(Duration.ofSeconds(1));
        assertThatThrownBy(() -> service(shortLease, dead).onAggregateChanged(threeReporters(), "record-1"))
                .hasMessageContaining("injected");

        AlertingService other = service(shortLease, publisher());
        assertThat(other.onAggregateChanged(threeReporters(), "record-2").heldElsewhere()).containsExactly(expectedId());
        // no sleep for the lease: retry until the takeover succeeds, which it may only once the lease ran out
        AlertingService.Outcome takeover = Await.until(() -> other.onAggregateChanged(threeReporters(), "record-2"),
                o -> !o.published().isEmpty(), Duration.ofSeconds(10), "the lease runs out and record-2 takes over");
        assertThat(takeover.published()).containsExactly(expectedId());

        assertThat(receivedAlertIds(Duration.ofSeconds(3))).containsExactly(expectedId());
    }

    private static String expectedId() {
        IndicatorAggregate a = threeReporters();
        return AlertMessage.alertId(a.indicator(), new AlertRules(AlertRuleConfig.defaults()).evaluate(a).get(0));
    }
}
