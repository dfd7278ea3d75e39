package io.scamsignal.partnerapi;

import com.fasterxml.jackson.core.type.TypeReference;
import io.scamsignal.domain.feed.FeedIndicator;
import io.scamsignal.domain.feed.MispFeed;
import io.scamsignal.domain.feed.NumberFeedPager;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.FeedTableKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The alerted indicators as the MISP and number feeds show them: the feed table's
 * {@code current#collection} partition, one item per indicator, written by alerting with each STIX
 * version, read through the indexes alerting keeps on it (FeedTableKeys): one MISP day's
 * indicators, the day summaries, the numbers in order of write or of expiry, a page at a time.
 * {@link #capacityUnits()} sums the read units of the queries, for the bench and the logs.
 */
final class DynamoDbCurrentIndicators {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final DynamoDbClient dynamoDb;
    private final String table;
    private double capacityUnits;

    DynamoDbCurrentIndicators(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    double capacityUnits() {
        return capacityUnits;
    }

    /** The indicators of one MISP day's event: a Query of ByMispDay, nothing of other days. */
    List<FeedIndicator> day(String collection, LocalDate day) {
        List<FeedIndicator> out = new ArrayList<>();
        Map<String, AttributeValue> lastKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(FeedTableKeys.BY_MISP_DAY_INDEX)
                    .keyConditionExpression("#d = :d").expressionAttributeNames(Map.of("#d", FeedTableKeys.MISP_DAY))
                    .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(FeedTableKeys.mispDay(collection, day.toString()))))
                    .returnConsumedCapacity("TOTAL");
            if (lastKey != null) {
                request.exclusiveStartKey(lastKey);
            }
            QueryResponse response = query(request.build());
            response.items().stream().filter(i -> i.containsKey("type")).forEach(i -> out.add(indicator(i)));
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (lastKey != null);
        return out;
    }

    /** Every day's summary, one small item per MISP event. */
    List<MispFeed.DaySummary> daySummaries(String collection) {
        List<MispFeed.DaySummary> out = new ArrayList<>();
        Map<String, AttributeValue> lastKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedTableKeys.mispDaysPartition(collection))))
                    .returnConsumedCapacity("TOTAL");
            if (lastKey != null) {
                request.exclusiveStartKey(lastKey);
            }
            QueryResponse response = query(request.build());
            response.items().forEach(i -> out.add(summary(i)));
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (lastKey != null);
        return out;
    }

    /** The summary of the event with this uuid, if there is one. */
    Optional<MispFeed.DaySummary> daySummary(String collection, String eventUuid) {
        GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table).key(Map.of(
                FeedTableKeys.PARTITION_KEY, AttributeValue.fromS(FeedTableKeys.mispDaysPartition(collection)),
                FeedTableKeys.SORT_KEY, AttributeValue.fromS(eventUuid))).returnConsumedCapacity("TOTAL"));
        count(response.consumedCapacity());
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(summary(response.item())) : Optional.empty();
    }

    private static MispFeed.DaySummary summary(Map<String, AttributeValue> item) {
        return new MispFeed.DaySummary(LocalDate.parse(item.get("day").s()), Long.parseLong(item.get("ts").n()),
                item.containsKey("tags") ? new TreeSet<>(item.get("tags").ss()) : new TreeSet<>());
    }

    /**
     * The numbers of one index (NumbersByWrite or NumbersByExpiry) after {@code start} (null: from
     * the first) up to {@code end}, in key order, read lazily in Queries of {@code batch} items.
     */
    Iterator<NumberFeedPager.Candidate> numbers(String collection, boolean byExpiry, String start, String end, int batch) {
        String index = byExpiry ? FeedTableKeys.NUMBERS_BY_EXPIRY_INDEX : FeedTableKeys.NUMBERS_BY_WRITE_INDEX;
        String pkName = byExpiry ? FeedTableKeys.NUM_EXPIRY_PK : FeedTableKeys.NUM_WRITE_PK;
        String skName = byExpiry ? FeedTableKeys.NUM_EXPIRY_SK : FeedTableKeys.NUM_WRITE_SK;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(FeedTableKeys.numbersPartition(collection)));
        values.put(":end", AttributeValue.fromS(end));
        String condition;
        if (start == null) {
            condition = "#pk = :pk AND #sk <= :end";
        } else {
            // BETWEEN is inclusive: the start key itself is dropped below
            condition = "#pk = :pk AND #sk BETWEEN :start AND :end";
            values.put(":start", AttributeValue.fromS(start));
        }
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(condition).expressionAttributeNames(Map.of("#pk", pkName, "#sk", skName))
                .expressionAttributeValues(values).limit(batch).returnConsumedCapacity("TOTAL").build();
        return new QueryPages<>(lastKey -> query(lastKey == null ? request : request.toBuilder().exclusiveStartKey(lastKey).build()),
                item -> {
                    String key = item.get(skName).s();
                    if (!item.containsKey("type") || key.equals(start)) {
                        return null;
                    }
                    AttributeValue expiry = item.get(FeedTableKeys.NUM_EXPIRY_SK);
                    return new NumberFeedPager.Candidate(key, item.get(FeedTableKeys.NUM_WRITE_SK).s(),
                            expiry == null ? null : expiry.s(), indicator(item));
                });
    }

    private QueryResponse query(QueryRequest request) {
        QueryResponse response = dynamoDb.query(request);
        count(response.consumedCapacity());
        return response;
    }

    private void count(ConsumedCapacity consumed) {
        if (consumed != null && consumed.capacityUnits() != null) {
            capacityUnits += consumed.capacityUnits();
        }
    }

    static FeedIndicator indicator(Map<String, AttributeValue> item) {
        try {
            return new FeedIndicator(item.get("stixId").s(), item.get("type").s(), item.get("value").s(),
                    new TreeSet<>(Json.mapper().readValue(item.get("brands").s(), STRINGS)),
                    item.containsKey("rules") ? List.copyOf(new TreeSet<>(item.get("rules").ss())) : List.of(),
                    Integer.parseInt(item.get("confidence").n()), Instant.parse(item.get("firstSeen").s()),
                    Instant.parse(item.get("lastSeen").s()), Long.parseLong(item.get("distinctReporters").n()),
                    Instant.parse(item.get("alertedAt").s()), Instant.parse(item.get("changedAt").s()),
                    Boolean.TRUE.equals(item.get("revoked").bool()),
                    // kept since sources exist: an item of an earlier alert has none
                    item.containsKey("sources") ? new TreeSet<>(Json.mapper().readValue(item.get("sources").s(), STRINGS))
                            : null, item.containsKey("benign") && Boolean.TRUE.equals(item.get("benign").bool()));
        } catch (IOException e) {
            throw new UncheckedIOException("stored brands unreadable", e);
        }
    }
}
