package io.scamsignal.alerting.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixCampaign;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.storage.AlertsTableKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Alerts table ({@code alertId} key): status CLAIMED → SENT, for indicator and ring alerts alike. The message is stored with the claim,
 * so every publish of one alert carries the same body, however often it is retried.
 */
public final class DynamoDbAlertClaims implements AlertClaims {

    private static final String CLAIMED = "CLAIMED";
    private static final String SENT = "SENT";
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final String byIndicatorIndex;
    private final Duration lease;
    private final StixFeedWrites feed;
    private final StixFeedWrites ringFeed;

    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, Duration lease) {
        this(dynamoDb, table, null, lease);
    }

    /** @param byIndicatorIndex the table's index on (indicator, alertId), for retractions */
    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, String byIndicatorIndex, Duration lease) {
        this(dynamoDb, table, byIndicatorIndex, lease, null, null);
    }

    /**
     * With the partner feed: each new claim also stores the indicator's STIX state and appends its
     * objects to {@code feedTable}'s {@code collection}, in one transaction with the claim; ring
     * alerts' campaigns go to the rings collection of the same table.
     */
    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, String byIndicatorIndex, Duration lease,
                               String feedTable, String collection) {
        this(dynamoDb, table, byIndicatorIndex, lease, feedTable, collection, TaxiiResources.Collection.RINGS.id());
    }

    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, String byIndicatorIndex, Duration lease,
                               String feedTable, String collection, String ringsCollection) {
        this(dynamoDb, table, byIndicatorIndex, lease, feedTable, collection, ringsCollection, ExpiryRules.DEFAULTS);
    }

    /** @param expiry the STIX expiry rules, which order the number feed's expiry index */
    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, String byIndicatorIndex, Duration lease,
                               String feedTable, String collection, String ringsCollection, ExpiryRules expiry) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.byIndicatorIndex = byIndicatorIndex;
        this.lease = lease;
        this.feed = feedTable == null ? null : new StixFeedWrites(dynamoDb, table, feedTable, collection, expiry);
        this.ringFeed = feedTable == null ? null : new StixFeedWrites(dynamoDb, table, feedTable, ringsCollection, expiry);
    }

    /** Transactions that lost a race (a counter or state moved on) are retried from fresh reads this often. */
    private static final int ATTEMPTS = 20;

    @Override
    public Result claim(String alertId, String indicatorKey, Function<IndicatorState, AlertMessage> candidate,
                        String owner, Instant now) {
        if (feed == null) {
            return claim(alertId, () -> candidate.apply(null), owner, now);
        }
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> stored = read(alertId);
            if (!stored.isEmpty()) {
                return existing(alertId, stored, owner, now);
            }
            StixFeedWrites.Snapshot seen = feed.read(indicatorKey);
            IndicatorState current = seen.indicatorState();
            IndicatorState next = current == null ? IndicatorState.first(StixIds.newIndicatorId(), now)
                    : current.revoked() ? current.reopened(StixIds.newIndicatorId(), now) : current.changed(now);
            AlertMessage message = candidate.apply(next);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> objects = (List<Map<String, Object>>) message.stix().get("objects");
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(claimPut(alertId, stored(message), owner, now));
            writes.addAll(feed.writes(indicatorKey, seen, next, objects, now));
            writes.addAll(feed.current(indicatorKey, current, next, figures(message, objects)));
            // else someone else claimed this alert (the next read says so) or moved the counter or the
            // indicator's state on: read again and retry
            if (transact(writes, attempt)) {
                return new Result.Claimed(message);
            }
        }
    }

    @Override
    public void revokeStix(String indicatorKey, Function<IndicatorState, List<Map<String, Object>>> objects, Instant now) {
        if (feed == null) {
            return;
        }
        revoke(feed, indicatorKey, objects, now, true);
    }

    @Override
    public void revokeRingStix(String ringId, Function<IndicatorState, List<Map<String, Object>>> objects, Instant now) {
        if (ringFeed == null) {
            return;
        }
        revoke(ringFeed, RING_KEY_PREFIX + ringId, objects, now, false);
    }

    @Override
    public void showBenign(IndicatorAggregate aggregate, Instant now) {
        if (feed == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            // an earlier alert's MISP day summary moves with the write: a race on it cancels, read again
            if (transact(feed.benign(aggregate, feed.state(aggregate.indicator().key()), now), attempt)) {
                return;
            }
        }
    }

    /** Keys of ring campaigns' state items ({@code stix#ring#<ringId>}); no indicator type is called ring. */
    private static final String RING_KEY_PREFIX = "ring#";

    private void revoke(StixFeedWrites feed, String key, Function<IndicatorState, List<Map<String, Object>>> objects,
                        Instant now, boolean withCurrent) {
        for (int attempt = 1; ; attempt++) {
            StixFeedWrites.Snapshot seen = feed.read(key);
            IndicatorState current = seen.indicatorState();
            if (current == null || current.revoked()) {
                return;
            }
            IndicatorState revoked = current.revoke(now);
            List<TransactWriteItem> writes = new ArrayList<>(feed.writes(key, seen, revoked, objects.apply(revoked), now));
            if (withCurrent) {
                writes.addAll(feed.current(key, current, revoked, null));
            }
            if (transact(writes, attempt)) {
                return;
            }
        }
    }

    /** The alert's figures for the feeds; confidence from its STIX indicator (0 where it has none). */
    private static StixFeedWrites.Figures figures(AlertMessage message, List<Map<String, Object>> objects) {
        int confidence = objects.stream().filter(o -> "indicator".equals(o.get("type")))
                .map(o -> o.get("confidence")).filter(c -> c instanceof Number).map(c -> ((Number) c).intValue())
                .findFirst().orElse(0);
        return new StixFeedWrites.Figures(message.indicator().type(), message.indicator().value(),
                List.copyOf(message.observed().brands()), message.rule(), confidence, message.observed().firstSeen(),
                message.observed().lastSeen(), message.observed().distinctReporters(), message.observed().sourceNames());
    }

    /**
     * One attempt at a transaction that reads before it writes: false when it was cancelled and is to
     * be retried from fresh reads (after a pause), the cancellation itself after the last attempt.
     */
    private boolean transact(List<TransactWriteItem> writes, int attempt) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (attempt >= ATTEMPTS) {
                throw e;
            }
            backoff(attempt);
            return false;
        }
    }

    /** The claim item's put, in a transaction: only if nobody claimed the alert yet. */
    private TransactWriteItem claimPut(String alertId, Stored message, String owner, Instant now) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(claimItem(alertId, message, owner, now))
                .conditionExpression("attribute_not_exists(alertId)").build()).build();
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(Math.min(200, 5L * attempt) + ThreadLocalRandom.current().nextInt(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What a claim stores of an indicator alert. */
    private static Stored stored(AlertMessage message) {
        return new Stored(message.rule(), AlertsTableKeys.indicator(message.indicator().type(), message.indicator().value()),
                message.createdAt(), Json.write(message));
    }

    /** What a claim stores of a ring alert: found by its ring through the same index, as ring#<ringId>. */
    private static Stored stored(RingAlertMessage message) {
        return new Stored(message.rule(), AlertsTableKeys.indicator("ring", message.ring().ringId()),
                message.createdAt(), Json.write(message));
    }

    private Result existing(String alertId, Map<String, AttributeValue> stored, String owner, Instant now) {
        if (SENT.equals(stored.get("status").s())) {
            return new Result.AlreadySent();
        }
        return switch (takeOver(alertId, stored, "status", "owner", "leaseUntil", owner, now)) {
            case Raw.Claimed c -> new Result.Claimed(fromJson(c.json()));
            case Raw.AlreadySent a -> new Result.AlreadySent();
            case Raw.HeldElsewhere h -> new Result.HeldElsewhere();
        };
    }

    @Override
    public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
        return switch (claimStored(alertId, () -> stored(candidate.get()), owner, now)) {
            case Raw.Claimed c -> new Result.Claimed(fromJson(c.json()));
            case Raw.AlreadySent a -> new Result.AlreadySent();
            case Raw.HeldElsewhere h -> new Result.HeldElsewhere();
        };
    }

    /**
     * A ring alert's claim without STIX: a plain conditional put on the Alerts table (the overload
     * with {@link AlertClaims.RingStixObjects} also appends the ring's campaign to the rings collection).
     */
    @Override
    public RingResult claimRing(String alertId, Supplier<RingAlertMessage> candidate, String owner, Instant now) {
        return switch (claimStored(alertId, () -> stored(candidate.get()), owner, now)) {
            case Raw.Claimed c -> new RingResult.Claimed(ringFromJson(c.json()));
            case Raw.AlreadySent a -> new RingResult.AlreadySent();
            case Raw.HeldElsewhere h -> new RingResult.HeldElsewhere();
        };
    }


    @Override
    public RingResult claimRing(String alertId, Supplier<RingAlertMessage> candidate, RingStixObjects stix,
                                String owner, Instant now) {
        if (ringFeed == null) {
            return claimRing(alertId, candidate, owner, now);
        }
        RingAlertMessage message = null;
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> stored = read(alertId);
            if (!stored.isEmpty()) {
                if (SENT.equals(stored.get("status").s())) {
                    return new RingResult.AlreadySent();
                }
                return ringResult(takeOver(alertId, stored, "status", "owner", "leaseUntil", owner, now));
            }
            message = message != null ? message : candidate.get();
            String ringId = message.ring().ringId();
            StixFeedWrites.Snapshot seen = ringFeed.read(RING_KEY_PREFIX + ringId);
            IndicatorState current = seen.indicatorState();
            IndicatorState next = current == null ? IndicatorState.first(StixCampaign.idOf(ringId), now)
                    : current.revoked() ? current.reopened(StixCampaign.reopenedIdOf(ringId, current.modified()), now)
                    : current.changed(now);
            List<Map<String, Object>> objects = stix.objects(next, message, indicatorIds(message.indicators()));
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(claimPut(alertId, stored(message), owner, now));
            writes.addAll(ringFeed.writes(RING_KEY_PREFIX + ringId, seen, next, objects, now));
            // else claimed elsewhere meanwhile (the next read says so), or the rings collection's counter or
            // the campaign's state moved on: read again and retry
            if (transact(writes, attempt)) {
                return new RingResult.Claimed(message);
            }
        }
    }

    /**
     * The current STIX indicator ids of these indicators (by key), those that have one and are not
     * revoked: a withdrawn indicator indicates nothing.
     */
    private Map<String, String> indicatorIds(List<AlertMessage.IndicatorRef> indicators) {
        Map<String, String> ids = new TreeMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (AlertMessage.IndicatorRef i : indicators) {
            keys.add(Map.of(AlertsTableKeys.ALERT_ID, s(AlertsTableKeys.stixState(AlertsTableKeys.indicator(i.type(), i.value())))));
        }
        // at most RingAlertMessage.MAX_INDICATORS (20) keys: one BatchGetItem, repeated for unprocessed keys
        Map<String, KeysAndAttributes> pending = keys.isEmpty() ? Map.of()
                : Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!pending.isEmpty()) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(request));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                if (!Boolean.TRUE.equals(item.get("stixRevoked").bool())) {
                    ids.put(item.get(AlertsTableKeys.ALERT_ID).s().substring(AlertsTableKeys.stixState("").length()),
                            item.get("stixId").s());
                }
            }
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return ids;
    }

    private static RingResult ringResult(Raw raw) {
        return switch (raw) {
            case Raw.Claimed c -> new RingResult.Claimed(ringFromJson(c.json()));
            case Raw.AlreadySent a -> new RingResult.AlreadySent();
            case Raw.HeldElsewhere h -> new RingResult.HeldElsewhere();
        };
    }

    /** What a claim item stores of its message. */
    private record Stored(String rule, String indicator, Instant createdAt, String json) {
    }

    /** A claim's outcome with the stored message's JSON, whichever kind of alert it is. */
    private sealed interface Raw {
        record Claimed(String json) implements Raw {
        }

        record AlreadySent() implements Raw {
        }

        record HeldElsewhere() implements Raw {
        }
    }

    private Map<String, AttributeValue> claimItem(String alertId, Stored message, String owner, Instant now) {
        return Map.of(
                AlertsTableKeys.ALERT_ID, s(alertId),
                "status", s(CLAIMED),
                "owner", s(owner),
                "leaseUntil", n(now.plus(lease).toEpochMilli()),
                "rule", s(message.rule()),
                AlertsTableKeys.INDICATOR, s(message.indicator()),
                "createdAt", s(message.createdAt().toString()),
                "message", s(message.json()));
    }

    private Raw claimStored(String alertId, Supplier<Stored> candidate, String owner, Instant now) {
        Map<String, AttributeValue> stored = read(alertId);
        if (stored.isEmpty()) {
            Stored message = candidate.get();
            try {
                dynamoDb.putItem(PutItemRequest.builder().tableName(table)
                        .item(claimItem(alertId, message, owner, now))
                        .conditionExpression("attribute_not_exists(alertId)")
                        .build());
                return new Raw.Claimed(message.json());
            } catch (ConditionalCheckFailedException e) {
                stored = read(alertId);
            }
        }
        if (SENT.equals(stored.get("status").s())) {
            return new Raw.AlreadySent();
        }
        return takeOver(alertId, stored, "status", "owner", "leaseUntil", owner, now);
    }

    /**
     * A claim (of an alert, or of its retraction: the attribute names say which) that is CLAIMED:
     * its owner takes it back at once, anyone else once its lease ran out, and only if nobody else
     * did since it was read.
     */
    private Raw takeOver(String alertId, Map<String, AttributeValue> stored, String statusAttribute,
                         String ownerAttribute, String leaseAttribute, String owner, Instant now) {
        boolean mine = owner.equals(stored.get(ownerAttribute).s());
        if (!mine && Long.parseLong(stored.get(leaseAttribute).n()) > now.toEpochMilli()) {
            return new Raw.HeldElsewhere();
        }
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of(AlertsTableKeys.ALERT_ID, s(alertId)))
                    .updateExpression("SET #owner = :me, #lease = :until")
                    .conditionExpression("#status = :claimed AND #owner = :seenOwner AND #lease = :seenLease")
                    .expressionAttributeNames(Map.of("#owner", ownerAttribute, "#status", statusAttribute,
                            "#lease", leaseAttribute))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":until", n(now.plus(lease).toEpochMilli()),
                            ":claimed", s(CLAIMED), ":seenOwner", stored.get(ownerAttribute),
                            ":seenLease", stored.get(leaseAttribute)))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            return new Raw.HeldElsewhere();
        }
        return new Raw.Claimed(stored.get("message").s());
    }

    @Override
    public void markSent(String alertId, String publishedMessageId, Instant now) {
        dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of(AlertsTableKeys.ALERT_ID, s(alertId)))
                .updateExpression("SET #status = :sent, sentAt = :now, publishedMessageId = :mid REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", s(SENT), ":now", s(now.toString()),
                        ":mid", s(publishedMessageId == null ? "" : publishedMessageId)))
                .build());
    }

    @Override
    public List<String> sentAlerts(String indicatorKey) {
        if (byIndicatorIndex == null) {
            throw new IllegalStateException("no index on indicator configured");
        }
        List<String> ids = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table).indexName(byIndicatorIndex)
                        .keyConditionExpression("#indicator = :i")
                        .filterExpression("#status = :sent")
                        .expressionAttributeNames(Map.of("#indicator", "indicator", "#status", "status"))
                        .expressionAttributeValues(Map.of(":i", s(indicatorKey), ":sent", s(SENT))))
                .items().forEach(item -> ids.add(item.get(AlertsTableKeys.ALERT_ID).s()));
        return ids;
    }

    /**
     * The retraction of a sent alert, claimed on the alert's own item like the alert was: owner and
     * lease in {@code retractionStatus}, {@code retractionOwner}, {@code retractionLease}.
     */
    @Override
    public Result claimRetraction(String alertId, String owner, Instant now) {
        Map<String, AttributeValue> stored = read(alertId);
        if (stored.isEmpty() || !SENT.equals(stored.get("status").s())) {
            return new Result.AlreadySent();
        }
        AttributeValue status = stored.get("retractionStatus");
        if (status != null && SENT.equals(status.s())) {
            return new Result.AlreadySent();
        }
        if (status != null) {
            return switch (takeOver(alertId, stored, "retractionStatus", "retractionOwner", "retractionLease", owner, now)) {
                case Raw.Claimed c -> new Result.Claimed(fromJson(c.json()));
                case Raw.AlreadySent a -> new Result.AlreadySent();
                case Raw.HeldElsewhere h -> new Result.HeldElsewhere();
            };
        }
        try {
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of(AlertsTableKeys.ALERT_ID, s(alertId)))
                    .updateExpression("SET retractionStatus = :claimed, retractionOwner = :me, retractionLease = :until")
                    .conditionExpression("attribute_not_exists(retractionStatus)")
                    .expressionAttributeValues(Map.of(":claimed", s(CLAIMED), ":me", s(owner),
                            ":until", n(now.plus(lease).toEpochMilli())))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            return new Result.HeldElsewhere();
        }
        return new Result.Claimed(fromJson(stored.get("message").s()));
    }

    @Override
    public void markRetracted(String alertId, Instant now) {
        dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of(AlertsTableKeys.ALERT_ID, s(alertId)))
                .updateExpression("SET retractionStatus = :sent, retractedAt = :now REMOVE retractionLease")
                .expressionAttributeValues(Map.of(":sent", s(SENT), ":now", s(now.toString())))
                .build());
    }

    private Map<String, AttributeValue> read(String alertId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of(AlertsTableKeys.ALERT_ID, s(alertId))).consistentRead(true).build()).item();
        return item == null ? Map.of() : item;
    }


    static RingAlertMessage ringFromJson(String json) {
        try {
            return Json.mapper().readValue(json, RingAlertMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ring alert message cannot be read", e);
        }
    }

    static AlertMessage fromJson(String json) {
        try {
            return Json.mapper().readValue(json, AlertMessage.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert message cannot be read", e);
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
