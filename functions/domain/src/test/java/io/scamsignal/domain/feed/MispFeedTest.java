package io.scamsignal.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class MispFeedTest {

    private final MispFeed feed = MispFeed.defaults();

    @Test
    void oneEventPerDayOfFirstAlertWithStableUuids() throws Exception {
        SortedMap<String, String> files = feed.files(FeedSamples.all(), FeedSamples.NOW);

        assertThat(files).containsKeys("manifest.json", "hashes.csv",
                MispFeed.eventUuid(LocalDate.parse("2026-03-01")) + ".json",
                MispFeed.eventUuid(LocalDate.parse("2026-11-27")) + ".json",
                MispFeed.eventUuid(LocalDate.parse("2026-11-28")) + ".json",
                MispFeed.eventUuid(LocalDate.parse("2026-11-29")) + ".json").hasSize(6);
        assertThat(feed.files(FeedSamples.all(), FeedSamples.NOW)).isEqualTo(files);
        JsonNode manifest = Json.mapper().readTree(files.get("manifest.json"));
        JsonNode day27 = manifest.get(MispFeed.eventUuid(LocalDate.parse("2026-11-27")));
        assertThat(day27.get("date").asText()).isEqualTo("2026-11-27");
        // the event changed when its +1888 number was reported again on the 28th: MISP fetches it again
        assertThat(day27.get("timestamp").asText()).isEqualTo(Long.toString(
                java.time.Instant.parse("2026-11-28T10:00:00Z").getEpochSecond()));
        assertThat(day27.get("Tag").findValuesAsText("name")).contains("tlp:green", "scamsignal:brand=\"microsoft\"",
                "scamsignal:rule=\"distinct_reporters\"", "scamsignal:source=\"Contoso\"", "scamsignal:source=\"public\"");
    }

    @Test
    void attributesUseMispTypesAndFlagOnlyActiveIndicatorsForDetection() throws Exception {
        Map<String, JsonNode> byValue = new java.util.HashMap<>();
        for (Map.Entry<LocalDate, List<FeedIndicator>> day : MispFeed.byDay(FeedSamples.all()).entrySet()) {
            JsonNode event = Json.mapper().valueToTree(feed.event(day.getKey(), day.getValue(), FeedSamples.NOW));
            event.at("/Event/Attribute").forEach(a -> byValue.put(a.get("value").asText(), a));
        }
        assertThat(byValue.get("+18885550142").get("type").asText()).isEqualTo("phone-number");
        assertThat(byValue.get("+18885550142").get("to_ids").asBoolean()).isTrue();
        assertThat(byValue.get("+4930123456").get("to_ids").asBoolean()).isFalse();
        assertThat(byValue.get("+4930123456").get("comment").asText()).startsWith("Withdrawn as a false positive.");
        assertThat(byValue.get("+18005550100").get("to_ids").asBoolean()).isFalse();
        assertThat(byValue.get("+18005550100").get("comment").asText()).startsWith("Expired.");
        assertThat(byValue.get("micros0ft-support.example").get("type").asText()).isEqualTo("domain");
        assertThat(byValue.get("https://micros0ft-support.example/help").get("type").asText()).isEqualTo("url");
        assertThat(byValue.get("help@micros0ft-support.example").get("type").asText()).isEqualTo("email-src");
        assertThat(byValue.get("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").get("type").asText()).isEqualTo("btc");
        assertThat(byValue.get("XpESxaUmonkq8RaLLp46Brx2K39ggQe226").get("type").asText()).isEqualTo("dash");
        assertThat(byValue.get("paypal:scammer@example.org").get("type").asText()).isEqualTo("text");
        assertThat(byValue.get("paypal:scammer@example.org").get("category").asText()).isEqualTo("Financial fraud");
        assertThat(MispFeed.walletType("btc:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isEqualTo("btc");
        assertThat(MispFeed.walletType("4" + "A".repeat(94))).isEqualTo("xmr");
        assertThat(byValue.values()).allSatisfy(a -> assertThat(a.get("comment").asText()).doesNotContain("@example.com"));
    }

    @Test
    void hashesAreMd5OfEachValueWithTheEventUuid() {
        LocalDate day = LocalDate.parse("2026-11-28");
        Map<String, Object> event = feed.event(day, MispFeed.byDay(FeedSamples.all()).get(day), FeedSamples.NOW);
        assertThat(MispFeed.hashLines(event)).contains(
                MispFeed.md5("micros0ft-support.example") + "," + MispFeed.eventUuid(day));
        assertThat(MispFeed.md5("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void theManifestFromDaySummariesEqualsTheManifestOfTheEventsBuiltWithThem() throws Exception {
        MispFeed feed = MispFeed.defaults();
        java.util.SortedMap<java.time.LocalDate, java.util.List<FeedIndicator>> days = MispFeed.byDay(FeedSamples.all());
        java.util.List<MispFeed.DaySummary> summaries = new java.util.ArrayList<>();
        java.util.Map<String, Object> fromEvents = new java.util.LinkedHashMap<>();
        for (var day : days.entrySet()) {
            java.util.SortedSet<String> tags = new java.util.TreeSet<>();
            day.getValue().forEach(i -> tags.addAll(MispFeed.tags(i.brands(), i.rules(), i.sources())));
            MispFeed.DaySummary summary = new MispFeed.DaySummary(day.getKey(), 1_800_000_000L + day.getKey().getDayOfMonth(), tags);
            summaries.add(summary);
            java.util.Map<String, Object> event = feed.event(day.getKey(), day.getValue(), FeedSamples.NOW, summary);
            fromEvents.put(MispFeed.eventUuid(day.getKey()), MispFeed.manifestEntry(event));
        }
        assertThat(io.scamsignal.domain.json.Json.mapper().readTree(feed.manifest(summaries)))
                .isEqualTo(io.scamsignal.domain.json.Json.mapper().readTree(io.scamsignal.domain.json.Json.write(fromEvents)));
        // the summary's timestamp is the event's
        assertThat(io.scamsignal.domain.json.Json.mapper().readTree(feed.manifest(summaries))
                .path(MispFeed.eventUuid(days.firstKey())).path("timestamp").asText())
                .isEqualTo(Long.toString(1_800_000_000L + days.firstKey().getDayOfMonth()));
    }
}
