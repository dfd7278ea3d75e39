package io.scamsignal.alerting.adapter;

import io.scamsignal.aws.MispDaySummaryUpdate;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.feed.FeedEntry;
import io.scamsignal.domain.feed.FeedEntry.FeedPosition;
import io.scamsignal.domain.feed.MispFeed;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.stix.StixTime;
import io.scamsignal.domain.storage.AlertsTableKeys;
import io.scamsignal.domain.storage.CurrentItemKeys;
import io.scamsignal.domain.storage.FeedTableKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The writes that go into an alert claim's transaction when the indicator gets a new STIX version:
 * its STIX state (an item of the alerts table per indicator, {@code stix#type#value}) and the
 * version's objects appended to the feed table. Every write is conditional on what was read (the
 * state's version, the collection's counter), so two writers racing for the same counter or the
 * same indicator cannot both commit; the loser's whole transaction, claim included, is cancelled and
 * retried from fresh reads.
 *
 * <p>Feed entries carry {@code first} and {@code last}, the first and latest versions of their
 * object; appending a newer version updates {@code last} on the previous entry in the same
 * transaction, so a page knows which entries are the latest versions (TAXII's default
 * {@code match[version]=last}) without a read per object.
 */
final class StixFeedWrites {


    private final DynamoDbClient dynamoDb;
    private final String alertsTable;
    private final String feedTable;
    private final String collection;
    private final ExpiryRules expiry;

    StixFeedWrites(DynamoDbClient dynamoDb, String alertsTable, String feedTable, String collection) {
        this(dynamoDb, alertsTable, feedTable, collection, ExpiryRules.DEFAULTS);
    }

    /** @param expiry the STIX expiry rules: a number's valid-until is its key in the feed's expiry index */
    StixFeedWrites(DynamoDbClient dynamoDb, String alertsTable, String feedTable, String collection, ExpiryRules expiry) {
        this.expiry = expiry;
        this.dynamoDb = dynamoDb;
        this.alertsTable = alertsTable;
        this.feedTable = feedTable;
        this.collection = collection;
    }

    /** What was read before a transaction: the indicator's STIX state item and the collection's counter. */
    record Snapshot(Map<String, AttributeValue> state, Map<String, AttributeValue> counter) {

        IndicatorState indicatorState() {
            if (state.isEmpty()) {
                return null;
            }
            return new IndicatorState(state.get("stixId").s(), Instant.parse(state.get("stixCreated").s()),
                    Instant.parse(state.get("stixModified").s()), Boolean.TRUE.equals(state.get("stixRevoked").bool()));
        }

        FeedPosition lastPosition() {
            return counter.isEmpty() ? null : FeedPosition.parse(counter.get("last").s());
        }

        Set<String> appendedOnce() {
            AttributeValue once = counter.get("once");
            return once == null ? Set.of() : new HashSet<>(once.ss());
        }
    }

    /** The indicator's STIX state, null when it never alerted. */
    IndicatorState state(String indicatorKey) {
        return new Snapshot(get(alertsTable, Map.of(AlertsTableKeys.ALERT_ID, s(AlertsTableKeys.stixState(indicatorKey)))),
                Map.of()).indicatorState();
    }

    Snapshot read(String indicatorKey) {
        return new Snapshot(get(alertsTable, Map.of(AlertsTableKeys.ALERT_ID, s(AlertsTableKeys.stixState(indicatorKey)))),
                get(feedTable, counterKey()));
    }

    /**
     * The writes that store {@code next} as the indicator's state and append {@code objects} (a
     * bundle's objects: referenced ones, indicator, observable, sighting). Referenced objects
     * (identity, marking, extension-definitions) go into the collection once; the observable only with
     * the first version of an indicator (it has a single version, and a reopened indicator keeps it).
     */
    List<TransactWriteItem> writes(String indicatorKey, Snapshot seen, IndicatorState next,
                                   List<Map<String, Object>> objects, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Set<String> once = seen.appendedOnce();
        Set<String> newlyOnce = new HashSet<>();
        FeedPosition position = seen.lastPosition();
        String indicatorEntry = null;
        String sightingEntry = null;
        Map<String, AttributeValue> previous = seen.state();
        for (Map<String, Object> object : objects) {
            String id = String.valueOf(object.get("id"));
            String type = String.valueOf(object.get("type"));
            // the primary object (an indicator, or a ring's campaign) and an indicator's sighting have versions
            boolean primary = type.equals("indicator") || type.equals("campaign");
            boolean versioned = primary || type.equals("sighting");
            if (!versioned && !isObservable(object)) {
                if (once.contains(id)) {
                    continue;
                }
                newlyOnce.add(id);
            }
            if (isObservable(object) && !previous.isEmpty()) {
                continue;
            }
            position = FeedEntry.next(position, now);
            FeedEntry entry = FeedEntry.of(collection, position, Json.write(object));
            String first = StixTime.format(entry.version());
            String previousKey = primary ? attr(previous, "indicatorEntry")
                    : type.equals("sighting") ? attr(previous, "sightingEntry") : null;
            boolean sameObject = previousKey != null && !previous.isEmpty()
                    && next.stixId().equals(previous.get("stixId").s());
            if (sameObject) {
                first = previous.get(primary ? "indicatorFirst" : "sightingFirst").s();
                // the previous version is no longer the latest
                writes.add(TransactWriteItem.builder().update(Update.builder().tableName(feedTable)
                        .key(Map.of(FeedTableKeys.PARTITION_KEY, s(collection), FeedTableKeys.SORT_KEY, s(previousKey)))
                        .updateExpression("SET #last = :last")
                        .conditionExpression("attribute_exists(" + FeedTableKeys.SORT_KEY + ")")
                        .expressionAttributeNames(Map.of("#last", "last"))
                        .expressionAttributeValues(Map.of(":last", s(StixTime.format(entry.version())))).build()).build());
            }
            if (primary) {
                indicatorEntry = entry.sortKey() + "|" + first;
            } else if (type.equals("sighting")) {
                sightingEntry = entry.sortKey() + "|" + first;
            }
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(FeedTableKeys.PARTITION_KEY, s(collection));
            item.put(FeedTableKeys.SORT_KEY, s(entry.sortKey()));
            item.put(FeedTableKeys.OBJECT_ID, s(entry.objectId()));
            item.put("type", s(entry.type()));
            item.put("version", s(StixTime.format(entry.version())));
            item.put("first", s(first));
            item.put("last", s(StixTime.format(entry.version())));
            item.put("object", s(entry.objectJson()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(feedTable).item(item)
                    .conditionExpression("attribute_not_exists(" + FeedTableKeys.SORT_KEY + ")").build()).build());
        }
        // the counter: still the value read, now the last position appended
        Map<String, AttributeValue> counterValues = new HashMap<>();
        counterValues.put(":last", s(position.sortKey()));
        StringBuilder set = new StringBuilder("SET #last = :last");
        if (!newlyOnce.isEmpty()) {
            set.append(" ADD #once :once");
            counterValues.put(":once", AttributeValue.fromSs(List.copyOf(newlyOnce)));
        }
        String condition;
        if (seen.counter().isEmpty()) {
            condition = "attribute_not_exists(#last)";
        } else {
            condition = "#last = :seen";
            counterValues.put(":seen", seen.counter().get("last"));
        }
        Map<String, String> names = new HashMap<>(Map.of("#last", "last"));
        if (!newlyOnce.isEmpty()) {
            names.put("#once", "once");
        }
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(feedTable).key(counterKey())
                .updateExpression(set.toString()).conditionExpression(condition)
                .expressionAttributeNames(names).expressionAttributeValues(counterValues).build()).build());
        writes.add(TransactWriteItem.builder().put(statePut(indicatorKey, seen, next,
                split(indicatorEntry, previous, "indicatorEntry"), split(sightingEntry, previous, "sightingEntry"))).build());
        return writes;
    }

    /**
     * The indicator's current item for the MISP and number feeds: its figures as the alert saw them
     * ({@code figures} null for a withdrawal, which changes only the state), its rules accumulated,
     * and the keys of the indexes the feeds page by (FeedTableKeys); and the summary of the MISP
     * day its event is in (and of the day it leaves, when a reopened indicator moves), conditional on
     * the summary as read here, so a race cancels the transaction and the claim retries.
     *
     * @param previous the indicator's state before this change, null on its first alert
     */
    List<TransactWriteItem> current(String indicatorKey, IndicatorState previous, IndicatorState next, Figures figures) {
        String type = indicatorKey.substring(0, indicatorKey.indexOf('#'));
        String value = indicatorKey.substring(indicatorKey.indexOf('#') + 1);
        String day = CurrentItemKeys.mispDay(next.created()).toString();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET stixId = :id, alertedAt = :created, changedAt = :modified,"
                + " revoked = :revoked, #mispDay = :mispDay");
        values.put(":id", s(next.stixId()));
        values.put(":created", s(next.created().toString()));
        values.put(":modified", s(next.modified().toString()));
        values.put(":revoked", AttributeValue.fromBool(next.revoked()));
        names.put("#mispDay", FeedTableKeys.MISP_DAY);
        values.put(":mispDay", s(FeedTableKeys.mispDay(collection, day)));
        String add = "";
        String remove = "";
        if (figures != null) {
            set.append(", #type = :type, #value = :value, firstSeen = :first, lastSeen = :last,"
                    + " distinctReporters = :reporters, confidence = :confidence, brands = :brands, sources = :sources,"
                    + " benign = :notBenign");
            values.put(":notBenign", AttributeValue.fromBool(false));
            names.put("#type", "type");
            names.put("#value", "value");
            values.put(":type", s(figures.type()));
            values.put(":value", s(figures.value()));
            values.put(":first", s(figures.firstSeen().toString()));
            values.put(":last", s(figures.lastSeen().toString()));
            values.put(":reporters", AttributeValue.fromN(Long.toString(figures.distinctReporters())));
            values.put(":confidence", AttributeValue.fromN(Integer.toString(figures.confidence())));
            values.put(":brands", s(Json.write(figures.brands())));
            values.put(":sources", s(Json.write(figures.sources())));
            add = " ADD #rules :rule";
            names.put("#rules", "rules");
            values.put(":rule", AttributeValue.fromSs(List.of(figures.rule())));
        }
        CurrentItemKeys.NumberKeys number = CurrentItemKeys.alerted(type, value, next.modified(),
                figures == null ? null : figures.lastSeen(), next.revoked(), expiry).orElse(null);
        if (number != null) {
            // a write moves the number in the feed to the time of the write (a later report counts)
            set.append(", #numWriteSk = :numWriteSk, #numExpiryPk = :numPk, #numExpirySk = :numExpirySk");
            names.put("#numWriteSk", FeedTableKeys.NUM_WRITE_SK);
            names.put("#numExpiryPk", FeedTableKeys.NUM_EXPIRY_PK);
            names.put("#numExpirySk", FeedTableKeys.NUM_EXPIRY_SK);
            names.put("#numWritePk", FeedTableKeys.NUM_WRITE_PK);
            values.put(":numPk", s(FeedTableKeys.numbersPartition(collection)));
            values.put(":numWriteSk", s(number.writeSk()));
            values.put(":numExpirySk", s(number.expirySk()));
            if (number.live()) {
                // live: at its write until it expires, then at its expiry
                set.append(", #numWritePk = :numPk");
            } else {
                // withdrawn for ever (or already expired when written): it stays at this write
                remove = " REMOVE #numWritePk";
            }
        }
        Update update = Update.builder().tableName(feedTable)
                .key(Map.of(FeedTableKeys.PARTITION_KEY, s(FeedTableKeys.currentPartition(collection)),
                        FeedTableKeys.SORT_KEY, s(indicatorKey)))
                .updateExpression(set + remove + add).expressionAttributeValues(values)
                .expressionAttributeNames(names).build();
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(update).build());
        Set<String> tags = figures == null ? Set.of()
                : MispFeed.tags(figures.brands(), List.of(figures.rule()), figures.sources());
        writes.add(daySummary(day, next.modified(), tags));
        if (previous != null) {
            String left = CurrentItemKeys.mispDay(previous.created()).toString();
            if (!left.equals(day)) {
                // the indicator left that day's event: its timestamp moves so MISP fetches it again
                writes.add(daySummary(left, next.modified(), Set.of()));
            }
        }
        return writes;
    }

    /**
     * A benign number's current item (it gets no STIX version): its figures, {@code benign}, keyed at
     * {@code now} in the settled index so pollers see the change (it never expires), out of the live
     * one. An earlier alert's state (stixId, alertedAt, its MISP day) is kept; when there is one
     * ({@code alerted} not null), the number's attribute in that day's MISP event changes with this
     * write, so the day's summary is raised to it in the same transaction and MISP fetches the event
     * again (conditional on the summary as read: a race cancels, and the caller retries).
     */
    List<TransactWriteItem> benign(IndicatorAggregate aggregate, IndicatorState alerted, Instant now) {
        Instant written = aggregate.lastSeen().isAfter(now) ? aggregate.lastSeen() : now;
        UpdateItemRequest item = benignItem(aggregate, written);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(item.tableName()).key(item.key())
                .updateExpression(item.updateExpression()).expressionAttributeNames(item.expressionAttributeNames())
                .expressionAttributeValues(item.expressionAttributeValues()).build()).build());
        if (alerted != null) {
            writes.add(daySummary(CurrentItemKeys.mispDay(alerted.created()).toString(), written, Set.of()));
        }
        return writes;
    }

    private UpdateItemRequest benignItem(IndicatorAggregate aggregate, Instant written) {
        String value = aggregate.indicator().value();
        String key = aggregate.indicator().key();
        Map<String, String> names = new HashMap<>(Map.of("#type", "type", "#value", "value",
                "#numWritePk", FeedTableKeys.NUM_WRITE_PK, "#numWriteSk", FeedTableKeys.NUM_WRITE_SK,
                "#numExpiryPk", FeedTableKeys.NUM_EXPIRY_PK, "#numExpirySk", FeedTableKeys.NUM_EXPIRY_SK));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(StixIds.indicatorIdFor(key)));
        values.put(":now", s(written.toString()));
        values.put(":false", AttributeValue.fromBool(false));
        values.put(":true", AttributeValue.fromBool(true));
        values.put(":type", s(aggregate.indicator().type().wireName()));
        values.put(":value", s(value));
        values.put(":first", s(aggregate.firstSeen().toString()));
        values.put(":last", s(aggregate.lastSeen().toString()));
        values.put(":reporters", AttributeValue.fromN(Long.toString(aggregate.distinctReporters())));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":brands", s(Json.write(List.copyOf(aggregate.brands()))));
        values.put(":sources", s(Json.write(List.copyOf(aggregate.sources().keySet()))));
        values.put(":numPk", s(FeedTableKeys.numbersPartition(collection)));
        values.put(":numWriteSk", s(CurrentItemKeys.benign(value, written).writeSk()));
        return UpdateItemRequest.builder().tableName(feedTable)
                .key(Map.of(FeedTableKeys.PARTITION_KEY, s(FeedTableKeys.currentPartition(collection)),
                        FeedTableKeys.SORT_KEY, s(key)))
                .updateExpression("SET stixId = if_not_exists(stixId, :id), alertedAt = if_not_exists(alertedAt, :now),"
                        + " changedAt = :now, revoked = if_not_exists(revoked, :false), benign = :true, #type = :type,"
                        + " #value = :value, firstSeen = :first, lastSeen = :last, distinctReporters = :reporters,"
                        + " confidence = :zero, brands = :brands, sources = :sources, #numWriteSk = :numWriteSk,"
                        + " #numExpiryPk = :numPk, #numExpirySk = :numWriteSk REMOVE #numWritePk")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    /**
     * The summary of a day's MISP event: its timestamp raised to {@code changed} (never lowered),
     * its tags added to, a revision counted; conditional on the timestamp read just now.
     */
    private TransactWriteItem daySummary(String day, Instant changed, Set<String> tags) {
        LocalDate date = LocalDate.parse(day);
        Map<String, AttributeValue> seen = get(feedTable, MispDaySummaryUpdate.key(collection, date));
        return TransactWriteItem.builder().update(MispDaySummaryUpdate.of(feedTable, collection, date, seen,
                changed.getEpochSecond(), tags)).build();
    }

    /** What the feeds show of an alerted indicator, from the alert. */
    record Figures(String type, String value, List<String> brands, String rule, int confidence, Instant firstSeen,
                   Instant lastSeen, long distinctReporters, List<String> sources) {
    }

    private Put statePut(String indicatorKey, Snapshot seen, IndicatorState next, String[] indicator, String[] sighting) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AlertsTableKeys.ALERT_ID, s(AlertsTableKeys.stixState(indicatorKey)));
        item.put("stixId", s(next.stixId()));
        item.put("stixCreated", s(StixTime.format(next.created())));
        item.put("stixModified", s(StixTime.format(next.modified())));
        item.put("stixRevoked", AttributeValue.fromBool(next.revoked()));
        if (indicator != null) {
            item.put("indicatorEntry", s(indicator[0]));
            item.put("indicatorFirst", s(indicator[1]));
        }
        if (sighting != null) {
            item.put("sightingEntry", s(sighting[0]));
            item.put("sightingFirst", s(sighting[1]));
        }
        Put.Builder put = Put.builder().tableName(alertsTable).item(item);
        if (seen.state().isEmpty()) {
            return put.conditionExpression("attribute_not_exists(alertId)").build();
        }
        return put.conditionExpression("stixModified = :seen AND stixId = :id")
                .expressionAttributeValues(Map.of(":seen", seen.state().get("stixModified"), ":id", seen.state().get("stixId")))
                .build();
    }

    /** The new entry's key and first version, or the previous ones when this write appends none. */
    private static String[] split(String written, Map<String, AttributeValue> previous, String attribute) {
        if (written != null) {
            int bar = written.indexOf('|');
            return new String[] {written.substring(0, bar), written.substring(bar + 1)};
        }
        String key = attr(previous, attribute);
        String first = attr(previous, attribute.replace("Entry", "First"));
        return key == null || first == null ? null : new String[] {key, first};
    }

    private static boolean isObservable(Map<String, Object> object) {
        return object.containsKey("value") && !object.containsKey("created");
    }

    private Map<String, AttributeValue> counterKey() {
        return Map.of(FeedTableKeys.PARTITION_KEY, s(FeedTableKeys.counterPartition(collection)),
                FeedTableKeys.SORT_KEY, s(FeedTableKeys.COUNTER));
    }

    private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table).key(key)
                .consistentRead(true).build()).item();
        return item == null ? Map.of() : item;
    }

    private static String attr(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
