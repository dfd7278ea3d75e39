package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.enrichment.adapter.DynamoDbRingStore;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.ops.Ops;
import io.scamsignal.ops.OpsEnvironment;
import io.scamsignal.ops.PartnerKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code make ring-unlink} on moto, end to end: two rings built through the HTTP intake and merged
 * by a bridge that two networks named, then the operator command itself ({@link Ops#run}, as the
 * ops jar's main runs it, on the pipeline's stack) withdraws the bridge. The ring splits into
 * exactly its two connected parts; each part gets one {@code ring_split} alert and a new version of
 * its campaign in the TAXII rings collection (read through the partner API); later reports naming
 * the withdrawn pair merge nothing and cause no {@code ring_merged}. Then a split too big for one
 * transaction, on the same table: the command goes in steps and ends in the two parts, unmarked.
 * And a part split off below the first level: silent until new reports take it there.
 */
class RingUnlinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String A0 = "phone#+18885550142";
    private static final String B0 = "phone#+442079460958";
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private String stack;
    private String partnerQueue;
    private PartnerKey.Created key;

    @BeforeEach
    void startPipeline() throws Exception {
        stack = "unlink-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                        TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                .withParameters(Map.of("RingReportersLevels", "3,5,8", "PartnerAuthCacheSeconds", "1")));
        partnerQueue = pipeline.aws().sqs().createQueue(b -> b.queueName(stack + "-partner")).queueUrl();
        String queueArn = pipeline.aws().sqs().getQueueAttributes(b -> b.queueUrl(partnerQueue)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        pipeline.aws().sns().subscribe(b -> b.topicArn(pipeline.ref("AlertsTopic")).protocol("sqs").endpoint(queueArn));
        key = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), "ring-watchers",
                TaxiiResources.Collection.RINGS.id(), Instant.now());
    }

    @AfterEach
    void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theOperatorWithdrawsTheBridgeAndTheRingSplitsIntoItsConnectedParts() throws Exception {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            a.add(post(report("[\"+1 888 555 0142\", \"+1 888 555 01" + (50 + i) + "\"]", "a" + i), "198.51." + (10 + i) + ".7"));
            b.add(post(report("[\"+44 20 7946 0958\", \"+44 20 7946 09" + (70 + i) + "\"]", "b" + i), "192.0." + (20 + i) + ".9"));
        }
        // the bridge, named from two networks: a candidate, then one merge
        List<String> bridges = List.of(post(report("[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "x"), "100.64.1.1"),
                post(report("[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "y"), "100.64.2.1"));
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        String ringA = RingIds.of(a.get(0));
        String ringB = RingIds.of(b.get(0));
        assertThat(liveHeads()).singleElement().satisfies(h -> {
            assertThat(h.get("ringId").asText()).isEqualTo(ringA);
            assertThat(h.get("reports").asInt()).isEqualTo(8);
        });
        assertThat(ringAlerts(Duration.ofSeconds(15), 4)).filteredOn(x -> x.get("rule").asText().equals("ring_merged"))
                .hasSize(1);
        JsonNode campaignBefore = campaign(ringA);
        assertThat(campaignBefore.path("revoked").asBoolean(false)).isFalse();
        assertThat(campaign(ringB).path("revoked").asBoolean()).as("absorbed: revoked").isTrue();

        // the real operator command, as make ring-unlink runs it, on this pipeline's stack
        int status = Ops.run(new String[]{"ring-unlink", ringA, A0, B0, "one victim named both gangs"},
                new OpsEnvironment(Map.of("STACK_NAME", stack, "MOTO_PORT",
                        Integer.toString(URI.create(TestEmulator.endpoint()).getPort()))));
        assertThat(status).isZero();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        // exactly the connected parts: the bridge reports stay with the older ring's part
        List<JsonNode> parts = liveHeads();
        assertThat(parts).extracting(h -> h.get("ringId").asText()).containsExactlyInAnyOrder(ringA, ringB);
        JsonNode partA = parts.stream().filter(h -> h.get("ringId").asText().equals(ringA)).findFirst().orElseThrow();
        JsonNode partB = parts.stream().filter(h -> h.get("ringId").asText().equals(ringB)).findFirst().orElseThrow();
        assertThat(partA.get("reports").asInt()).isEqualTo(5);
        assertThat(partB.get("reports").asInt()).isEqualTo(3);
        assertThat(members(partA.get("home").asText())).containsExactlyInAnyOrder(A0,
                "phone#+18885550150", "phone#+18885550151", "phone#+18885550152");
        assertThat(members(partB.get("home").asText())).containsExactlyInAnyOrder(B0,
                "phone#+442079460970", "phone#+442079460971", "phone#+442079460972");
        assertThat(referral(ringB).at("/ring/reports").asInt()).isEqualTo(3);
        assertThat(referral(ringA).toString()).contains(bridges.get(0), bridges.get(1));

        // partners: one ring_split per part, nothing else; both campaigns current in the rings collection
        List<JsonNode> afterSplit = ringAlerts(Duration.ofSeconds(15), 2);
        assertThat(afterSplit).extracting(x -> x.get("rule").asText()).containsOnly("ring_split");
        assertThat(afterSplit).extracting(x -> x.at("/ring/ringId").asText()).containsExactlyInAnyOrder(ringA, ringB);
        JsonNode campaignA = campaign(ringA);
        assertThat(campaignA.get("id").asText()).isEqualTo(campaignBefore.get("id").asText());
        assertThat(Instant.parse(campaignA.get("modified").asText()))
                .isAfter(Instant.parse(campaignBefore.get("modified").asText()));
        assertThat(campaign(ringB).path("revoked").asBoolean(false)).as("split off: reopened").isFalse();

        // the withdrawn pair named again, from two more networks: no merge, no ring_merged
        post(report("[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "z1"), "100.64.3.1");
        post(report("[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "z2"), "100.64.4.1");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(liveHeads()).extracting(h -> h.get("ringId").asText() + "=" + h.get("reports").asInt())
                .containsExactlyInAnyOrder(ringA + "=7", ringB + "=3");
        assertThat(ringAlerts(Duration.ofSeconds(4), Integer.MAX_VALUE))
                .noneMatch(x -> x.get("rule").asText().equals("ring_merged") || x.get("rule").asText().equals("ring_split"));

        // a split too big for one transaction, on the same table: two 20-report rings and a bridge, linked by
        // the enrichment's adapter, split by the command in steps
        DynamoDbRingStore store = new DynamoDbRingStore(pipeline.aws().dynamoDb(), pipeline.ref("RingsTable"),
                new RingPlanner(3));
        Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            for (String gang : List.of("c", "d")) {
                store.link(ringReport("big-" + gang + i, t0.plusSeconds(i * 2L + (gang.equals("c") ? 0 : 1)), gang + i,
                        "phone#+1777555" + (gang.equals("c") ? "00" : "01") + "00",
                        "phone#+1777555" + (gang.equals("c") ? "02" : "03") + String.format("%02d", i)));
            }
        }
        store.link(ringReport("big-x", t0.plusSeconds(100), "x", "phone#+17775550000", "phone#+17775550100"));
        // the split-off part alone needs some 124 item writes (listings, members, reports, reporters, networks)
        String ringC = RingIds.of("big-c0");
        assertThat(Ops.run(new String[]{"ring-unlink", ringC, "phone#+17775550000", "phone#+17775550100", "wrong bridge"},
                new OpsEnvironment(Map.of("STACK_NAME", stack, "MOTO_PORT",
                        Integer.toString(URI.create(TestEmulator.endpoint()).getPort()))))).isZero();
        List<JsonNode> big = liveHeads().stream().filter(h -> Set.of(ringC, RingIds.of("big-d0"))
                .contains(h.get("ringId").asText())).toList();
        assertThat(big).extracting(h -> h.get("ringId").asText() + "=" + h.get("reports").asInt() + "/"
                + h.get("members").asInt() + (h.path("absorbing").isTextual() || h.path("movingTo").isTextual() ? " marked" : ""))
                .containsExactlyInAnyOrder(ringC + "=21/21", RingIds.of("big-d0") + "=20/21");
        assertThat(members(big.stream().filter(h -> !h.get("ringId").asText().equals(ringC)).findFirst().orElseThrow()
                .get("home").asText())).hasSize(21).allMatch(k -> k.startsWith("phone#+177755501")
                || k.startsWith("phone#+177755503"));
    }

    /**
     * A ring that alerted (B, at 3 reporters thanks to the bridge that made it) is absorbed, then the
     * operator withdraws that bridge: B is split off with 2 reporters, below the first level, so no
     * alert and its campaign stays revoked; a new reporter takes it to the level: one ring_reporters
     * alert about B, and its campaign published again (reopened) in the rings collection.
     */
    @Test
    void aPartSplitOffBelowTheFirstLevelAlertsAndIsPublishedAgainWhenNewReportsTakeItThere() throws Exception {
        for (int i = 0; i < 3; i++) {
            post(report("[\"+1 888 555 0142\", \"+1 888 555 01" + (50 + i) + "\"]", "a" + i), "198.51." + (10 + i) + ".7");
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        String b0 = post(report("[\"+44 20 7946 0958\", \"+44 20 7946 0970\"]", "b0"), "192.0.20.9");
        post(report("[\"+44 20 7946 0971\", \"+1 888 555 0160\"]", "c0"), "192.0.21.9");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        // B and C bridged from two networks, the first by B's own reporter: ring B at 3 reporters
        post(report("[\"+44 20 7946 0970\", \"+44 20 7946 0971\"]", "b0"), "192.0.20.9");
        post(report("[\"+44 20 7946 0970\", \"+44 20 7946 0971\"]", "b1"), "192.0.22.9");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        String ringA = liveHeads().stream().map(h -> h.get("ringId").asText()).filter(id -> !id.equals(RingIds.of(b0)))
                .findFirst().orElseThrow();
        String ringB = RingIds.of(b0);
        // every alert so far is in the queue (the pipeline is idle): all of them
        assertThat(ringAlerts(Duration.ofSeconds(6), Integer.MAX_VALUE))
                .filteredOn(x -> x.at("/ring/ringId").asText().equals(ringB))
                .extracting(x -> x.get("rule").asText()).contains("ring_reporters");
        // then absorbed into the older A, from two networks
        post(report("[\"+1 888 555 0160\", \"+1 888 555 0142\"]", "z1"), "100.64.1.1");
        post(report("[\"+1 888 555 0160\", \"+1 888 555 0142\"]", "z2"), "100.64.2.1");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(liveHeads()).extracting(h -> h.get("ringId").asText()).containsExactly(ringA);
        assertThat(campaign(ringB).path("revoked").asBoolean()).as("absorbed: revoked").isTrue();
        assertThat(ringAlerts(Duration.ofSeconds(4), Integer.MAX_VALUE)).extracting(x -> x.get("rule").asText())
                .contains("ring_merged");

        assertThat(Ops.run(new String[]{"ring-unlink", ringA, "phone#+442079460970", "phone#+442079460971", "wrong bridge"},
                new OpsEnvironment(Map.of("STACK_NAME", stack, "MOTO_PORT",
                        Integer.toString(URI.create(TestEmulator.endpoint()).getPort()))))).isZero();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        JsonNode partB = liveHeads().stream().filter(h -> h.get("ringId").asText().equals(ringB)).findFirst().orElseThrow();
        assertThat(partB.get("reports").asInt()).isEqualTo(3);
        assertThat(partB.get("effectiveReporters").asInt()).isEqualTo(2);
        assertThat(ringAlerts(Duration.ofSeconds(6), Integer.MAX_VALUE))
                .noneMatch(x -> x.at("/ring/ringId").asText().equals(ringB));
        assertThat(campaign(ringB).path("revoked").asBoolean()).as("below the level: still revoked").isTrue();

        // a new reporter on a new network: the part reaches the first level
        post(report("[\"+44 20 7946 0958\"]", "b3"), "192.0.23.9");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(ringAlerts(Duration.ofSeconds(15), 1)).filteredOn(x -> x.at("/ring/ringId").asText().equals(ringB))
                .extracting(x -> x.get("rule").asText() + "/" + x.at("/ring/distinctReporters").asInt())
                .containsExactly("ring_reporters/3");
        assertThat(campaign(ringB).path("revoked").asBoolean(false)).as("published again").isFalse();
    }

    private static RingReport ringReport(String id, Instant at, String reporter, String... keys) {
        return new RingReport(id, at, "fp-" + reporter, "net-" + reporter, "US", new java.util.TreeSet<>(Set.of("Microsoft")),
                java.math.BigDecimal.TEN, new java.util.TreeSet<>(), "popup", java.util.Arrays.stream(keys)
                .map(k -> new RingReport.Member(k, "phone", k.substring(6))).toList());
    }

    private Set<String> members(String home) {
        Set<String> keys = new TreeSet<>();
        pipeline.aws().dynamoDb().queryPaginator(q -> q.tableName(pipeline.ref("RingsTable"))
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("RING#" + home),
                                ":m", AttributeValue.fromS("M#"))))
                .items().forEach(i -> keys.add(i.get("sk").s().substring(2)));
        return keys;
    }

    /** The latest version of a ring's campaign in the TAXII rings collection, read over HTTP. */
    private JsonNode campaign(String ringId) throws Exception {
        String path = "/taxii2/api/collections/" + TaxiiResources.Collection.RINGS.id() + "/objects/?match%5Btype%5D=campaign";
        JsonNode found = null;
        String next = null;
        do {
            HttpResponse<String> page = get(path + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonNode envelope = JSON.readTree(page.body());
            for (JsonNode o : envelope.path("objects")) {
                if (o.get("type").asText().equals("campaign") && o.get("name").asText().endsWith(ringId)
                        && (found == null || Instant.parse(o.get("modified").asText())
                        .isAfter(Instant.parse(found.get("modified").asText())))) {
                    found = o;
                }
            }
            next = envelope.path("more").asBoolean(false) ? envelope.get("next").asText() : null;
        } while (next != null);
        assertThat(found).as("campaign of " + ringId).isNotNull();
        return found;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (key.keyId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/taxii+json;version=2.1").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode referral(String ringId) throws Exception {
        HttpResponse<String> response = RingsTableReads.referral(http, pipeline, ringId, "json", true);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private List<JsonNode> ringAlerts(Duration duration, int enough) throws Exception {
        return RingsTableReads.ringAlerts(pipeline, partnerQueue, duration, enough);
    }

    private List<JsonNode> liveHeads() throws Exception {
        return RingsTableReads.liveHeads(pipeline);
    }

    private String post(String body, String clientIp) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientIp)
                .header("User-Agent", "Browser")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        // receivedAt has millisecond resolution: keep the founding order the posting order
        Thread.sleep(5);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    private static String report(String phones, String reporter) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                 "country":"US","scammer":{"phoneNumbers":%s,"websites":[]},
                 "loss":{"amount":"300.00","currency":"USD","paymentMethods":["gift_card"]},
                 "description":"A pop-up said my computer was infected.",
                 "reporter":{"email":"%s@example.org","name":"Pat Example"}}"""
                .formatted(phones, reporter);
    }
}
