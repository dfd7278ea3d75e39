package io.scamsignal.referral.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.aws.HttpApiResponse;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.referral.ReporterContact;
import io.scamsignal.domain.ring.InMemoryRingStore;
import io.scamsignal.domain.ring.RingIds;
import io.scamsignal.domain.ring.RingPlanner;
import io.scamsignal.domain.ring.RingReport;
import io.scamsignal.referral.service.ReferralService;
import io.scamsignal.referral.service.ReportDocuments;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReferralHandlerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private final InMemoryRingStore store = new InMemoryRingStore();
    private final ReferralHandler handler = new ReferralHandler(new ReferralService(store, new ReportDocuments() {
        @Override
        public Map<String, String> documents(Collection<String> reportIds) {
            Map<String, String> out = new HashMap<>();
            reportIds.forEach(id -> out.put(id, "{\"reportId\":\"" + id + "\"}"));
            return out;
        }

        @Override
        public List<ReporterContact> consentingContacts(Collection<String> reportIds) {
            return List.of();
        }

        @Override
        public Map<String, String> feedIndicators(Collection<String> indicatorKeys) {
            return Map.of();
        }
    }, Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC)));

    private static RingReport report(String id, int second, String... phones) {
        return new RingReport(id, T0.plusSeconds(second), "fp-" + id, null, "US", new TreeSet<>(Set.of("Microsoft")),
                BigDecimal.TEN, new TreeSet<>(), "popup",
                java.util.Arrays.stream(phones).map(p -> new RingReport.Member("phone#" + p, "phone", p)).toList());
    }

    private HttpApiResponse get(String ringId, String format, String accept) {
        var event = Json.mapper().createObjectNode();
        event.put("rawPath", "/rings/" + ringId + "/referral");
        event.putObject("pathParameters").put("ringId", ringId);
        if (format != null) {
            event.putObject("queryStringParameters").put("format", format);
        }
        var headers = event.putObject("headers");
        if (accept != null) {
            headers.put("accept", accept);
        }
        headers.put("accept-language", "de");
        return handler.handle(event);
    }

    @Test
    void servesJsonStixAndHtmlAndAMergedRingsIdAnswersWithTheSurvivor() throws Exception {
        RingPlanner planner = new RingPlanner(3);
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        store.ingest(planner, report(a, 1, "+18885550142", "+18885550143"));
        store.ingest(planner, report(b, 2, "+442079460958"));
        store.ingest(planner, report(UUID.randomUUID().toString(), 3, "+18885550142", "+442079460958"));

        HttpApiResponse json = get(RingIds.of(a), null, null);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().get("Content-Type")).isEqualTo("application/json");
        JsonNode packet = Json.mapper().readTree(json.body());
        assertThat(packet.at("/ring/reports").asInt()).isEqualTo(3);

        HttpApiResponse merged = get(RingIds.of(b), "json", null);
        assertThat(Json.mapper().readTree(merged.body()).at("/ring/ringId").asText()).isEqualTo(RingIds.of(a));

        assertThat(get(RingIds.of(a), "stix", null).headers().get("Content-Type")).startsWith("application/stix+json");
        assertThat(get(RingIds.of(a), null, "text/html,application/xhtml+xml").body()).startsWith("<!DOCTYPE html>");
    }

    @Test
    void aRingHalfWayThroughAMergeInStepsIs503UntilTheMergeIsFinished() throws Exception {
        // two rings of 4 reports each; with 12 items a transaction the joining report's merge goes in steps
        RingPlanner planner = new RingPlanner(3, 12);
        String a = UUID.randomUUID().toString();
        for (int i = 0; i < 4; i++) {
            store.ingest(planner, report(i == 0 ? a : UUID.randomUUID().toString(), 1 + i, "+18885550142"));
            store.ingest(planner, report(UUID.randomUUID().toString(), 10 + i, "+442079460958"));
        }
        RingReport joiner = report(UUID.randomUUID().toString(), 20, "+18885550142", "+442079460958");
        RingPlanner.Plan marks = planner.plan(joiner, store);
        assertThat(marks.merging()).isNotNull();
        store.apply(marks.writes());

        HttpApiResponse merging = get(RingIds.of(a), "json", null);
        assertThat(merging.statusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(merging.body()).at("/errors/0/code").asText()).isEqualTo("ring_merging");
        assertThat(Json.mapper().readTree(merging.body()).at("/errors/0/message").asText()).contains("zusammengeführt");

        store.ingest(planner, joiner);
        HttpApiResponse merged = get(RingIds.of(a), "json", null);
        assertThat(merged.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(merged.body()).at("/ring/reports").asInt()).isEqualTo(9);
    }

    @Test
    void unknownRingsAre404AndUnknownFormats400InTheCallersLanguage() throws Exception {
        HttpApiResponse unknown = get(UUID.randomUUID().toString(), "json", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.mapper().readTree(unknown.body()).at("/errors/0/code").asText()).isEqualTo("unknown_ring");
        assertThat(Json.mapper().readTree(unknown.body()).at("/errors/0/message").asText()).startsWith("Es gibt keinen Ring");
        assertThat(get("not-a-uuid", "json", null).statusCode()).isEqualTo(404);
        assertThat(get(UUID.randomUUID().toString(), "pdf", null).statusCode()).isEqualTo(400);
    }
}
