package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.partner.PartnerScopes;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.stix.Producer;
import io.scamsignal.domain.stix.SourceIdentities;
import io.scamsignal.domain.stix.StixCampaign;
import io.scamsignal.domain.support.AlertSchema;
import io.scamsignal.ops.PartnerKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Partner-side counting end to end on moto: reports of one number through the public API
 * and two partner organisations (sources in the aggregate, the alert and its SNS attribute, the
 * TAXII sighting, the MISP event and the number feed), the victim's network on a bulk line, the
 * public per-network limit that partner lines do not take from, and the rings collection walked
 * with taxii2-client and checked by OASIS's validator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerSourcesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDICATORS = TaxiiResources.Collection.INDICATORS.id();
    private static final String RINGS = TaxiiResources.Collection.RINGS.id();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private PartnerKey.Created contoso;
    private PartnerKey.Created fabrikam;
    private String fabrikamQueue;
    private int logsFrom;

    @BeforeAll
    void start() throws Exception {
        LogCapture.install();
        logsFrom = LogCapture.length();
        String stack = "ps-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                .withParameters(Map.of("PartnerAuthCacheSeconds", "1", "ReportsPerNetworkPerHour", "3",
                        "RingReportersLevels", "2,4,8")));
        // Contoso passes its victims' addresses (victim-network), Fabrikam does not
        contoso = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), "Contoso",
                PartnerScopes.parse("read:*,submit,victim-network"), Instant.now());
        fabrikam = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), "Fabrikam",
                PartnerScopes.parse("read:*,submit"), Instant.now());
        // a partner that follows only what Fabrikam's reports contributed to, by a filter policy on sources
        fabrikamQueue = pipeline.aws().sqs().createQueue(b -> b.queueName(stack + "-fabrikam")).queueUrl();
        String arn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(fabrikamQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(arn)
                .attributes(Map.of("FilterPolicy", "{\"sources\":[\"Fabrikam\"]}")));
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void oneNumberThroughThePublicApiAndTwoPartnersNamesEverySourceAndCountsTheSameVictimOnce() throws Exception {
        String number = "+18885550311";
        // one channel after the other, each counted before the next: the alert comes with the third reporter
        String publicReport = postPublic(report("+1 888 555 0311", "victim-a@example.org", ""), "10.40.1.1");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(90))).isTrue();
        // the same victim (e-mail in another case) through Contoso, from the same /24; another victim with their IP
        JsonNode viaContoso = JSON.readTree(postBulk(contoso,
                report("+1 888 555 0311", "Victim-A@Example.org", ",\"victimIp\":\"10.40.1.77\"") + "\n"
                        + report("+1 888 555 0311", "victim-b@example.org", ",\"victimIp\":\"10.40.2.1\"") + "\n"
                        + report("+1 888 555 0311", "victim-x@example.org", ",\"victimIp\":\"10.40.2.999\"") + "\n").body());
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(90))).isTrue();
        // Fabrikam names no victim network: its line counts on Fabrikam's own
        JsonNode viaFabrikam = JSON.readTree(postBulk(fabrikam, report("+1 888 555 0311", "victim-c@example.org", "")).body());
        assertThat(viaContoso.get("accepted").asInt()).isEqualTo(2);
        assertThat(viaContoso.at("/results/2/errors/0/code").asText()).isEqualTo("invalid_victim_ip");
        assertThat(viaContoso.at("/results/2/errors/0/field").asText()).isEqualTo("victimIp");
        assertThat(viaFabrikam.get("accepted").asInt()).isEqualTo(1);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();

        JsonNode aggregate = JSON.readTree(pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("IndicatorsTable"))
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("phone#" + number),
                        "sk", AttributeValue.fromS("AGG")))).item().get("state").s());
        assertThat(aggregate.get("reports").asInt()).isEqualTo(4);
        assertThat(aggregate.get("distinctReporters").asInt()).as("victim A counts once").isEqualTo(3);
        assertThat(aggregate.get("distinctNetworks").asInt()).as("10.40.1/24, 10.40.2/24, Fabrikam's").isEqualTo(3);
        assertThat(aggregate.get("sources").toString()).isEqualTo("{\"Contoso\":2,\"Fabrikam\":1,\"public\":1}");

        // the alert: sources in its body, and as the SNS attribute a partner's filter policy matched
        JsonNode alert = Await.until(() -> pipeline.inboxes().stream().flatMap(i -> i.received().stream())
                        .filter(a -> number.equals(a.at("/indicator/value").asText())).findFirst().orElse(null),
                a -> a != null, Duration.ofSeconds(20), "the number's alert");
        assertThat(alert.at("/observed/sources").toString()).isEqualTo("{\"Contoso\":2,\"Fabrikam\":1,\"public\":1}");
        assertThat(AlertSchema.violations(alert)).isEmpty();
        // docs/partners.md shows this message: generated here, not typed
        Files.writeString(Files.createDirectories(TestEmulator.projectDir().resolve("e2e/target"))
                .resolve("partner-sources-alert.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(alert));
        List<Message> filtered = pipeline.aws().sqs().receiveMessage(b -> b.queueUrl(fabrikamQueue).waitTimeSeconds(5)
                .maxNumberOfMessages(10)).messages();
        assertThat(filtered).isNotEmpty().allSatisfy(m -> {
            JsonNode envelope = JSON.readTree(m.body());
            assertThat(envelope.at("/MessageAttributes/sources/Type").asText()).isEqualTo("String.Array");
            assertThat(envelope.at("/MessageAttributes/sources/Value").asText()).contains("\"Fabrikam\"");
        });

        // TAXII: the sighting names where it was seen, an identity per partner and ScamSignal for the public API
        String stixId = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("AlertsTable")).consistentRead(true)
                .key(Map.of("alertId", AttributeValue.fromS("stix#phone#" + number)))).item().get("stixId").s();
        JsonNode sightings = JSON.readTree(get("/taxii2/api/collections/" + INDICATORS
                + "/objects/?match%5Btype%5D=sighting", contoso).body()).get("objects");
        JsonNode sighting = stream(sightings).filter(s -> s.get("sighting_of_ref").asText().equals(stixId)).findFirst().orElseThrow();
        assertThat(stream(sighting.get("where_sighted_refs")).map(JsonNode::asText).toList()).containsExactlyInAnyOrder(
                Producer.IDENTITY_ID, SourceIdentities.idOf("Contoso"), SourceIdentities.idOf("Fabrikam"));
        JsonNode identities = JSON.readTree(get("/taxii2/api/collections/" + INDICATORS
                + "/objects/?match%5Btype%5D=identity", contoso).body()).get("objects");
        assertThat(stream(identities).map(i -> i.get("name").asText()).toList()).contains("ScamSignal", "Contoso", "Fabrikam");

        // MISP: a source tag per channel on the number's attribute
        JsonNode manifest = JSON.readTree(get("/misp/manifest.json", fabrikam).body());
        List<JsonNode> attributes = new ArrayList<>();
        for (String uuid : (Iterable<String>) manifest::fieldNames) {
            stream(JSON.readTree(get("/misp/" + uuid + ".json", fabrikam).body()).at("/Event/Attribute"))
                    .filter(a -> a.get("value").asText().equals(number)).forEach(attributes::add);
        }
        assertThat(attributes).singleElement().satisfies(a -> assertThat(a.get("Tag").findValuesAsText("name"))
                .contains("scamsignal:source=\"Contoso\"", "scamsignal:source=\"Fabrikam\"", "scamsignal:source=\"public\""));

        // the number feed: the sources column
        List<String> rows = get("/feeds/numbers.csv", contoso).body().lines().toList();
        assertThat(rows.getFirst()).endsWith(",updated,sources");
        assertThat(rows).filteredOn(r -> r.startsWith(number + ",")).singleElement()
                .satisfies(r -> assertThat(r).endsWith(",Contoso;Fabrikam;public"));

        // the victim's address only with the reporter's personal data, never in the stored report
        String withIp = viaContoso.at("/results/1/reportId").asText();
        assertThat(reporterData(withIp).get("sourceIp").s()).isEqualTo("10.40.2.1");
        assertThat(reporterData(viaFabrikam.at("/results/0/reportId").asText())).doesNotContainKey("sourceIp");
        Map<String, AttributeValue> stored = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReportsTable"))
                .consistentRead(true).key(Map.of("reportId", AttributeValue.fromS(withIp)))).item();
        assertThat(stored.get("payload").s()).contains("\"source\":\"Contoso\"").doesNotContain("10.40.2");
        assertThat(alert.toString()).doesNotContain("10.40.", "@example.org");
        assertThat(publicReport).isNotEmpty();
        // nor anywhere else the stack keeps or sends: tables, streams, queues, alerts, logs
        var personal = PersonalDataScan.reporterValues(pipeline.aws(), pipeline.stack());
        assertThat(personal).contains("10.40.2.1", "10.40.1.77", "victim-b@example.org");
        assertThat(PersonalDataScan.of(personal).scanStack(pipeline.aws(), pipeline.stack(),
                pipeline.inboxes().stream().flatMap(i -> i.received().stream()).toList(), LogCapture.since(logsFrom)))
                .isEmpty();
    }

    @Test
    void partnerLinesTakeNothingFromThePublicPerNetworkLimit() throws Exception {
        // ReportsPerNetworkPerHour=3 here: four partner lines from one victim network are all taken ...
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            lines.append(report("+1 888 555 06" + (10 + i), null, ",\"victimIp\":\"10.50.1.1\"")).append('\n');
        }
        assertThat(JSON.readTree(postBulk(contoso, lines.toString()).body()).get("accepted").asInt()).isEqualTo(4);
        // ... and that network's public quota is whole: three reports, then the fourth is refused
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(postPublicStatus(report("+1 888 555 06" + (20 + i), null, ""), "10.50.1.9"));
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429);
    }

    @Test
    void ringAlertsAppendVersionedCampaignsToTheRingsCollectionWhichTaxii2ClientWalksAndOasisAccepts() throws Exception {
        // ring A: a number named with a site, by three reporters, so that the number alerts on its own too
        String a1 = postPublic(ringReport("\"+1 888 555 0411\"", "\"https://rnicrosoft-help.com/x\"", "ra1"), "10.60.1.1");
        postPublic(ringReport("\"+1 888 555 0411\"", "", "ra2"), "10.60.2.1");
        postPublic(ringReport("\"+1 888 555 0411\"", "", "ra3"), "10.60.3.1");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        // ring B: another number and a site, two reporters (its ring alerts at 2)
        String b1 = postPublic(ringReport("\"+44 20 7946 0411\"", "\"https://amaz0n-refund.com/y\"", "rb1"), "10.60.4.1");
        postPublic(ringReport("\"+44 20 7946 0411\"", "", "rb2"), "10.60.5.1");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        // reporters on two networks name both (RingMergeMinNetworks): B merges into A (founded earlier)
        postPublic(ringReport("\"+1 888 555 0411\", \"+44 20 7946 0411\"", "", "join"), "10.60.6.1");
        postPublic(ringReport("\"+1 888 555 0411\", \"+44 20 7946 0411\"", "", "join2"), "10.60.7.1");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();

        Path dir = Files.createDirectories(TestEmulator.projectDir().resolve("e2e/target/rings-collection-" + UUID.randomUUID()));
        JsonNode walked = walk("dump", 5, contoso);
        ArrayNode objects = (ArrayNode) walked.get("objects");
        String campaignA = StixCampaign.idOf(RingIds.of(a1));
        String campaignB = StixCampaign.idOf(RingIds.of(b1));
        List<JsonNode> versionsA = stream(objects).filter(o -> o.get("id").asText().equals(campaignA)).toList();
        List<JsonNode> versionsB = stream(objects).filter(o -> o.get("id").asText().equals(campaignB)).toList();
        assertThat(walked.get("pages").asInt()).isGreaterThan(1);
        assertThat(versionsA).hasSizeGreaterThanOrEqualTo(2).allSatisfy(v -> {
            assertThat(v.get("type").asText()).isEqualTo("campaign");
            assertThat(v.has("revoked")).isFalse();
            assertThat(v.get("first_seen").asText()).isNotEmpty();
            assertThat(v.get("object_marking_refs").size()).isEqualTo(1);
        });
        assertThat(versionsA.stream().map(v -> v.get("modified").asText()).distinct().count()).isEqualTo(versionsA.size());
        assertThat(versionsB).hasSizeGreaterThanOrEqualTo(2);
        assertThat(versionsB.stream().filter(v -> v.path("revoked").asBoolean()).toList()).singleElement()
                .satisfies(v -> assertThat(v.get("description").asText()).contains(campaignA));
        String numberId = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("AlertsTable")).consistentRead(true)
                .key(Map.of("alertId", AttributeValue.fromS("stix#phone#+18885550411")))).item().get("stixId").s();
        assertThat(stream(objects).filter(o -> o.get("type").asText().equals("relationship")).toList())
                .anySatisfy(r -> {
                    assertThat(r.get("relationship_type").asText()).isEqualTo("indicates");
                    assertThat(r.get("source_ref").asText()).isEqualTo(numberId);
                    assertThat(r.get("target_ref").asText()).isEqualTo(campaignA);
                });
        assertThat(stream(objects).map(o -> o.get("type").asText()).distinct().toList())
                .contains("identity", "marking-definition", "campaign", "relationship");

        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        bundle.set("objects", objects);
        Path file = Files.writeString(dir.resolve("rings.json"), bundle.toString());
        ExternalProcess.Result validator = ExternalProcess.run(new ProcessBuilder(
                TestEmulator.projectDir().resolve(".venv/bin/python").toString(),
                TestEmulator.projectDir().resolve("tools/stix_validate.py").toString(),
                TestEmulator.projectDir().resolve("contracts/vendor/cti-stix2-json-schemas/schemas").toString(),
                file.toString()).redirectErrorStream(true), Duration.ofMinutes(3));
        assertThat(validator.exitCode()).as(validator.output()).isZero();

        // a key limited to the indicators collection neither lists nor reads the rings collection
        PartnerKey.Created indicatorsOnly = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"),
                "indicators-only", INDICATORS, Instant.now());
        assertThat(get("/taxii2/api/collections/" + RINGS + "/objects/", indicatorsOnly).statusCode()).isEqualTo(403);
        assertThat(get("/taxii2/api/collections/", indicatorsOnly).body()).contains(INDICATORS).doesNotContain(RINGS);
    }

    // --- helpers ---

    private static String report(String phone, String email, String extra) {
        return ("{\"contactMethod\":\"phone_call\",\"impersonatedCompany\":\"Microsoft\",\"incidentDate\":\"2026-11-20\","
                + "\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[\"%s\"]}%s%s}").formatted(phone,
                email == null ? "" : ",\"reporter\":{\"email\":\"" + email + "\"}", extra);
    }

    private static String ringReport(String phones, String sites, String reporter) {
        return ("{\"contactMethod\":\"popup\",\"impersonatedCompany\":\"Microsoft\",\"incidentDate\":\"2026-11-20\","
                + "\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[%s],\"websites\":[%s]},"
                + "\"reporter\":{\"email\":\"%s@example.org\"}}").formatted(phones, sites, reporter);
    }

    private String postPublic(String body, String network) throws Exception {
        HttpResponse<String> response = publicPost(body, network);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    private int postPublicStatus(String body, String network) throws Exception {
        return publicPost(body, network).statusCode();
    }

    private HttpResponse<String> publicPost(String body, String network) throws Exception {
        // the runner honours X-Forwarded-For from loopback: each call from the network named
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", network)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postBulk(PartnerKey.Created as, String ndjson) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/partner/reports"))
                .header("Authorization", basic(as)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private HttpResponse<String> get(String path, PartnerKey.Created as) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + path))
                .header("Authorization", basic(as)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(PartnerKey.Created as) {
        return "Basic " + Base64.getEncoder().encodeToString((as.keyId() + ":" + as.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, AttributeValue> reporterData(String reportId) {
        Map<String, AttributeValue> item = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReporterDataTable"))
                .consistentRead(true).key(Map.of("reportId", AttributeValue.fromS(reportId)))).item();
        return item == null ? Map.of() : item;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    /** tools/taxii_walk.py (taxii2-client) over the rings collection. */
    private JsonNode walk(String mode, int limit, PartnerKey.Created as) throws Exception {
        Path project = TestEmulator.projectDir();
        ProcessBuilder builder = new ProcessBuilder(project.resolve(".venv/bin/python").toString(),
                project.resolve("tools/taxii_walk.py").toString(), "http://127.0.0.1:" + pipeline.port() + "/taxii2/",
                as.keyId(), as.secret(), mode, Integer.toString(limit)).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("TAXII_COLLECTION", RINGS);
        ExternalProcess.Result walked = ExternalProcess.run(builder, Duration.ofMinutes(3));
        assertThat(walked.exitCode()).as(walked.output()).isZero();
        return JSON.readTree(walked.output().lines().reduce((a, b) -> b).orElseThrow());
    }
}
