package io.scamsignal.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import io.scamsignal.aws.MispDaySummaryUpdate;
import io.scamsignal.domain.feed.MispFeed;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.storage.CurrentItemKeys;
import io.scamsignal.domain.storage.FeedTableKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@code feed-backfill}: gives the feed table's {@code current#collection} items written before the
 * feeds read through indexes the keys alerting now writes with them (ByMispDay, NumbersByWrite,
 * NumbersByExpiry; CurrentItemKeys computes them for both), and writes the {@code mispdays#collection}
 * summaries the MISP manifest is built from. Reads each partition a page at a time; writes an item
 * only where a key is missing or different, conditional on the item's {@code changedAt} and
 * {@code lastSeen} as read (a write by alerting in between re-reads it). A day's summary gets at
 * least the latest {@code changedAt} of its indicators (a benign number's too, once it alerted) and
 * the tags of their brands, rules and sources, merged
 * into what is there: timestamps only go up, tags only grow, conditional on the timestamp as read.
 * A day whose indicators all moved to another day is not recreated. Running it again writes nothing.
 *
 * <p>Reads {@code FEED_TABLE} (default: the local runner's {@code <STACK_NAME>-FeedTable}) and
 * {@code STIX_EXPIRY} (the stack's StixExpiry parameter; empty: the defaults).
 */
public final class FeedBackfill implements Ops.Command {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final int PAGE = 100;
    private static final int ATTEMPTS = 5;

    /** What a run did. */
    public record Counts(long scanned, long updated, long summaries) {
    }

    @Override
    public String usage() {
        return "(no arguments; FEED_TABLE, STIX_EXPIRY as the stack has them)";
    }

    @Override
    public int run(List<String> args, OpsEnvironment environment) {
        if (!args.isEmpty()) {
            System.err.println("usage: feed-backfill " + usage());
            return 2;
        }
        boolean tableNamed = environment.get("FEED_TABLE", null) != null;
        String table = environment.table("FEED_TABLE", "FeedTable");
        ExpiryRules expiry;
        try {
            expiry = ExpiryRules.parse(environment.get("STIX_EXPIRY", null));
        } catch (IllegalArgumentException e) {
            System.err.println("STIX_EXPIRY: " + e.getMessage());
            return 2;
        }
        try (DynamoDbClient dynamoDb = environment.dynamoDb(tableNamed)) {
            Counts total = new Counts(0, 0, 0);
            for (TaxiiResources.Collection collection : TaxiiResources.Collection.values()) {
                Counts counts = backfill(dynamoDb, table, collection.id(), expiry);
                total = new Counts(total.scanned() + counts.scanned(), total.updated() + counts.updated(),
                        total.summaries() + counts.summaries());
            }
            System.out.printf("feed-backfill: %d items scanned, %d updated, %d summaries written%n",
                    total.scanned(), total.updated(), total.summaries());
            return 0;
        }
    }

    /** One collection's current items and day summaries. */
    public static Counts backfill(DynamoDbClient dynamoDb, String table, String collection, ExpiryRules expiry) {
        long scanned = 0;
        long updated = 0;
        Map<LocalDate, Summary> days = new TreeMap<>();
        Map<String, AttributeValue> lastKey = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedTableKeys.currentPartition(collection))))
                    .consistentRead(true).limit(PAGE);
            if (lastKey != null) {
                request.exclusiveStartKey(lastKey);
            }
            QueryResponse page = dynamoDb.query(request.build());
            for (Map<String, AttributeValue> read : page.items()) {
                scanned++;
                Map<String, AttributeValue> item = read;
                for (int attempt = 1; ; attempt++) {
                    try {
                        if (update(dynamoDb, table, collection, item, expiry)) {
                            updated++;
                        }
                        break;
                    } catch (ConditionalCheckFailedException changed) {
                        // alerting wrote it since: read it again
                        if (attempt == ATTEMPTS) {
                            throw changed;
                        }
                        item = get(dynamoDb, table, item.get(FeedTableKeys.PARTITION_KEY), item.get(FeedTableKeys.SORT_KEY));
                        if (item.isEmpty()) {
                            break;
                        }
                    }
                }
                if (!item.isEmpty()) {
                    count(days, item);
                }
            }
            lastKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (lastKey != null);
        long summaries = 0;
        for (Map.Entry<LocalDate, Summary> day : days.entrySet()) {
            if (summary(dynamoDb, table, collection, day.getKey(), day.getValue())) {
                summaries++;
            }
        }
        return new Counts(scanned, updated, summaries);
    }

    /** Sets what differs from the keys alerting would have written; false when nothing does. */
    private static boolean update(DynamoDbClient dynamoDb, String table, String collection, Map<String, AttributeValue> item,
                                  ExpiryRules expiry) {
        String indicatorKey = item.get(FeedTableKeys.SORT_KEY).s();
        int hash = indicatorKey.indexOf('#');
        if (hash < 0 || !item.containsKey("changedAt") || !item.containsKey("alertedAt")) {
            return false;
        }
        String type = indicatorKey.substring(0, hash);
        String value = indicatorKey.substring(hash + 1);
        boolean benign = bool(item, "benign");
        boolean revoked = bool(item, "revoked");
        Instant changed = Instant.parse(item.get("changedAt").s());
        Map<String, String> want = new HashMap<>();
        List<String> remove = new ArrayList<>();
        // a benign number keeps the MISP day of an earlier alert, and has none without one
        if (!benign) {
            want.put(FeedTableKeys.MISP_DAY, FeedTableKeys.mispDay(collection,
                    CurrentItemKeys.mispDay(Instant.parse(item.get("alertedAt").s())).toString()));
        }
        CurrentItemKeys.NumberKeys number;
        if (benign) {
            number = CurrentItemKeys.benign(value, changed);
        } else {
            // a withdrawal's write carries no figures: the number stays at the withdrawal
            Instant lastSeen = revoked || !item.containsKey("lastSeen") ? null : Instant.parse(item.get("lastSeen").s());
            number = CurrentItemKeys.alerted(type, value, changed, lastSeen, revoked, expiry).orElse(null);
        }
        if (number != null) {
            want.put(FeedTableKeys.NUM_WRITE_SK, number.writeSk());
            want.put(FeedTableKeys.NUM_EXPIRY_PK, FeedTableKeys.numbersPartition(collection));
            want.put(FeedTableKeys.NUM_EXPIRY_SK, number.expirySk());
            if (number.live()) {
                want.put(FeedTableKeys.NUM_WRITE_PK, FeedTableKeys.numbersPartition(collection));
            } else if (item.containsKey(FeedTableKeys.NUM_WRITE_PK)) {
                remove.add(FeedTableKeys.NUM_WRITE_PK);
            }
        }
        want.entrySet().removeIf(e -> item.containsKey(e.getKey()) && e.getValue().equals(item.get(e.getKey()).s()));
        if (want.isEmpty() && remove.isEmpty()) {
            return false;
        }
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : want.entrySet()) {
            names.put("#k" + i, e.getKey());
            values.put(":v" + i, AttributeValue.fromS(e.getValue()));
            sets.add("#k" + i + " = :v" + i);
            i++;
        }
        List<String> removes = new ArrayList<>();
        for (String attribute : remove) {
            names.put("#k" + i, attribute);
            removes.add("#k" + i);
            i++;
        }
        String expression = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets))
                + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        names.put("#changed", "changedAt");
        names.put("#lastSeen", "lastSeen");
        values.put(":changed", item.get("changedAt"));
        String condition = "#changed = :changed AND " + (item.containsKey("lastSeen") ? "#lastSeen = :lastSeen"
                : "attribute_not_exists(#lastSeen)");
        if (item.containsKey("lastSeen")) {
            values.put(":lastSeen", item.get("lastSeen"));
        }
        dynamoDb.updateItem(b -> b.tableName(table).key(Map.of(FeedTableKeys.PARTITION_KEY, item.get(FeedTableKeys.PARTITION_KEY),
                        FeedTableKeys.SORT_KEY, item.get(FeedTableKeys.SORT_KEY)))
                .updateExpression(expression.strip()).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(values));
        return true;
    }

    /** What a day's event has seen of its indicators: the latest change, the tags. */
    private static final class Summary {
        long timestamp = Long.MIN_VALUE;
        final SortedSet<String> tags = new TreeSet<>();
    }

    private static void count(Map<LocalDate, Summary> days, Map<String, AttributeValue> item) {
        if (!item.containsKey("alertedAt") || !item.containsKey("changedAt")) {
            return;
        }
        boolean benign = bool(item, "benign");
        if (benign && !item.containsKey(FeedTableKeys.MISP_DAY)) {
            return;
        }
        Instant alerted = Instant.parse(item.get("alertedAt").s());
        Summary summary = days.computeIfAbsent(CurrentItemKeys.mispDay(alerted), d -> new Summary());
        // a benign number that alerted before: its benign writes change its attribute, and count in the day
        Instant changed = Instant.parse(item.get("changedAt").s());
        summary.timestamp = Math.max(summary.timestamp, changed.getEpochSecond());
        if (item.containsKey("type")) {
            summary.tags.addAll(MispFeed.tags(strings(item, "brands"),
                    item.containsKey("rules") ? item.get("rules").ss() : List.of(), strings(item, "sources")));
        }
    }

    /** Raises a day's summary to what its indicators show; false when it already does. */
    private static boolean summary(DynamoDbClient dynamoDb, String table, String collection, LocalDate day, Summary want) {
        Map<String, AttributeValue> key = MispDaySummaryUpdate.key(collection, day);
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> seen = get(dynamoDb, table, key.get(FeedTableKeys.PARTITION_KEY),
                    key.get(FeedTableKeys.SORT_KEY));
            SortedSet<String> missing = new TreeSet<>(want.tags);
            if (seen.containsKey("tags")) {
                missing.removeAll(seen.get("tags").ss());
            }
            boolean dayRight = seen.containsKey("day") && Objects.equals(seen.get("day").s(), day.toString());
            if (MispDaySummaryUpdate.timestamp(seen) >= want.timestamp && missing.isEmpty() && dayRight) {
                return false;
            }
            Update update = MispDaySummaryUpdate.of(table, collection, day, seen, want.timestamp, missing);
            try {
                dynamoDb.updateItem(b -> b.tableName(update.tableName()).key(update.key())
                        .updateExpression(update.updateExpression()).conditionExpression(update.conditionExpression())
                        .expressionAttributeNames(update.expressionAttributeNames())
                        .expressionAttributeValues(update.expressionAttributeValues()));
                return true;
            } catch (ConditionalCheckFailedException raced) {
                // alerting raised it since: read it again
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private static Map<String, AttributeValue> get(DynamoDbClient dynamoDb, String table, AttributeValue pk, AttributeValue sk) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(FeedTableKeys.PARTITION_KEY, pk, FeedTableKeys.SORT_KEY, sk))).item();
        return item == null ? Map.of() : item;
    }

    private static boolean bool(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) && Boolean.TRUE.equals(item.get(name).bool());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        if (!item.containsKey(name)) {
            return List.of();
        }
        try {
            return Json.mapper().readValue(item.get(name).s(), STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + name + " unreadable", e);
        }
    }
}
