package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.support.ContractSchema;
import io.scamsignal.domain.support.VenvPython;
import io.scamsignal.ops.OpsEnvironment;
import io.scamsignal.ops.Referral;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Rings through the whole pipeline on moto: reports linked by the enrichment's ring
 * store, two rings merged by a report that names both, ring alerts from the rings table's stream,
 * each once, and a redelivery of every stream that changes nothing. Low ring thresholds come in as
 * template parameters, as an operator would set them.
 */
class RingsPipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private String partnerQueue;
    private String stack;

    @BeforeEach
    void startPipeline() throws Exception {
        stack = "rings-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                        TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                // every link merges here: these tests are about merging; RingCorroborationIT about corroboration
                .withParameters(Map.of("RingReportersLevels", "3,5,8", "RingCrossBrands", "2",
                        "RingCrossBrandMinReporters", "2", "RingMergeMinNetworks", "1")));
        partnerQueue = pipeline.aws().sqs().createQueue(b -> b.queueName(stack + "-partner")).queueUrl();
        String queueArn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(partnerQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(queueArn));
    }

    @AfterEach
    void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void twoRingsJoinedByAReportMergeIntoTheEarlierFoundersRingAndEachRingAlertIsPublishedOnce() throws Exception {
        // ring A (Microsoft): a number and a lookalike site, named together once and apart twice
        String a1 = post(report("Microsoft", "[\"+1 888 555 0142\"]", "[\"https://rnicrosoft-help.com/fix\"]", "[]", "US", "a1"));
        String a2 = post(report("Microsoft", "[\"1-888-555-0142\"]", "[]", "[]", "CA", "a2"));
        String a3 = post(report("Microsoft", "[]", "[\"rnicrosoft-help.com\"]", "[]", "GB", "a3"));
        // ring B (Amazon): another number and an AnyDesk id; a victim also names amazon.com, which never links
        String b1 = post(report("Amazon", "[\"+44 20 7946 0958\"]", "[\"https://www.amazon.com/\"]",
                "[{\"tool\":\"AnyDesk\",\"id\":\"123 456 789\"}]", "DE", "b1"));
        String b2 = post(report("Amazon", "[\"+442079460958\"]", "[]", "[]", "AU", "b2"));
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();

        List<JsonNode> before = liveHeads();
        assertThat(before).extracting(h -> h.get("ringId").asText())
                .containsExactlyInAnyOrder(RingIds.of(a1), RingIds.of(b1));
        JsonNode ringB = before.stream().filter(h -> h.get("ringId").asText().equals(RingIds.of(b1))).findFirst().orElseThrow();
        assertThat(ringB.get("reports").asInt()).isEqualTo(2);
        assertThat(member("domain#amazon.com")).as("a brand's own site never links").isNull();

        // one report names both rings' numbers: B is merged into A, founded earlier
        String joiner = post(report("Amazon", "[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "[]", "[]", "ES", "join"));
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();

        List<JsonNode> after = liveHeads();
        assertThat(after).singleElement().satisfies(h -> {
            assertThat(h.get("ringId").asText()).isEqualTo(RingIds.of(a1));
            assertThat(h.get("reports").asInt()).isEqualTo(6);
            assertThat(h.get("distinctReporters").asInt()).isEqualTo(6);
            assertThat(h.get("countries").size()).isEqualTo(6);
            assertThat(h.get("brands").has("Microsoft")).isTrue();
            assertThat(h.get("brands").has("Amazon")).isTrue();
        });
        String survivorHome = after.get(0).get("home").asText();
        for (String key : List.of("phone#+18885550142", "phone#+442079460958", "remote_access_id#anydesk:123456789")) {
            JsonNode m = member(key);
            if (m != null) {
                assertThat(m.get("home").asText()).as(key).isEqualTo(survivorHome);
            }
        }
        assertThat(member("phone#+442079460958").get("reports").asInt()).isEqualTo(3);
        assertThat(alias(RingIds.of(b1)).get("mergedInto").asText()).isEqualTo(RingIds.of(a1));
        assertThat(ringReportIds(survivorHome)).containsExactlyInAnyOrder(a1, a2, a3, b1, b2, joiner);

        List<JsonNode> ringAlerts = ringAlerts(Duration.ofSeconds(20), 4);
        assertThat(ringAlerts).extracting(a -> a.get("rule").asText() + ":" + a.at("/ring/ringId").asText()
                        + ":" + a.at("/ring/mergedRingId").asText("") + ":" + a.get("severity").asText())
                .containsExactlyInAnyOrder(
                        "ring_reporters:" + RingIds.of(a1) + "::medium",
                        "ring_reporters:" + RingIds.of(a1) + "::high",
                        "cross_brand:" + RingIds.of(a1) + "::high",
                        "ring_merged:" + RingIds.of(a1) + ":" + RingIds.of(b1) + ":medium");
        JsonNode reporters = ringAlerts.stream().filter(a -> a.get("severity").asText().equals("high")
                && a.get("rule").asText().equals("ring_reporters")).findFirst().orElseThrow();
        assertThat(reporters.at("/ring/distinctReporters").asInt()).isEqualTo(6);

        // every stream delivered again from its start: nothing changes, nothing is published again
        long version = after.get(0).get("version").asLong();
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(liveHeads()).singleElement().satisfies(h -> {
            assertThat(h.get("version").asLong()).isEqualTo(version);
            assertThat(h.get("reports").asInt()).isEqualTo(6);
        });
        assertThat(ringAlerts(Duration.ofSeconds(3), Integer.MAX_VALUE)).isEmpty();

        // the merged ring's id answers with the survivor's packet
        HttpResponse<String> merged = referral(RingIds.of(b1), "json", true);
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(merged.body()).at("/ring/ringId").asText()).isEqualTo(RingIds.of(a1));

        // the number alerted (three reporters): the packet's bundle carries the feed's own indicator object
        Map<String, AttributeValue> state = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("AlertsTable"))
                .key(Map.of("alertId", AttributeValue.fromS("stix#phone#+18885550142"))).consistentRead(true)).item();
        assertThat(state).as("the number's STIX state").containsKey("stixId");
        HttpResponse<String> stix = referral(RingIds.of(a1), "stix", true);
        assertThat(stix.statusCode()).isEqualTo(200);
        JsonNode feedIndicator = null;
        for (JsonNode o : JSON.readTree(stix.body()).get("objects")) {
            if (o.get("id").asText().equals(state.get("stixId").s())) {
                feedIndicator = o;
            }
        }
        assertThat(feedIndicator).as("the feed's indicator in the packet's bundle").isNotNull();
        assertThat(feedIndicator.get("created").asText()).isEqualTo(state.get("stixCreated").s());
        assertThat(feedIndicator.get("modified").asText()).isEqualTo(state.get("stixModified").s());
        Path dir = Files.createDirectories(TestEmulator.projectDir().resolve("e2e/target/referral-it"));
        Path bundle = Files.writeString(dir.resolve("merged-bundle.json"), stix.body());
        VenvPython.Result validation = VenvPython.run("tools/stix_validate.py", List.of(
                TestEmulator.projectDir().resolve("contracts/vendor/cti-stix2-json-schemas/schemas").toString(),
                bundle.toString()));
        assertThat(validation.exitCode()).as(validation.output()).isZero();
    }

    @Test
    void theReferralPacketNeedsASignatureAndHoldsOnlyConsentingReportersContactsInThreeValidForms() throws Exception {
        String wallet = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
        String first = post(report("Microsoft", "[\"+1 888 555 0142\"]", "[\"https://rnicrosoft-help.com/fix\"]", "[]",
                "US", "consenting", "\"lawEnforcementContactConsent\":true,", "[\"" + wallet + "\"]"));
        post(report("Microsoft", "[\"+1 888 555 0142\"]", "[]", "[]", "CA", "declined", "", "[\"" + wallet + "\"]"));
        post(report("Microsoft", "[]", "[\"rnicrosoft-help.com\"]", "[]", "GB", "silent", "", "[]"));
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        String ringId = RingIds.of(first);

        assertThat(referral(ringId, "json", false).statusCode()).as("unsigned").isEqualTo(403);
        assertThat(referral(UUID.randomUUID().toString(), "json", true).statusCode()).as("unknown ring").isEqualTo(404);

        HttpResponse<String> json = referral(ringId, "json", true);
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        JsonNode packet = JSON.readTree(json.body());
        assertThat(ContractSchema.REFERRAL_PACKET.violations(packet)).isEmpty();
        assertThat(packet.at("/ring/reports").asInt()).isEqualTo(3);
        assertThat(packet.at("/contacts/agreed").asInt()).isEqualTo(1);
        assertThat(packet.at("/contacts/consenting")).singleElement()
                .satisfies(c -> assertThat(c.get("email").asText()).isEqualTo("consenting@example.org"));
        assertThat(json.body()).doesNotContain("declined@example.org", "silent@example.org", "127.0.0.1",
                "Java-http-client");
        assertThat(packet.at("/evidence/manifest")).hasSize(3);
        assertThat(packet.at("/paymentRails/wallets/0/value").asText()).isEqualTo("btc:" + wallet);

        HttpResponse<String> stix = referral(ringId, "stix", true);
        assertThat(stix.statusCode()).isEqualTo(200);
        assertThat(stix.headers().firstValue("Content-Type").orElse("")).startsWith("application/stix+json");
        Path dir = Files.createDirectories(TestEmulator.projectDir().resolve("e2e/target/referral-it"));
        Path bundle = Files.writeString(dir.resolve("bundle.json"), stix.body());
        VenvPython.Result validation = VenvPython.run("tools/stix_validate.py", List.of(
                TestEmulator.projectDir().resolve("contracts/vendor/cti-stix2-json-schemas/schemas").toString(),
                bundle.toString()));
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(stix.body()).doesNotContain("consenting@example.org", "declined@example.org");

        HttpResponse<String> html = referral(ringId, "html", true);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<svg");
        Path page = Files.writeString(dir.resolve("referral.html"), html.body());
        Path pdf = dir.resolve("referral.pdf");
        Files.deleteIfExists(pdf);
        ExternalProcess.run(new ProcessBuilder("/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                "--user-data-dir=" + Files.createTempDirectory("chromium-pdf"), "--no-pdf-header-footer",
                "--print-to-pdf=" + pdf, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()), Duration.ofSeconds(120));
        byte[] printed = Files.readAllBytes(pdf);
        assertThat(new String(printed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(printed.length).isGreaterThan(20_000);
        // the operator's command (make referral) writes the same packet and its evidence manifest
        Path out = dir.resolve("ops");
        int exit = new Referral().run(List.of(ringId, out.toString()), new OpsEnvironment(Map.of("STACK_NAME", stack,
                "MOTO_PORT", Integer.toString(URI.create(TestEmulator.endpoint()).getPort()))));
        assertThat(exit).isZero();
        for (String file : List.of("referral.json", "referral.stix.json", "referral.html", "evidence-manifest.json")) {
            assertThat(out.resolve(ringId).resolve(file)).isNotEmptyFile();
        }
        assertThat(JSON.readTree(out.resolve(ringId).resolve("evidence-manifest.json").toFile()).get("manifestSha256").asText())
                .isEqualTo(packet.at("/evidence/manifestSha256").asText());
        System.out.printf("[figure] referral packet of a 3-report ring: %d bytes JSON, %d bytes STIX, %d bytes HTML, "
                + "%d bytes PDF%n", json.body().length(), stix.body().length(), html.body().length(), printed.length);
    }

    @Test
    void theSchemasLargestReportFoundsOneRingInChunksWithEveryIndicatorCountedAndNothingFailed() throws Exception {
        StringBuilder phones = new StringBuilder();
        StringBuilder sites = new StringBuilder();
        StringBuilder emails = new StringBuilder();
        StringBuilder wallets = new StringBuilder();
        StringBuilder tools = new StringBuilder();
        StringBuilder described = new StringBuilder("They told me to call ");
        for (int i = 0; i < 10; i++) {
            String sep = i == 0 ? "" : ",";
            phones.append(sep).append("\"+1 888 555 01").append(10 + i).append('"');
            sites.append(sep).append("\"https://fix-pc-desk").append(i).append(".com/help\"");
            emails.append(sep).append("\"agent@desk-mail").append(i).append(".net\"");
            wallets.append(sep).append("\"0x").append(String.format("%040x", 0xabcdef00L + i)).append('"');
            described.append("+1 888 555 02").append(10 + i).append(i == 9 ? "." : ", ");
        }
        for (int i = 0; i < 5; i++) {
            tools.append(i == 0 ? "" : ",").append("{\"tool\":\"AnyDesk\",\"id\":\"12345678").append(i).append("\"}");
        }
        String body = """
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20","country":"US",
                 "scammer":{"phoneNumbers":[%s],"websites":[%s],"emails":[%s],"remoteAccessTools":[%s],
                 "walletAddresses":[%s]},
                 "loss":{"amount":"900.00","currency":"USD","paymentMethods":["crypto"]},
                 "description":"%s",
                 "reporter":{"email":"largest@example.org"}}""".formatted(phones, sites, emails, tools, wallets, described);
        String reportId = post(body);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();

        Map<String, Map<String, AttributeValue>> counted = new java.util.TreeMap<>();
        pipeline.aws().dynamoDb().scanPaginator(b -> b.tableName(pipeline.ref("IndicatorsTable"))).items().stream()
                .filter(i -> i.get("sk").s().equals("AGG")).forEach(i -> counted.put(i.get("pk").s(), i));
        assertThat(counted.size()).as("more indicators than one transaction can found a ring with").isGreaterThan(45);
        for (Map<String, AttributeValue> item : counted.values()) {
            assertThat(JSON.readTree(item.get("state").s()).get("reports").asInt()).isEqualTo(1);
        }
        assertThat(RingsTableReads.liveHeads(pipeline)).singleElement().satisfies(h -> {
            assertThat(h.get("ringId").asText()).isEqualTo(RingIds.of(reportId));
            assertThat(h.get("reports").asInt()).isEqualTo(1);
            assertThat(h.get("members").asInt()).isEqualTo(counted.size());
        });
        assertThat(pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(pipeline.ref("EnrichmentFailureQueue"))
                .waitTimeSeconds(2).maxNumberOfMessages(10)).messages()).as("nothing on the on-failure queue").isEmpty();
        // a replay of the reports stream changes no ring item
        long version = RingsTableReads.liveHeads(pipeline).get(0).get("version").asLong();
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(RingsTableReads.liveHeads(pipeline).get(0).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void aMergeTooBigForOneTransactionGoesInStepsAndCountsEveryReportAndReporterOnce() throws Exception {
        // two rings of 30 reporters each: merging them moves some 150 items, over DynamoDB's 100 a transaction
        String firstM = null;
        String firstN = null;
        for (int i = 0; i < 30; i++) {
            String m = post(report("Microsoft", "[\"+1 888 555 0142\"]", "[]", "[]", "US", "m" + i));
            String n = post(report("Amazon", "[\"+44 20 7946 0958\"]", "[]", "[]", "GB", "n" + i));
            firstM = firstM == null ? m : firstM;
            firstN = firstN == null ? n : firstN;
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        String ringM = RingIds.of(firstM);
        String ringN = RingIds.of(firstN);
        List<JsonNode> before = liveHeads();
        assertThat(before).hasSize(2);
        long survivorVersion = before.stream().filter(h -> h.get("ringId").asText().equals(ringM))
                .findFirst().orElseThrow().get("version").asLong();
        String joiner = post(report("Amazon", "[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "[]", "[]", "ES", "join"));
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(120))).isTrue();

        assertThat(liveHeads()).singleElement().satisfies(h -> {
            assertThat(h.get("ringId").asText()).isEqualTo(ringM);
            assertThat(h.get("reports").asInt()).isEqualTo(61);
            assertThat(h.get("members").asInt()).isEqualTo(2);
            assertThat(h.get("distinctReporters").asInt()).isEqualTo(61);
            assertThat(h.get("countries").get("GB").asInt()).isEqualTo(30);
            assertThat(h.path("absorbing").isMissingNode() || h.path("absorbing").isNull()).isTrue();
            // marked, finished in its own transaction, then the joining report: not one transaction
            assertThat(h.get("version").asLong()).isEqualTo(survivorVersion + 3);
        });
        String home = member("phone#+18885550142").get("home").asText();
        assertThat(member("phone#+442079460958").get("home").asText()).isEqualTo(home);
        assertThat(ringReportIds(home)).hasSize(61).contains(joiner, firstN);
        assertThat(alias(ringN).get("mergedInto").asText()).isEqualTo(ringM);
        assertThat(pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(pipeline.ref("EnrichmentFailureQueue"))
                .waitTimeSeconds(1).maxNumberOfMessages(10)).messages()).as("nothing failed").isEmpty();
        assertThat(ringAlerts(Duration.ofSeconds(20), 10)).filteredOn(a -> a.get("rule").asText().equals("ring_merged"))
                .singleElement().satisfies(a -> assertThat(a.at("/ring/mergedRingId").asText()).isEqualTo(ringN));
    }

    private HttpResponse<String> referral(String ringId, String format, boolean signed) throws Exception {
        return RingsTableReads.referral(http, pipeline, ringId, format, signed);
    }

    /** Ring alerts on the partner's queue, checked against the contract, for reporters' data and their SNS attributes. */
    private List<JsonNode> ringAlerts(Duration duration, int enough) throws Exception {
        return RingsTableReads.ringAlerts(pipeline, partnerQueue, duration, enough, (envelope, alert) -> {
            JsonNode attributes = envelope.get("MessageAttributes");
            assertThat(attributes.at("/type/Value").asText()).isEqualTo("ring");
            assertThat(attributes.at("/members/Type").asText()).isEqualTo("Number");
            assertThat(attributes.at("/distinctReporters/Value").asInt())
                    .isEqualTo(alert.at("/ring/distinctReporters").asInt());
            assertThat(attributes.at("/brands/Type").asText()).isEqualTo("String.Array");
            // every report here came through the public API
            assertThat(attributes.at("/sources/Value").asText()).isEqualTo("[\"public\"]");
            assertThat(alert.at("/ring/sources/public").asLong()).isEqualTo(alert.at("/ring/reports").asLong());
        });
    }

    private List<JsonNode> liveHeads() throws Exception {
        return RingsTableReads.liveHeads(pipeline);
    }

    private JsonNode member(String key) throws Exception {
        Map<String, AttributeValue> item = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("RingsTable"))
                .key(Map.of("pk", AttributeValue.fromS("IND#" + key), "sk", AttributeValue.fromS("RING")))).item();
        return item == null || item.isEmpty() ? null : JSON.readTree(item.get("state").s());
    }

    private JsonNode alias(String ringId) throws Exception {
        return JSON.readTree(pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("RingsTable"))
                .key(Map.of("pk", AttributeValue.fromS("RINGID#" + ringId), "sk", AttributeValue.fromS("ALIAS"))))
                .item().get("state").s());
    }

    private List<String> ringReportIds(String home) {
        return pipeline.aws().dynamoDb().query(b -> b.tableName(pipeline.ref("RingsTable"))
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("RING#" + home),
                                ":r", AttributeValue.fromS("REPORT#"))))
                .items().stream().map(i -> i.get("sk").s().substring("REPORT#".length())).toList();
    }

    private String post(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                // each reporter on a network of its own: all from loopback would be one network, rate
                // limited at intake and counted RingNetworkCap times at most in a ring
                .header("Content-Type", "application/json").header("X-Forwarded-For", PipelineScenarios.networkOf(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        // receivedAt has millisecond resolution: keep the founding order the posting order by posting
        // the next report in a later millisecond than this one's answer (the emulator shares this clock)
        long answeredAt = System.currentTimeMillis();
        while (System.currentTimeMillis() <= answeredAt) {
            Thread.onSpinWait();
        }
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    private static String report(String brand, String phones, String websites, String remoteAccess, String country,
                                 String reporter) {
        return report(brand, phones, websites, remoteAccess, country, reporter, "", "[]");
    }

    private static String report(String brand, String phones, String websites, String remoteAccess, String country,
                                 String reporter, String consent, String wallets) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"%s","incidentDate":"2026-11-20",
                 "country":"%s","scammer":{"phoneNumbers":%s,"websites":%s,"remoteAccessTools":%s,"walletAddresses":%s},
                 "loss":{"amount":"300.00","currency":"USD","paymentMethods":["gift_card"]},
                 "description":"A pop-up said my computer was infected.",
                 "reporter":{%s"email":"%s@example.org","name":"Pat Example"}}"""
                .formatted(brand, country, phones, websites, remoteAccess, wallets, consent, reporter);
    }
}
