package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.support.ContractSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Rings resist one person, through HTTP on moto with the template's RingMergeMinNetworks (2) and
 * MinDistinctNetworks (2): one person on one network with many e-mail addresses and user agents
 * causes no ring alert, cross_brand included; a report from one network naming two rings leaves a
 * candidate link in both rings' referral packets and merges nothing; a second network's report
 * merges them, once, and a redelivery of every stream changes nothing. Networks come from
 * X-Forwarded-For, which the runner honours from loopback. Low ring levels come in as parameters.
 */
class RingCorroborationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private String partnerQueue;

    @BeforeEach
    void startPipeline() throws Exception {
        String stack = "corroboration-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                        TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                .withParameters(Map.of("RingReportersLevels", "3,5,8", "RingCrossBrands", "2",
                        "RingCrossBrandMinReporters", "2")));
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
    void onePersonOnOneNetworkWithManyAddressesAndUserAgentsCausesNoRingAlert() throws Exception {
        for (int i = 0; i < 8; i++) {
            post(report(i % 2 == 0 ? "Microsoft" : "Apple", "[\"+1 888 555 0142\"]", "[\"https://rnicrosoft-help.com/fix\"]",
                    "US", "alias" + i), "203.0.113.5", "Agent/" + i);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(liveHeads()).singleElement().satisfies(h -> {
            assertThat(h.get("distinctReporters").asInt()).isEqualTo(8);
            assertThat(h.get("networks").asInt()).isEqualTo(1);
            assertThat(h.get("brands").size()).isEqualTo(2);
        });
        assertThat(ringAlerts(Duration.ofSeconds(8), Integer.MAX_VALUE)).as("no ring alert, cross_brand included").isEmpty();
    }

    @Test
    void aBridgeFromOneNetworkIsACandidateInBothPacketsAndASecondNetworkMergesOnce() throws Exception {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            a.add(post(report("Microsoft", "[\"+1 888 555 0142\", \"+1 888 555 01" + (50 + i) + "\"]", "[]", "US", "a" + i),
                    "198.51." + (10 + i) + ".7", "Browser"));
            b.add(post(report("Amazon", "[\"+44 20 7946 0958\", \"+44 20 7946 09" + (70 + i) + "\"]", "[]", "GB", "b" + i),
                    "192.0." + (20 + i) + ".9", "Browser"));
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        String ringA = RingIds.of(a.get(0));
        String ringB = RingIds.of(b.get(0));
        assertThat(liveHeads()).extracting(h -> h.get("ringId").asText()).containsExactlyInAnyOrder(ringA, ringB);
        ringAlerts(Duration.ofSeconds(10), 2);

        // one person, one network, three addresses: each report names both rings' numbers
        List<String> bridges = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bridges.add(post(report("Amazon", "[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "[]", "ES", "mallory" + i),
                    "203.0.113.66", "Agent/" + i));
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(liveHeads()).hasSize(2);
        assertThat(ringAlerts(Duration.ofSeconds(5), Integer.MAX_VALUE))
                .noneMatch(alert -> alert.get("rule").asText().equals("ring_merged"));
        for (String ringId : List.of(ringA, ringB)) {
            HttpResponse<String> response = referral(ringId);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode packet = JSON.readTree(response.body());
            assertThat(ContractSchema.REFERRAL_PACKET.violations(packet)).isEmpty();
            assertThat(packet.get("candidateLinks")).singleElement().satisfies(c -> {
                assertThat(c.get("a").asText()).isEqualTo("phone#+18885550142");
                assertThat(c.get("b").asText()).isEqualTo("phone#+442079460958");
                assertThat(c.get("otherRingId").asText()).isEqualTo(ringId.equals(ringA) ? ringB : ringA);
                assertThat(c.get("networks").asInt()).isEqualTo(1);
                assertThat(c.get("reports").asInt()).isEqualTo(3);
                assertThat(JSON.convertValue(c.get("reportIds"), List.class)).containsExactlyInAnyOrderElementsOf(bridges);
            });
            assertThat(packet.at("/ring/reports").asInt()).isEqualTo(ringId.equals(ringA) ? 6 : 3);
        }

        // a second, independent network names the link: one merge
        String second = post(report("Amazon", "[\"+1 888 555 0142\", \"+44 20 7946 0958\"]", "[]", "FR", "victim"),
                "100.64.9.1", "Browser");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        List<JsonNode> after = liveHeads();
        assertThat(after).singleElement().satisfies(h -> {
            assertThat(h.get("ringId").asText()).isEqualTo(ringA);
            assertThat(h.get("reports").asInt()).isEqualTo(10);
        });
        assertThat(ringAlerts(Duration.ofSeconds(15), 3)).filteredOn(alert -> alert.get("rule").asText().equals("ring_merged"))
                .singleElement().satisfies(alert -> assertThat(alert.at("/ring/mergedRingId").asText()).isEqualTo(ringB));
        JsonNode merged = JSON.readTree(referral(ringA).body());
        assertThat(merged.get("candidateLinks")).isEmpty();
        assertThat(merged.toString()).contains(second);

        long version = after.get(0).get("version").asLong();
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(liveHeads()).singleElement().satisfies(h -> assertThat(h.get("version").asLong()).isEqualTo(version));
        assertThat(ringAlerts(Duration.ofSeconds(3), Integer.MAX_VALUE)).isEmpty();
    }

    private HttpResponse<String> referral(String ringId) throws Exception {
        return RingsTableReads.referral(http, pipeline, ringId, "json", true);
    }

    private List<JsonNode> ringAlerts(Duration duration, int enough) throws Exception {
        return RingsTableReads.ringAlerts(pipeline, partnerQueue, duration, enough);
    }

    private List<JsonNode> liveHeads() throws Exception {
        return RingsTableReads.liveHeads(pipeline);
    }

    private String post(String body, String clientIp, String userAgent) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientIp)
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        // receivedAt has millisecond resolution: keep the founding order the posting order
        Thread.sleep(5);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    private static String report(String brand, String phones, String websites, String country, String reporter) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"%s","incidentDate":"2026-11-20",
                 "country":"%s","scammer":{"phoneNumbers":%s,"websites":%s},
                 "loss":{"amount":"300.00","currency":"USD","paymentMethods":["gift_card"]},
                 "description":"A pop-up said my computer was infected.",
                 "reporter":{"email":"%s@example.org","name":"Pat Example"}}"""
                .formatted(brand, country, phones, websites, reporter);
    }
}
