package io.scamsignal.alerting.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixCampaign;
import io.scamsignal.domain.stix.StixExporter;
import io.scamsignal.domain.stix.StixIndicator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** What one alert's transaction writes to the feed: every write conditional on what was read. */
class StixFeedWritesTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00.123Z");
    private final StixFeedWrites writes = new StixFeedWrites(null, "alerts", "feed", "coll");

    private static List<Map<String, Object>> objects(IndicatorState state) {
        StixIndicator in = new StixIndicator("phone", "+18885550142", null, new TreeSet<>(List.of("Microsoft")),
                List.of("distinct_reporters"), 40, T0.minusSeconds(60), T0, 3, 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects = (List<Map<String, Object>>) StixExporter.defaults()
                .bundle(List.of(Map.entry(state, in))).get("objects");
        return objects;
    }

    private static List<String> puts(List<TransactWriteItem> items, String table) {
        return items.stream().filter(i -> i.put() != null && i.put().tableName().equals(table))
                .map(i -> i.put().item().containsKey("type") ? i.put().item().get("type").s() : "state").toList();
    }

    @Test
    void theFirstVersionAppendsEverythingOnceAndCreatesCounterAndState() {
        IndicatorState first = IndicatorState.first("indicator--6b0e4bd4-3c3e-4b0a-9e3c-2f7d5f0c1a11", T0);
        List<TransactWriteItem> items = writes.writes("phone#+18885550142",
                new StixFeedWrites.Snapshot(Map.of(), Map.of()), first, objects(first), T0);
        assertThat(puts(items, "feed")).containsExactly("identity", "marking-definition", "extension-definition",
                "indicator", "phone-number", "sighting");
        assertThat(items).allSatisfy(i -> assertThat(i.put() != null ? i.put().conditionExpression()
                : i.update().conditionExpression()).isNotBlank());
        TransactWriteItem counter = items.stream().filter(i -> i.update() != null).findFirst().orElseThrow();
        assertThat(counter.update().conditionExpression()).isEqualTo("attribute_not_exists(#last)");
        assertThat(counter.update().expressionAttributeValues().get(":last").s()).endsWith("#000000000006");
        assertThat(puts(items, "alerts")).containsExactly("state");
    }

    @Test
    void aLaterVersionAppendsIndicatorAndSightingOnlyAndMarksTheOldOnesSuperseded() {
        IndicatorState first = IndicatorState.first("indicator--6b0e4bd4-3c3e-4b0a-9e3c-2f7d5f0c1a11", T0);
        Map<String, AttributeValue> state = Map.of(
                "stixId", AttributeValue.fromS(first.stixId()),
                "stixCreated", AttributeValue.fromS("2026-11-29T12:00:00.123Z"),
                "stixModified", AttributeValue.fromS("2026-11-29T12:00:00.123Z"),
                "stixRevoked", AttributeValue.fromBool(false),
                "indicatorEntry", AttributeValue.fromS("2026-11-29T12:00:00.123Z#000000000004"),
                "indicatorFirst", AttributeValue.fromS("2026-11-29T12:00:00.123Z"),
                "sightingEntry", AttributeValue.fromS("2026-11-29T12:00:00.123Z#000000000006"),
                "sightingFirst", AttributeValue.fromS("2026-11-29T12:00:00.123Z"));
        Map<String, AttributeValue> counter = Map.of("last", AttributeValue.fromS("2026-11-29T12:00:00.123Z#000000000006"),
                "once", AttributeValue.fromSs(List.of("identity--ce751ced-3ef5-41c5-b2b0-ee2e39ba2efb",
                        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                        "extension-definition--b6739b14-d20c-4e05-8472-a2bd05e26e60")));
        StixFeedWrites.Snapshot seen = new StixFeedWrites.Snapshot(state, counter);
        assertThat(seen.indicatorState()).isEqualTo(first);
        IndicatorState second = first.changed(T0.plusSeconds(5));
        List<TransactWriteItem> items = writes.writes("phone#+18885550142", seen, second, objects(second), T0.plusSeconds(5));
        assertThat(puts(items, "feed")).containsExactly("indicator", "sighting");
        List<String> superseded = items.stream().filter(i -> i.update() != null && i.update().key().get("pk").s().equals("coll"))
                .map(i -> i.update().key().get("sk").s()).toList();
        assertThat(superseded).containsExactly("2026-11-29T12:00:00.123Z#000000000004", "2026-11-29T12:00:00.123Z#000000000006");
        TransactWriteItem newIndicator = items.stream().filter(i -> i.put() != null && i.put().item().containsKey("type")
                && i.put().item().get("type").s().equals("indicator")).findFirst().orElseThrow();
        assertThat(newIndicator.put().item().get("first").s()).isEqualTo("2026-11-29T12:00:00.123Z");
        assertThat(newIndicator.put().item().get("sk").s()).isEqualTo("2026-11-29T12:00:05.123Z#000000000007");
        TransactWriteItem statePut = items.stream().filter(i -> i.put() != null && i.put().tableName().equals("alerts"))
                .findFirst().orElseThrow();
        assertThat(statePut.put().conditionExpression()).isEqualTo("stixModified = :seen AND stixId = :id");
    }

    @Test
    void aRingsCampaignIsVersionedLikeAnIndicatorAndItsRelationshipsAreAppendedOnce() {
        String ring = "48048db3-2f50-375a-9cfb-a1503c25096e";
        StixCampaign campaign = new StixCampaign(ring, 2, 10, 10, T0.minusSeconds(60), T0,
                new TreeSet<>(List.of("Microsoft")), new TreeSet<>(List.of("US")));
        String indicator = "indicator--6b0e4bd4-3c3e-4b0a-9e3c-2f7d5f0c1a11";
        IndicatorState first = IndicatorState.first(StixCampaign.idOf(ring), T0);
        List<TransactWriteItem> items = writes.writes("ring#" + ring, new StixFeedWrites.Snapshot(Map.of(), Map.of()),
                first, StixExporter.defaults().ringObjects(first, campaign, List.of(indicator), T0), T0);
        assertThat(puts(items, "feed")).containsExactly("identity", "marking-definition", "campaign", "relationship");
        TransactWriteItem statePut = items.stream().filter(i -> i.put() != null && i.put().tableName().equals("alerts"))
                .findFirst().orElseThrow();
        assertThat(statePut.put().item().get("stixId").s()).isEqualTo(StixCampaign.idOf(ring));
        assertThat(statePut.put().item().get("indicatorEntry").s()).endsWith("#000000000003");

        // the next alert: a new campaign version superseding the first; identity, marking, relationship not again
        Map<String, AttributeValue> state = Map.of(
                "stixId", AttributeValue.fromS(first.stixId()),
                "stixCreated", AttributeValue.fromS("2026-11-29T12:00:00.123Z"),
                "stixModified", AttributeValue.fromS("2026-11-29T12:00:00.123Z"),
                "stixRevoked", AttributeValue.fromBool(false),
                "indicatorEntry", AttributeValue.fromS("2026-11-29T12:00:00.123Z#000000000003"),
                "indicatorFirst", AttributeValue.fromS("2026-11-29T12:00:00.123Z"));
        Map<String, AttributeValue> counter = Map.of("last", AttributeValue.fromS("2026-11-29T12:00:00.123Z#000000000004"),
                "once", AttributeValue.fromSs(List.of("identity--ce751ced-3ef5-41c5-b2b0-ee2e39ba2efb",
                        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
                        StixCampaign.relationshipId(indicator, first.stixId()))));
        IndicatorState second = first.changed(T0.plusSeconds(5));
        List<TransactWriteItem> next = writes.writes("ring#" + ring, new StixFeedWrites.Snapshot(state, counter), second,
                StixExporter.defaults().ringObjects(second, campaign, List.of(indicator), T0.plusSeconds(5)), T0.plusSeconds(5));
        assertThat(puts(next, "feed")).containsExactly("campaign");
        assertThat(next.stream().filter(i -> i.update() != null && i.update().key().get("pk").s().equals("coll"))
                .map(i -> i.update().key().get("sk").s()).toList()).containsExactly("2026-11-29T12:00:00.123Z#000000000003");
    }

    @Test
    void theCurrentItemCarriesTheNumberKeysAndMispDayTheBackfillComputesToo() {
        DynamoDbClient noSummaries = answeringGetItem(GetItemResponse.builder().build());
        StixFeedWrites feed = new StixFeedWrites(noSummaries, "alerts", "feed", "coll");
        IndicatorState first = IndicatorState.first("indicator--6b0e4bd4-3c3e-4b0a-9e3c-2f7d5f0c1a11", T0);
        for (Instant lastSeen : List.of(T0.minusSeconds(60), T0.plusSeconds(60), T0.minus(java.time.Duration.ofDays(3650)))) {
            StixFeedWrites.Figures figures = new StixFeedWrites.Figures("phone", "+18885550142", List.of("Microsoft"),
                    "distinct_reporters", 40, lastSeen, lastSeen, 3, List.of("public"));
            var update = feed.current("phone#+18885550142", null, first, figures).get(0).update();
            var keys = io.scamsignal.domain.storage.CurrentItemKeys.alerted("phone", "+18885550142", T0, lastSeen, false,
                    io.scamsignal.domain.stix.ExpiryRules.DEFAULTS).orElseThrow();
            assertThat(update.expressionAttributeValues().get(":numWriteSk").s()).isEqualTo(keys.writeSk());
            assertThat(update.expressionAttributeValues().get(":numExpirySk").s()).isEqualTo(keys.expirySk());
            assertThat(update.updateExpression().contains("#numWritePk = :numPk")).isEqualTo(keys.live());
            assertThat(update.updateExpression().contains("REMOVE #numWritePk")).isEqualTo(!keys.live());
            assertThat(update.expressionAttributeValues().get(":mispDay").s()).isEqualTo("misp#coll#2026-11-29");
        }
        IndicatorState withdrawn = first.revoke(T0.plusSeconds(3600));
        var update = feed.current("phone#+18885550142", first, withdrawn, null).get(0).update();
        var keys = io.scamsignal.domain.storage.CurrentItemKeys.alerted("phone", "+18885550142", withdrawn.modified(), null,
                true, io.scamsignal.domain.stix.ExpiryRules.DEFAULTS).orElseThrow();
        assertThat(update.expressionAttributeValues().get(":numWriteSk").s()).isEqualTo(keys.writeSk());
        assertThat(update.updateExpression()).contains("REMOVE #numWritePk");
    }
    /**
     * A number that alerted and is now on a benign list: every benign write changes its MISP
     * attribute (status, figures, timestamp), so its day's summary moves with it, in one transaction;
     * a benign number that never alerted is in no event and moves none.
     */
    @Test
    void aBenignWriteOfANumberThatAlertedMovesItsMispDaysTimestamp() {
        long seenTs = T0.getEpochSecond();
        DynamoDbClient summaries = answeringGetItem(GetItemResponse.builder()
                .item(Map.of("ts", AttributeValue.fromN(Long.toString(seenTs)))).build());
        StixFeedWrites feed = new StixFeedWrites(summaries, "alerts", "feed", "coll");
        io.scamsignal.domain.indicator.Indicator number = new io.scamsignal.domain.indicator.Indicator(
                io.scamsignal.domain.indicator.IndicatorType.PHONE, "+18009359935", "+18009359935", Map.of())
                .markedBenign("curated-phones", null);
        io.scamsignal.domain.aggregate.IndicatorAggregate aggregate = io.scamsignal.domain.aggregate.IndicatorAggregate
                .builder(number).reports(4).distinctReporters(4).firstSeen(T0.minusSeconds(3600)).lastSeen(T0)
                .brands(java.util.Set.of("Chase")).countries(java.util.Set.of("US")).lossUsd(java.math.BigDecimal.ZERO)
                .paymentMethods(Map.of()).contactMethods(Map.of()).reports24h(4).reports7d(4).distinctReporters7d(4)
                .reportersByNetwork(new java.util.TreeMap<>(Map.of("n1", 2L, "n2", 1L, "n3", 1L))).distinctNetworks(3)
                .networkedReporters(4).build();
        // it alerted the day before, and was withdrawn when the list named it
        IndicatorState alerted = IndicatorState.first("indicator--6b0e4bd4-3c3e-4b0a-9e3c-2f7d5f0c1a11",
                T0.minus(java.time.Duration.ofDays(1))).revoke(T0.minusSeconds(60));
        Instant now = T0.plusSeconds(30);

        List<TransactWriteItem> writes = feed.benign(aggregate, alerted, now);
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0).update().updateExpression()).contains("benign = :true", "changedAt = :now");
        assertThat(writes.get(0).update().expressionAttributeValues().get(":now").s()).isEqualTo(now.toString());
        var summary = writes.get(1).update();
        assertThat(summary.key().get("pk").s()).isEqualTo(io.scamsignal.domain.storage.FeedTableKeys.mispDaysPartition("coll"));
        assertThat(summary.key().get("sk").s()).isEqualTo(io.scamsignal.domain.feed.MispFeed.eventUuid(
                java.time.LocalDate.parse("2026-11-28")));
        assertThat(summary.expressionAttributeValues().get(":ts").n()).isEqualTo(Long.toString(now.getEpochSecond()));
        assertThat(summary.conditionExpression()).isEqualTo("#ts = :seenTs");

        assertThat(feed.benign(aggregate, null, now)).hasSize(1);
    }

    /** A client whose every GetItem (the MISP day summary's read) gets {@code response}; nothing else is called. */
    private static DynamoDbClient answeringGetItem(GetItemResponse response) {
        return new DynamoDbClient() {
            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return response;
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
    }
}
