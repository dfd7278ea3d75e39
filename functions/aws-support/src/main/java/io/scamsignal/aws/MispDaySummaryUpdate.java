package io.scamsignal.aws;

import io.scamsignal.domain.feed.MispFeed;
import io.scamsignal.domain.storage.FeedTableKeys;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The update of one MISP day's summary item (FeedTableKeys: partition {@code mispdays#collection}):
 * its timestamp raised to at least {@code timestamp} (never lowered), {@code tags} added, the revision
 * counted, conditional on the timestamp as read. Alerting writes it in the claim's transaction and
 * {@code make feed-backfill} on its own: one expression for both.
 */
public final class MispDaySummaryUpdate {

    private MispDaySummaryUpdate() {
    }

    /** The summary's key. */
    public static Map<String, AttributeValue> key(String collection, LocalDate day) {
        return Map.of(FeedTableKeys.PARTITION_KEY, AttributeValue.fromS(FeedTableKeys.mispDaysPartition(collection)),
                FeedTableKeys.SORT_KEY, AttributeValue.fromS(MispFeed.eventUuid(day)));
    }

    /** The summary's timestamp as read (epoch seconds), {@link Long#MIN_VALUE} when it has none. */
    public static long timestamp(Map<String, AttributeValue> seen) {
        return seen.containsKey("ts") ? Long.parseLong(seen.get("ts").n()) : Long.MIN_VALUE;
    }

    /** @param seen the summary item as read (empty when there is none) */
    public static Update of(String table, String collection, LocalDate day, Map<String, AttributeValue> seen,
                            long timestamp, Collection<String> tags) {
        Map<String, String> names = new HashMap<>(Map.of("#day", "day", "#ts", "ts", "#rev", "rev"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":day", AttributeValue.fromS(day.toString()));
        values.put(":ts", AttributeValue.fromN(Long.toString(Math.max(timestamp(seen), timestamp))));
        values.put(":one", AttributeValue.fromN("1"));
        String expression = "SET #day = :day, #ts = :ts ADD #rev :one";
        if (!tags.isEmpty()) {
            expression += ", #tags :tags";
            names.put("#tags", "tags");
            values.put(":tags", AttributeValue.fromSs(List.copyOf(tags)));
        }
        String condition;
        if (seen.containsKey("ts")) {
            condition = "#ts = :seenTs";
            values.put(":seenTs", seen.get("ts"));
        } else {
            condition = "attribute_not_exists(#ts)";
        }
        return Update.builder().tableName(table).key(key(collection, day)).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values).build();
    }
}
