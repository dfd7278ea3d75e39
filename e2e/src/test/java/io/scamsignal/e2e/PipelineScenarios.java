package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import io.scamsignal.domain.support.AlertSchema;
import io.scamsignal.emulator.lambda.StreamEventSourceMapping;
import io.scamsignal.ops.FalsePositive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * End-to-end scenarios through the real handlers, the local runner's HTTP API and stream
 * mappings, and a real AWS emulator reached over HTTP by the AWS SDK. Subclasses say which emulator.
 */
abstract class PipelineScenarios {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private String partnerQueue;
    private int logsFrom;

    /** What the scenarios post besides what the reporter-data table will hold: every reporter is at example.org. */
    static final List<String> POSTED_PERSONAL_DATA = List.of("Pat Example", "@example.org");

    protected abstract String endpoint() throws Exception;

    @BeforeAll
    static void captureLogs() {
        LogCapture.install();
    }

    @BeforeEach
    void startPipeline() throws Exception {
        logsFrom = LogCapture.length();
        String stack = "it-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), endpoint(), stack));
        // a partner's queue, subscribed to the alerts topic as partners do
        partnerQueue = pipeline.aws().sqs().createQueue(b -> b.queueName(stack + "-partner")).queueUrl();
        String queueArn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(partnerQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(queueArn));
    }

    @AfterEach
    void stopPipeline() throws Exception {
        assertThat(ReservedWordGuard.refused()).as("requests DynamoDB would reject for a bare reserved word").isEmpty();
        if (pipeline != null) {
            // every message this pipeline published, as its inbox saw it: the contract, and no personal data
            for (JsonNode message : pipeline.inboxes().stream().flatMap(i -> i.received().stream()).toList()) {
                assertContractAndNoPersonalData(message.toString());
            }
            try {
                // every table but the reporter data, every stream record, queued message, alert and log line of this scenario
                assertThat(pipeline.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(60))).isTrue();
                PersonalDataScan.assertNoPersonalDataOutsideReporterData(pipeline, POSTED_PERSONAL_DATA,
                        LogCapture.since(logsFrom));
            } finally {
                pipeline.close();
            }
        }
    }

    @Test
    void threeReportersOfOneLookalikeDomainTypedThreeWaysGiveOneDomainAlert() throws Exception {
        List<String> typed = List.of("https://www.\u0430mazon-refunds.com/", "\u0430mazon-refunds.com",
                "HTTP://WWW.XN--MAZON-REFUNDS-V1K.COM/refund?id=7");
        for (int i = 0; i < typed.size(); i++) {
            assertThat(post(reportWith("[]", "[\"" + typed.get(i) + "\"]", "CA", "d" + i + "@example.org"),
                    "application/json").statusCode()).isEqualTo(202);
        }
        List<Message> alerts = receiveFor(Duration.ofSeconds(30), 1);
        alerts.addAll(receiveFor(Duration.ofSeconds(3), Integer.MAX_VALUE));

        assertThat(alerts).singleElement().satisfies(m -> {
            JsonNode alert = JSON.readTree(JSON.readTree(m.body()).get("Message").asText());
            assertThat(alert.at("/indicator/type").asText()).isEqualTo("domain");
            assertThat(alert.at("/indicator/value").asText()).isEqualTo("xn--mazon-refunds-v1k.com");
            assertThat(alert.at("/indicator/display").asText()).isEqualTo("\u0430mazon-refunds.com");
            assertThat(alert.at("/enrichment/technique").asText()).isEqualTo("homoglyph");
            assertThat(alert.at("/enrichment/impersonates/0").asText()).isEqualTo("Amazon");
        });
    }

    @Test
    void threeReportersOfOneNumberInThreeFormatsGiveExactlyOneAlertEvenWhenTheStreamsAreReplayed() throws Exception {
        List<String> formats = List.of("+1 (888) 555-0142", "1-888-555-0142", "888.555.0142");
        Instant thirdPost = null;
        for (int i = 0; i < formats.size(); i++) {
            HttpResponse<String> response = post(report(formats.get(i), "reporter" + i + "@example.org"),
                    "application/json");
            assertThat(response.statusCode()).isEqualTo(202);
            thirdPost = Instant.now();
        }

        List<Message> alerts = receiveFor(Duration.ofSeconds(30), 1);
        Duration postToAlert = Duration.between(thirdPost, Instant.now());
        alerts.addAll(receiveFor(Duration.ofSeconds(3), Integer.MAX_VALUE));

        assertThat(alerts).hasSize(1);
        System.out.printf("[figure] third POST to alert at the partner queue: %d ms%n", postToAlert.toMillis());
        JsonNode envelope = JSON.readTree(alerts.get(0).body());
        JsonNode alert = JSON.readTree(envelope.get("Message").asText());
        assertThat(alert.get("type").asText()).isEqualTo("alert");
        assertThat(alert.get("rule").asText()).isEqualTo("distinct_reporters");
        assertThat(alert.at("/indicator/type").asText()).isEqualTo("phone");
        assertThat(alert.at("/indicator/value").asText()).isEqualTo("+18885550142");
        assertThat(alert.at("/observed/distinctReporters").asInt()).isEqualTo(3);
        assertThat(alert.at("/observed/brands/0").asText()).isEqualTo("Microsoft");
        assertThat(alert.get("reportIds")).hasSize(3);
        JsonNode attributes = envelope.get("MessageAttributes");
        assertThat(attributes.at("/rule/Value").asText()).isEqualTo("distinct_reporters");
        assertThat(attributes.at("/indicatorType/Value").asText()).isEqualTo("phone");
        assertThat(attributes.at("/distinctReporters/Type").asText()).isEqualTo("Number");
        assertThat(attributes.at("/brands/Type").asText()).isEqualTo("String.Array");
        assertContractAndNoPersonalData(envelope.get("Message").asText());

        String alertId = alert.get("alertId").asText();
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        assertThat(receiveFor(Duration.ofSeconds(3), Integer.MAX_VALUE)).isEmpty();
        JsonNode aggregate = aggregate("phone#+18885550142");
        assertThat(aggregate.get("reports").asInt()).isEqualTo(3);
        assertThat(aggregate.get("distinctReporters").asInt()).isEqualTo(3);
        assertThat(pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("AlertsTable"))
                .key(Map.of("alertId", AttributeValue.fromS(alertId)))).item().get("status").s()).isEqualTo("SENT");
    }

    @Test
    void anIdempotentRetryIsCountedOnceAndAKeyReusedForAnotherReportIs409() throws Exception {
        String body = report("888.555.0142", "retry@example.org");
        HttpResponse<String> first = post(body, "application/json", Map.of("Idempotency-Key", "form-submit-7"));
        HttpResponse<String> again = post(body, "application/json", Map.of("Idempotency-Key", "form-submit-7"));
        HttpResponse<String> other = post(body.replace("2026-11-20", "2026-11-19"), "application/json",
                Map.of("Idempotency-Key", "form-submit-7", "Accept-Language", "de"));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).get("reportId")).isEqualTo(JSON.readTree(first.body()).get("reportId"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(other.body()).at("/errors/0/message").asText()).contains("Idempotency-Key wurde bereits");
        assertThat(pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("ReportsTable"))).items())
                .extracting(item -> item.get("reportId").s()).containsExactly(JSON.readTree(first.body()).get("reportId").asText());
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(aggregate("phone#+18885550142").get("reports").asInt()).isEqualTo(1);
    }

    @Test
    void awaitIdleEndsOnceTheReportIsCountedWithoutWaitingOutItsQuietPeriod() throws Exception {
        // every mapping idle before the report: right after the POST, each still looks idle until its next poll
        assertThat(pipeline.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(60))).isTrue();
        assertThat(post(report("+1 888 555 0177", "idle@example.org"), "application/json").statusCode()).isEqualTo(202);
        // a quiet period longer than the timeout: only the count of poll rounds on moto and MiniStack
        // (TestEmulator declares them) can end this wait, and only after enrichment's 1 s batching window
        assertThat(pipeline.awaitIdle(Duration.ofMinutes(10), Duration.ofSeconds(60))).isTrue();
        assertThat(pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("IndicatorsTable")).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("phone#+18885550177"), "sk", AttributeValue.fromS("AGG")))).hasItem())
                .as("the report's aggregate, written when the pipeline went idle").isTrue();
        assertThat(aggregate("phone#+18885550177").get("reports").asInt()).isEqualTo(1);
    }

    @Test
    void browsersFromAllowedOriginsGetCorsHeadersAndOthersDoNot() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> foreign = post(report("888.555.0142", "cors@example.org"), "application/json",
                Map.of("Origin", "https://evil.example"));
        HttpResponse<String> allowed = post(report("888.555.0142", "cors2@example.org"), "application/json",
                Map.of("Origin", "http://localhost:3000"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("idempotency-key");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:3000");
    }

    @Test
    void malformedJsonAndAMissingRequiredFieldAre400sThatStoreNothing() throws Exception {
        HttpResponse<String> malformed = post("{\"contactMethod\": \"popup\", ", "application/json");
        HttpResponse<String> missing = post("{\"contactMethod\":\"popup\",\"incidentDate\":\"2026-11-20\","
                + "\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[\"888.555.0142\"]}}", "application/json");

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(malformed.body()).at("/errors/0/code").asText()).isEqualTo("malformed_json");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).at("/errors/0/field").asText()).isEqualTo("impersonatedCompany");
        assertThat(pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("ReportsTable"))).count()).isZero();
        assertThat(pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("ReporterDataTable"))).count()).isZero();
    }

    @Test
    void aPoisonRecordReachesTheOnFailureQueueAndTheGoodOnesAreCountedOnce() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(post(report("+44 20 7946 0958", "good" + i + "@example.org"), "application/json").statusCode())
                    .isEqualTo(202);
        }
        putPoisonReport();
        for (int i = 4; i < 9; i++) {
            assertThat(post(report("+44 20 7946 0958", "good" + i + "@example.org"), "application/json").statusCode())
                    .isEqualTo(202);
        }

        List<Message> failures = enrichmentFailuresOnceIdle();

        assertThat(failures).singleElement().satisfies(m -> {
            JsonNode record = JSON.readTree(m.body());
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
            assertThat(record.at("/DDBStreamBatchInfo/streamArn").asText()).isEqualTo(pipeline.attribute("ReportsTable", "StreamArn"));
        });
        JsonNode aggregate = aggregate("phone#+442079460958");
        assertThat(aggregate.get("reports").asInt()).isEqualTo(9);
        assertThat(aggregate.get("distinctReporters").asInt()).isEqualTo(9);
    }

    @Test
    @DisplayName("the first record of a batch failing (a function error, so Lambda bisects: "
            + "https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html) reaches the"
            + " on-failure queue alone, and the reports after it are counted once")
    void aPoisonRecordFirstInItsBatchReachesTheOnFailureQueueAloneAndTheOthersAreCounted() throws Exception {
        putPoisonReport();
        for (int i = 0; i < 6; i++) {
            assertThat(post(report("+44 20 7946 0959", "after" + i + "@example.org"), "application/json").statusCode())
                    .isEqualTo(202);
        }

        List<Message> failures = enrichmentFailuresOnceIdle();
        failures.addAll(pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(pipeline.ref("EnrichmentFailureQueue"))
                .waitTimeSeconds(1).maxNumberOfMessages(10)).messages());

        assertThat(failures).singleElement().satisfies(m ->
                assertThat(JSON.readTree(m.body()).at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1));
        JsonNode aggregate = aggregate("phone#+442079460959");
        assertThat(aggregate.get("reports").asInt()).isEqualTo(6);
        assertThat(aggregate.get("distinctReporters").asInt()).isEqualTo(6);
    }

    @Test
    void deliveringEveryStreamRecordAgainChangesNoAggregate() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(post(reportWith("[\"0800 1234567\", \"+1 844 392 6105\"]", "[\"https://www.аmazon-refunds.com/\"]",
                    "DE", "r" + (i % 3) + "@example.org"), "application/json").statusCode()).isEqualTo(202);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        Map<String, Map<String, AttributeValue>> before = aggregates();

        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        assertThat(before).containsOnlyKeys("phone#+498001234567", "phone#+18443926105", "domain#xn--mazon-refunds-v1k.com");
        JsonNode german = JSON.readTree(before.get("phone#+498001234567").get("state").s());
        assertThat(german.get("reports").asInt()).isEqualTo(5);
        assertThat(german.get("distinctReporters").asInt()).isEqualTo(3);
        assertThat(german.get("distinctReporters7d").asInt()).isEqualTo(3);
        assertThat(aggregates()).isEqualTo(before);
    }

    @Test
    void everyBatchDeliveredThreeTimesShuffledGivesTheAggregatesOfOneDelivery() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            bodies.add(reportWith("[\"+1 (888) 555-0142\", \"0800 1234567\"]", "[\"http://rnicrosoft-support.com/help\"]",
                    "DE", "shuffle" + (i % 5) + "@example.org"));
        }
        Map<String, JsonNode> once = countsAfterPosting(pipeline, bodies);
        try (LocalPipeline chaotic = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), endpoint(),
                "it-" + UUID.randomUUID().toString().substring(0, 8))
                .withRedelivery(new StreamEventSourceMapping.Redelivery(3, true, 7)))) {
            Map<String, JsonNode> thrice = countsAfterPosting(chaotic, bodies);

            assertThat(once).containsOnlyKeys("phone#+18885550142", "phone#+498001234567", "domain#rnicrosoft-support.com",
                    "url#http://rnicrosoft-support.com/help").isEqualTo(thrice);
            assertThat(chaotic.mappings()).allSatisfy(m -> assertThat(m.invocations()).isGreaterThanOrEqualTo(3));
            // and every alert reached the subscriber once, the same alerts as from a single delivery: both
            // pipelines are idle (nothing more is published), so wait until their inboxes stop receiving
            assertThat(pipeline.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(60))).isTrue();
            assertThat(chaotic.awaitIdle(Duration.ofMillis(500), Duration.ofSeconds(60))).isTrue();
            List<String> thriceIds = Await.stable(() -> chaotic.inboxes().stream().flatMap(i -> i.received().stream())
                    .map(a -> a.get("alertId").asText()).toList(), Duration.ofSeconds(2), Duration.ofSeconds(30), "alerts of the chaotic pipeline");
            List<String> onceIds = Await.stable(() -> pipeline.inboxes().stream().flatMap(i -> i.received().stream())
                    .map(a -> a.get("alertId").asText()).toList(), Duration.ofSeconds(2), Duration.ofSeconds(30), "alerts of the pipeline");
            assertThat(thriceIds).doesNotHaveDuplicates().hasSize(8).containsExactlyInAnyOrderElementsOf(onceIds);
        }
    }

    @Test
    void onAFifoTopicTheAlertIdIsTheDeduplicationIdAndPartnersGetOneAlert() throws Exception {
        try (LocalPipeline fifo = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), endpoint(),
                "it-" + UUID.randomUUID().toString().substring(0, 8)).withParameters(Map.of("FifoAlerts", "true")))) {
            assertThat(fifo.ref("AlertsTopic")).endsWith(".fifo");
            for (int i = 0; i < 3; i++) {
                String body = report("888.555.0142", "fifo" + i + "@example.org");
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fifo.port() + "/reports"))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", networkOf(body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
            }
            assertThat(fifo.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
            fifo.replayStreamsFromTrimHorizon();
            assertThat(fifo.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

            String queue = fifo.ref("MicrosoftPartnerQueue");
            List<Message> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                received.addAll(fifo.aws().sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)
                        .maxNumberOfMessages(10).messageSystemAttributeNamesWithStrings("MessageDeduplicationId")).messages());
            }
            assertThat(received).singleElement().satisfies(m -> {
                String alertId = JSON.readTree(m.body()).get("alertId").asText();
                assertThat(m.attributesAsStrings()).containsEntry("MessageDeduplicationId", alertId);
            });
        }
    }

    @Test
    void aFalsePositiveRetractsItsAlertsOnceAndNeverAlertsAgain() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(report("+1 (888) 555-0199", "fp" + i + "@example.org"), "application/json").statusCode())
                    .isEqualTo(202);
        }
        List<Message> alerts = receiveFor(Duration.ofSeconds(30), 1);
        assertThat(alerts).hasSize(1);
        String alertId = JSON.readTree(JSON.readTree(alerts.get(0).body()).get("Message").asText()).get("alertId").asText();

        assertThat(FalsePositive.mark(pipeline.aws().dynamoDb(), pipeline.ref("IndicatorsTable"),
                "phone#+18885550199", "the bank's own fraud line")).isTrue();
        List<Message> retractions = receiveFor(Duration.ofSeconds(30), 1);
        for (int i = 3; i < 6; i++) {
            assertThat(post(report("+1 (888) 555-0199", "fp" + i + "@example.org"), "application/json").statusCode())
                    .isEqualTo(202);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        retractions.addAll(receiveFor(Duration.ofSeconds(3), Integer.MAX_VALUE));

        assertThat(retractions).singleElement().satisfies(m -> {
            JsonNode envelope = JSON.readTree(m.body());
            JsonNode retraction = JSON.readTree(envelope.get("Message").asText());
            assertContractAndNoPersonalData(envelope.get("Message").asText());
            assertThat(retraction.get("type").asText()).isEqualTo("retraction");
            assertThat(retraction.get("alertId").asText()).isEqualTo(alertId);
            assertThat(retraction.get("reason").asText()).isEqualTo("the bank's own fraud line");
            assertThat(envelope.at("/MessageAttributes/type/Value").asText()).isEqualTo("retraction");
        });
        assertThat(aggregate("phone#+18885550199").get("reports").asInt()).isEqualTo(6);
    }

    @Test
    void eachExamplePartnerReceivesExactlyTheAlertsItsFilterPolicySelects() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(report("+1 (888) 555-0142", "ms" + i + "@example.org"), "application/json").statusCode())
                    .isEqualTo(202);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(post("""
                    {"contactMethod":"email","impersonatedCompany":"PayPal","incidentDate":"2026-11-21","country":"GB",
                     "scammer":{"websites":["https://paypa1-secure.net/login"]},
                     "loss":{"amount":"2600","currency":"USD","paymentMethods":["crypto"]},
                     "reporter":{"email":"pp%d@example.org"}}""".formatted(i), "application/json").statusCode())
                    .isEqualTo(202);
        }
        assertThat(receiveFor(Duration.ofSeconds(30), 3)).hasSize(3);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        // raw delivery: the queue's message body is the alert itself
        assertThat(rulesAndValues(drain("MicrosoftPartnerQueue")))
                .containsExactly("distinct_reporters:+18885550142");
        assertThat(rulesAndValues(drain("SevereAlertsQueue")))
                .containsExactlyInAnyOrder("high_loss:paypa1-secure.net", "high_loss:https://paypa1-secure.net/login");
        assertThat(rulesAndValues(drain("WidelyReportedQueue"))).isEmpty();
        assertThat(rulesAndValues(drain("LookalikeDomainsQueue"))).containsExactly("high_loss:paypa1-secure.net");
    }

    private List<String> rulesAndValues(List<Message> messages) throws Exception {
        List<String> result = new ArrayList<>();
        for (Message m : messages) {
            JsonNode alert = JSON.readTree(m.body());
            assertContractAndNoPersonalData(m.body());
            result.add(alert.get("rule").asText() + ":" + alert.at("/indicator/value").asText());
        }
        return result;
    }

    /** A record enrichment cannot read, written straight into the reports table (its stream delivers it). */
    private void putPoisonReport() {
        pipeline.aws().dynamoDb().putItem(b -> b.tableName(pipeline.ref("ReportsTable")).item(Map.of(
                "reportId", AttributeValue.fromS("poison-" + UUID.randomUUID()),
                "payload", AttributeValue.fromS("{this is not a report"))));
    }

    /**
     * The enrichment's on-failure queue's messages, received until the first arrive (a minute at
     * most), then the pipeline left to go idle.
     */
    private List<Message> enrichmentFailuresOnceIdle() throws InterruptedException {
        List<Message> failures = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (failures.isEmpty() && Instant.now().isBefore(deadline)) {
            failures.addAll(pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(pipeline.ref("EnrichmentFailureQueue"))
                    .waitTimeSeconds(1).maxNumberOfMessages(10)).messages());
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        return failures;
    }

    private List<Message> drain(String queueLogicalId) {
        String url = pipeline.ref(queueLogicalId);
        List<Message> messages = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<Message> batch = pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages();
            if (batch.isEmpty()) {
                empty++;
            }
            for (Message m : batch) {
                messages.add(m);
                pipeline.aws().sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return messages;
    }

    /** Every alert the tests see meets the contract and carries nothing of the people who reported. */
    static void assertContractAndNoPersonalData(String alertJson) throws Exception {
        assertThat(AlertSchema.violations(JSON.readTree(alertJson))).isEmpty();
        assertThat(alertJson).doesNotContain("@example.org", "Pat Example", "Java-http-client", "127.0.0.1",
                "pop-up said", "infected");
    }

    /** What must not depend on how often or in which order records arrive: every count and window. */
    private Map<String, JsonNode> countsAfterPosting(LocalPipeline target, List<String> bodies) throws Exception {
        for (String body : bodies) {
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + "/reports"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", networkOf(body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        }
        assertThat(target.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        Map<String, JsonNode> counts = new TreeMap<>();
        for (Map<String, AttributeValue> item : target.aws().dynamoDb().scan(b -> b.tableName(target.ref("IndicatorsTable")))
                .items()) {
            if (item.get("sk").s().equals("AGG")) {
                com.fasterxml.jackson.databind.node.ObjectNode state =
                        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(item.get("state").s());
                state.remove(List.of("firstSeen", "lastSeen", "windows"));
                // each stack generates its own reporter key, so network fingerprints differ between
                // pipelines: compare how many reporters each network has, not which network it is
                List<Long> perNetwork = new ArrayList<>();
                state.path("reportersByNetwork").forEach(n -> perNetwork.add(n.asLong()));
                perNetwork.sort(null);
                state.set("reportersByNetwork", JSON.valueToTree(perNetwork));
                counts.put(item.get("pk").s(), state);
            }
        }
        return counts;
    }

    /** The aggregate's state as enrichment stored it. */
    private JsonNode aggregate(String pk) throws Exception {
        return JSON.readTree(pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("IndicatorsTable"))
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("AGG"))))
                .item().get("state").s());
    }

    private Map<String, Map<String, AttributeValue>> aggregates() {
        Map<String, Map<String, AttributeValue>> result = new TreeMap<>();
        pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("IndicatorsTable"))).items().stream()
                .filter(item -> item.get("sk").s().equals("AGG"))
                .forEach(item -> result.put(item.get("pk").s(), item));
        return result;
    }

    private List<Message> receiveFor(Duration duration, int enough) {
        List<Message> messages = new ArrayList<>();
        Instant deadline = Instant.now().plus(duration);
        while (messages.size() < enough && Instant.now().isBefore(deadline)) {
            List<Message> batch = pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(partnerQueue).waitTimeSeconds(1)
                    .maxNumberOfMessages(10)).messages();
            for (Message m : batch) {
                messages.add(m);
                pipeline.aws().sqs().deleteMessage(b -> b.queueUrl(partnerQueue).receiptHandle(m.receiptHandle()));
            }
        }
        return messages;
    }

    private HttpResponse<String> post(String body, String contentType) throws Exception {
        return post(body, contentType, Map.of());
    }

    private HttpResponse<String> post(String body, String contentType, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (!headers.containsKey("X-Forwarded-For")) {
            request.header("X-Forwarded-For", networkOf(body));
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("\"email\":\"([^\"]+)\"");

    /**
     * Each reporter on a network of its own (an address in 10.0.0.0/8 chosen by its e-mail), as
     * separate victims are: the runner takes it from X-Forwarded-For, the connection being loopback.
     */
    static String networkOf(String body) {
        java.util.regex.Matcher m = EMAIL.matcher(body);
        int h = (m.find() ? m.group(1) : body).hashCode() & 0xffff;
        return "10." + (h >> 8) + "." + (h & 0xff) + ".7";
    }

    private static String report(String phone, String reporterEmail) {
        return reportWith("[\"" + phone + "\"]", "[]", "US", reporterEmail);
    }

    private static String reportWith(String phones, String websites, String country, String reporterEmail) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                 "country":"%s","scammer":{"phoneNumbers":%s,"websites":%s},
                 "loss":{"amount":"250.00","currency":"USD","paymentMethods":["gift_card"]},
                 "description":"A pop-up said my computer was infected.",
                 "reporter":{"email":"%s","name":"Pat Example"}}""".formatted(country, phones, websites, reporterEmail);
    }
}
