package io.scamsignal.alerting.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.storage.AlertsTableKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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

    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, Duration lease) {
        this(dynamoDb, table, null, lease);
    }

    /** @param byIndicatorIndex the table's index on (indicator, alertId), for retractions */
    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, String byIndicatorIndex, Duration lease) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.byIndicatorIndex = byIndicatorIndex;
        this.lease = lease;
    }

    @Override
    public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
        return switch (claimStored(alertId, () -> {
            AlertMessage message = candidate.get();
            return new Stored(message.rule(),
                    AlertsTableKeys.indicator(message.indicator().type(), message.indicator().value()),
                    message.createdAt(), Json.write(message));
        }, owner, now)) {
            case Raw.Claimed c -> new Result.Claimed(fromJson(c.json()));
            case Raw.AlreadySent a -> new Result.AlreadySent();
            case Raw.HeldElsewhere h -> new Result.HeldElsewhere();
        };
    }

    @Override
    public RingResult claimRing(String alertId, Supplier<RingAlertMessage> candidate, String owner, Instant now) {
        return switch (claimStored(alertId, () -> {
            RingAlertMessage message = candidate.get();
            // ring alerts are found by their ring through the same index, as ring#<ringId>
            return new Stored(message.rule(), AlertsTableKeys.indicator("ring", message.ring().ringId()),
                    message.createdAt(), Json.write(message));
        }, owner, now)) {
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

    private Raw claimStored(String alertId, Supplier<Stored> candidate, String owner, Instant now) {
        Map<String, AttributeValue> stored = read(alertId);
        if (stored.isEmpty()) {
            Stored message = candidate.get();
            try {
                dynamoDb.putItem(PutItemRequest.builder().tableName(table)
                        .item(Map.of(
                                AlertsTableKeys.ALERT_ID, s(alertId),
                                "status", s(CLAIMED),
                                "owner", s(owner),
                                "leaseUntil", n(now.plus(lease).toEpochMilli()),
                                "rule", s(message.rule()),
                                AlertsTableKeys.INDICATOR, s(message.indicator()),
                                "createdAt", s(message.createdAt().toString()),
                                "message", s(message.json())))
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
                        .keyConditionExpression("indicator = :i")
                        .filterExpression("#status = :sent")
                        .expressionAttributeNames(Map.of("#status", "status"))
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
