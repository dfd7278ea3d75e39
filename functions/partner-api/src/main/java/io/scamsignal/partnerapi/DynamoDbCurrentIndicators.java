package io.scamsignal.partnerapi;

import com.fasterxml.jackson.core.type.TypeReference;
import io.scamsignal.domain.feed.FeedIndicator;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.FeedTableKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alerted indicators as the MISP and number feeds show them: the feed table's
 * {@code current#collection} partition, one item per indicator, written by alerting with each STIX
 * version. {@code typePrefix} narrows the read to one indicator type (the number feed reads phones only).
 */
final class DynamoDbCurrentIndicators {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final DynamoDbClient dynamoDb;
    private final String table;

    DynamoDbCurrentIndicators(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    List<FeedIndicator> read(String collection, String typePrefix) {
        List<FeedIndicator> out = new ArrayList<>();
        String condition = "pk = :pk" + (typePrefix == null ? "" : " AND begins_with(sk, :prefix)");
        Map<String, AttributeValue> values = typePrefix == null
                ? Map.of(":pk", AttributeValue.fromS(FeedTableKeys.currentPartition(collection)))
                : Map.of(":pk", AttributeValue.fromS(FeedTableKeys.currentPartition(collection)),
                ":prefix", AttributeValue.fromS(typePrefix + "#"));
        dynamoDb.queryPaginator(b -> b.tableName(table).keyConditionExpression(condition)
                .expressionAttributeValues(values)).items().forEach(item -> {
                    // an indicator withdrawn before this item existed has only its state: nothing to show
                    if (item.containsKey("type")) {
                        out.add(indicator(item));
                    }
                });
        return out;
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
                            : null);
        } catch (IOException e) {
            throw new UncheckedIOException("stored brands unreadable", e);
        }
    }
}
