package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.partner.PartnerScopes;
import io.scamsignal.ops.Ops;
import io.scamsignal.ops.PartnerKey;
import io.scamsignal.ops.OpsEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Trust through make run's pipeline on moto: legitimate infrastructure never alerts, one network
 * counts as one, the per-network rate limit, confidence, erasure and operators' benign entries. One
 * pipeline for the class (each test its own indicators); reporters play separate networks through
 * X-Forwarded-For, which the runner honours from loopback. Benign entries are read uncached here
 * (BenignOverridesCacheSeconds 0), and the reporter levels are 3,4,5 so that each further reporter
 * is a new alert.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustPipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private LocalPipeline pipeline;
    private String stack;
    private String queue;

    @BeforeAll
    void start() throws Exception {
        stack = "trust-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                        TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                .withParameters(Map.of("BenignOverridesCacheSeconds", "0", "DistinctReportersLevels", "3,4,5")));
        queue = pipeline.aws().sqs().createQueue(b -> b.queueName(stack + "-partner")).queueUrl();
        String arn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(queue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(arn));
    }

    @AfterAll
    void stop() throws Exception {
        if (pipeline != null) {
            for (JsonNode envelope : java.util.stream.Stream.concat(received.stream(), pending.stream()).toList()) {
                PipelineScenarios.assertContractAndNoPersonalData(envelope.get("Message").asText());
            }
            pipeline.close();
        }
    }

    @Test
    void legitimatePagesNumbersAndVendorsNeverAlertButAUserContentPageDoes() throws Exception {
        String sites = "[\"https://www.amazon.co.uk/returns\", \"https://account.microsoft.com/billing\","
                + " \"anydesk.com/en/downloads\", \"https://www.bestbuy.com/site/gift-cards\","
                + " \"https://sites.google.com/view/ms-support-123\"]";
        for (int i = 0; i < 3; i++) {
            assertThat(post(report("[]", sites, "I reported it to the FTC at 1-877-382-4357.", "legit" + i),
                    "10.20." + i + ".5").statusCode()).isEqualTo(202);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        List<JsonNode> alerts = alertsAbout(v -> true, Duration.ofSeconds(5));
        assertThat(alerts).extracting(a -> JSON.readTree(a.get("Message").asText()).at("/indicator/value").asText())
                .contains("https://sites.google.com/view/ms-support-123")
                .noneMatch(v -> v.contains("amazon.co.uk") || v.contains("microsoft.com") || v.contains("anydesk")
                        || v.contains("bestbuy") || v.equals("+18773824357") || v.equals("google.com"));
        // counted, so analysts see them, and marked with the list they matched
        JsonNode ftc = aggregate("phone#+18773824357");
        assertThat(ftc.get("reports").asInt()).isEqualTo(3);
        assertThat(ftc.at("/indicator/enrichment/benign").asText()).isNotEmpty();
        assertThat(aggregate("domain#anydesk.com").at("/indicator/enrichment/benign").asText()).isNotEmpty();
    }

    @Test
    void threeReportersOnOneNetworkGiveNoAlertOnThreeNetworksOneWithAConfidenceAttribute() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(post(report("[\"+1 888 555 0301\"]", "[]", "", "one-net" + i), "10.30.0." + (i + 1))
                    .statusCode()).isEqualTo(202);
            assertThat(post(report("[\"+1 888 555 0302\"]", "[]", "", "three-nets" + i), "10.31." + i + ".1")
                    .statusCode()).isEqualTo(202);
        }
        List<JsonNode> alerts = alertsAbout(v -> v.startsWith("+1888555030"), Duration.ofSeconds(30), 1);
        alerts.addAll(alertsAbout(v -> v.startsWith("+1888555030"), Duration.ofSeconds(3)));

        assertThat(alerts).singleElement().satisfies(envelope -> {
            JsonNode alert = JSON.readTree(envelope.get("Message").asText());
            assertThat(alert.at("/indicator/value").asText()).isEqualTo("+18885550302");
            assertThat(alert.get("confidence").asInt()).isBetween(1, 100);
            assertThat(envelope.at("/MessageAttributes/confidence/Type").asText()).isEqualTo("Number");
            assertThat(envelope.at("/MessageAttributes/confidence/Value").asInt()).isEqualTo(alert.get("confidence").asInt());
            assertThat(alert.at("/stix/objects").findValues("confidence")).extracting(JsonNode::asInt)
                    .contains(alert.get("confidence").asInt());
        });
        JsonNode oneNetwork = aggregate("phone#+18885550301");
        assertThat(oneNetwork.get("distinctReporters").asInt()).isEqualTo(3);
        assertThat(oneNetwork.get("distinctNetworks").asInt()).isEqualTo(1);
    }

    @Test
    void confidenceRisesWithEachIndependentReporter() throws Exception {
        List<Integer> confidences = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            assertThat(post(report("[\"+1 888 555 0303\"]", "[]", "", "rising" + i), "10.32." + i + ".1")
                    .statusCode()).isEqualTo(202);
            if (i >= 2) {
                // levels 3, 4, 5: each further reporter is a new alert
                List<JsonNode> alerts = alertsAbout(v -> v.equals("+18885550303"), Duration.ofSeconds(30), 1);
                assertThat(alerts).hasSize(1);
                confidences.add(JSON.readTree(alerts.get(0).get("Message").asText()).get("confidence").asInt());
            }
        }
        assertThat(confidences).hasSize(3).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aNetworkGets20ReportsAnHourThen429WithRetryAfterAndEveryAcceptedOneIsCounted() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 25; i++) {
            last = post(report("[\"+1 888 555 0304\"]", "[]", "", "flood" + i), "10.33.7." + (i + 1));
            statuses.add(last.statusCode());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(202);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 3600));
        assertThat(JSON.readTree(last.body()).at("/errors/0/code").asText()).isEqualTo("rate_limited");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(aggregate("phone#+18885550304").get("reports").asInt()).isEqualTo(20);
    }

    @Test
    void eraseRemovesTheReportersPersonalDataAndKeepsTheCounts() throws Exception {
        assertThat(post(report("[\"+1 888 555 0305\"]", "[]", "", "erase-me"), "10.34.1.1").statusCode()).isEqualTo(202);
        assertThat(post(report("[\"+1 888 555 0306\"]", "[]", "", "erase-me"), "10.34.2.1").statusCode()).isEqualTo(202);
        assertThat(post(report("[\"+1 888 555 0305\"]", "[]", "", "keep-me"), "10.34.3.1").statusCode()).isEqualTo(202);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        JsonNode before = aggregate("phone#+18885550305");

        int status = Ops.run(new String[] {"erase"}, new OpsEnvironment(Map.of("STACK_NAME", stack,
                "MOTO_PORT", Integer.toString(URI.create(TestEmulator.endpoint()).getPort()),
                "ERASE_EMAIL", "Erase-Me@example.org")));

        assertThat(status).isZero();
        List<String> emails = pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("ReporterDataTable")))
                .items().stream().filter(i -> i.containsKey("email")).map(i -> i.get("email").s()).toList();
        assertThat(emails).contains("keep-me@example.org").doesNotContain("erase-me@example.org");
        JsonNode after = aggregate("phone#+18885550305");
        assertThat(after.get("reports").asInt()).isEqualTo(before.get("reports").asInt()).isEqualTo(2);
        assertThat(after.get("distinctReporters").asInt()).isEqualTo(2);
    }

    @Test
    void anOperatorsBenignEntryStopsAFutureAlertWithoutARedeploy() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(post(report("[\"+1 888 555 0307\"]", "[]", "", "bank-line" + i), "10.35." + i + ".1")
                    .statusCode()).isEqualTo(202);
        }
        OpsEnvironment ops = new OpsEnvironment(Map.of("STACK_NAME", stack,
                "MOTO_PORT", Integer.toString(URI.create(TestEmulator.endpoint()).getPort())));
        assertThat(Ops.run(new String[] {"benign", "add", "phone#+18885550307", "the bank's fraud line"}, ops)).isZero();
        assertThat(post(report("[\"+1 888 555 0307\"]", "[]", "", "bank-line2"), "10.35.2.1").statusCode()).isEqualTo(202);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        assertThat(alertsAbout(v -> v.equals("+18885550307"), Duration.ofSeconds(3))).isEmpty();
        assertThat(aggregate("phone#+18885550307").get("reports").asInt()).isEqualTo(3);
    }

    @Test
    void aCuratedBankNumberNamedOnThreeNetworksShowsAsBenignInTheNumberFeedAndNeverAlertsOrLinks() throws Exception {
        // Chase's published line (curated-phones.tsv) beside the scammer's own number, three reporters on three networks
        for (int i = 0; i < 3; i++) {
            assertThat(post(report("[\"+1 800 935 9935\", \"+1 888 555 0321\"]", "[]", "", "spoofed-bank" + i),
                    "10.36." + i + ".1").statusCode()).isEqualTo(202);
        }
        // two reporters only, on two networks, name another bank's line: below the thresholds
        for (int i = 0; i < 2; i++) {
            assertThat(post(report("[\"+1 800 432 1000\"]", "[]", "", "below-bank" + i), "10.37." + i + ".1")
                    .statusCode()).isEqualTo(202);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        assertThat(alertsAbout(v -> v.equals("+18885550321"), Duration.ofSeconds(20), 1)).hasSize(1);
        assertThat(alertsAbout(v -> v.equals("+18009359935") || v.equals("+18004321000"), Duration.ofSeconds(3))).isEmpty();
        assertThat(aggregate("phone#+18009359935").get("reports").asInt()).isEqualTo(3);
        for (JsonNode head : RingsTableReads.liveHeads(pipeline)) {
            assertThat(head.toString()).doesNotContain("+18009359935");
        }
        PartnerKey.Created key = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), "telco",
                PartnerScopes.parse("read:*"), Instant.now());
        HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port()
                        + "/feeds/numbers.jsonl")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((key.keyId() + ":" + key.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).isEqualTo(200);
        Map<String, JsonNode> rows = new java.util.HashMap<>();
        for (String line : feed.body().lines().toList()) {
            JsonNode row = JSON.readTree(line);
            rows.put(row.get("e164").asText(), row);
        }
        assertThat(rows.get("+18009359935")).isNotNull();
        assertThat(rows.get("+18009359935").get("status").asText()).isEqualTo("benign");
        assertThat(rows.get("+18009359935").get("distinct_reporters").asInt()).isEqualTo(3);
        assertThat(rows.get("+18009359935").get("confidence").asInt()).isZero();
        assertThat(rows.get("+18885550321").get("status").asText()).isEqualTo("active");
        assertThat(rows).doesNotContainKey("+18004321000");
        // and in no MISP event
        String auth = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (key.keyId() + ":" + key.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> manifest = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port()
                + "/misp/manifest.json")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.statusCode()).isEqualTo(200);
        StringBuilder events = new StringBuilder();
        for (var uuid : (Iterable<String>) JSON.readTree(manifest.body())::fieldNames) {
            HttpResponse<String> event = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port()
                    + "/misp/" + uuid + ".json")).header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(event.statusCode()).isEqualTo(200);
            events.append(event.body());
        }
        // the alerted number is in an event, the benign one in none
        assertThat(events.toString()).contains("+18885550321").doesNotContain("18009359935");
    }

    /**
     * A number that alerted, then went on a benign list: each later report changes its attribute in
     * the MISP event of its alert (benign, the new figures), and each such change moves the event's
     * timestamp in the manifest, or a MISP instance that caches by timestamp never fetches it again.
     */
    @Test
    void aNumberThatAlertedAndTurnedBenignMovesItsMispEventOnEveryChange() throws Exception {
        String number = "+18885550331";
        for (int i = 0; i < 3; i++) {
            assertThat(post(report("[\"+1 888 555 0331\"]", "[]", "", "later-benign" + i), "10.38." + i + ".1")
                    .statusCode()).isEqualTo(202);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(alertsAbout(v -> v.equals(number), Duration.ofSeconds(20), 1)).hasSize(1);
        OpsEnvironment ops = new OpsEnvironment(Map.of("STACK_NAME", stack,
                "MOTO_PORT", Integer.toString(URI.create(TestEmulator.endpoint()).getPort())));
        assertThat(Ops.run(new String[] {"benign", "add", "phone#" + number, "the bank's own line"}, ops)).isZero();
        PartnerKey.Created key = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), "misp",
                PartnerScopes.parse("read:*"), Instant.now());

        List<String> timestamps = new ArrayList<>();
        for (int i = 3; i < 5; i++) {
            assertThat(post(report("[\"+1 888 555 0331\"]", "[]", "", "later-benign" + i), "10.38." + i + ".1")
                    .statusCode()).isEqualTo(202);
            assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
            JsonNode manifest = JSON.readTree(getFeed("/misp/manifest.json", key));
            JsonNode event = null;
            String uuid = null;
            for (var u : (Iterable<String>) manifest::fieldNames) {
                JsonNode e = JSON.readTree(getFeed("/misp/" + u + ".json", key)).get("Event");
                if (e.toString().contains(number)) {
                    event = e;
                    uuid = u;
                }
            }
            assertThat(event).as("the event of its alert").isNotNull();
            JsonNode attribute = null;
            for (JsonNode a : event.get("Attribute")) {
                if (a.get("value").asText().equals(number)) {
                    attribute = a;
                }
            }
            assertThat(attribute.get("comment").asText()).startsWith("On a benign list")
                    .contains("reported by " + (i + 1) + " people");
            assertThat(attribute.get("to_ids").asBoolean()).isFalse();
            // the manifest says what the event says, and no attribute is newer than its event
            assertThat(manifest.get(uuid).get("timestamp").asText()).isEqualTo(event.get("timestamp").asText());
            assertThat(event.get("timestamp").asLong()).isGreaterThanOrEqualTo(attribute.get("timestamp").asLong());
            timestamps.add(event.get("timestamp").asText());
        }
        // the second benign write (a fifth reporter) changed the attribute: the event's timestamp moved
        assertThat(Long.parseLong(timestamps.get(1))).isGreaterThan(Long.parseLong(timestamps.get(0)));
    }

    private String getFeed(String path, PartnerKey.Created key) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port()
                + path)).header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                (key.keyId() + ":" + key.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> post(String body, String clientIp) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String report(String phones, String websites, String description, String reporter) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                 "country":"US","scammer":{"phoneNumbers":%s,"websites":%s},%s
                 "reporter":{"email":"%s@example.org"}}""".formatted(phones, websites,
                description.isEmpty() ? "" : "\"description\":\"" + description + "\",", reporter);
    }

    /**
     * The SNS envelopes of alerts whose indicator value matches, received within {@code wait} or once
     * {@code enough} arrived; alerts about other tests' indicators are kept for them.
     */
    private synchronized List<JsonNode> alertsAbout(java.util.function.Predicate<String> value, Duration wait,
                                                    int enough) throws Exception {
        List<JsonNode> matching = new ArrayList<>();
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            for (JsonNode envelope : List.copyOf(received)) {
                if (value.test(JSON.readTree(envelope.get("Message").asText()).at("/indicator/value").asText())) {
                    matching.add(envelope);
                    received.remove(envelope);
                    pending.add(envelope);
                }
            }
            if (matching.size() >= enough || !Instant.now().isBefore(deadline)) {
                return matching;
            }
            for (Message m : pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)
                    .maxNumberOfMessages(10).messageAttributeNames("All")).messages()) {
                received.add(JSON.readTree(m.body()));
                pipeline.aws().sqs().deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /** Alerts handed to a test, checked against the contract at the end with the rest. */
    private final List<JsonNode> pending = new CopyOnWriteArrayList<>();

    private List<JsonNode> alertsAbout(java.util.function.Predicate<String> value, Duration wait) throws Exception {
        return alertsAbout(value, wait, Integer.MAX_VALUE);
    }

    private JsonNode aggregate(String pk) throws Exception {
        return JSON.readTree(pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("IndicatorsTable"))
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("AGG"))))
                .item().get("state").s());
    }
}
