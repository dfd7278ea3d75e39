package io.scamsignal.alerting.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.domain.alert.AlertMessage;
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
 * Alerts table ({@code alertId} key): status CLAIMED → SENT. The message is stored with the claim,
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
        Map<String, AttributeValue> stored = read(alertId);
        if (stored.isEmpty()) {
            AlertMessage message = candidate.get();
            try {
                dynamoDb.putItem(PutItemRequest.builder().tableName(table)
                        .item(Map.of(
                                AlertsTableKeys.ALERT_ID, s(alertId),
                                "status", s(CLAIMED),
                                "owner", s(owner),
                                "leaseUntil", n(now.plus(lease).toEpochMilli()),
                                "rule", s(message.rule()),
                                AlertsTableKeys.INDICATOR, s(AlertsTableKeys.indicator(message.indicator().type(), message.indicator().value())),
                                "createdAt", s(message.createdAt().toString()),
                                "message", s(Json.write(message))))
                        .conditionExpression("attribute_not_exists(alertId)")
                        .build());
                return new Result.Claimed(message);
            } catch (ConditionalCheckFailedException e) {
                stored = read(alertId);
            }
        }
        if (SENT.equals(stored.get("status").s())) {
            return new Result.AlreadySent();
        }
        return takeOver(alertId, stored, "status", "owner", "leaseUntil", owner, now);
    }

    /**
     * A claim (of an alert, or of its retraction: the attribute names say which) that is CLAIMED:
     * its owner takes it back at once, anyone else once its lease ran out, and only if nobody else
     * did since it was read.
     */
    private Result takeOver(String alertId, Map<String, AttributeValue> stored, String statusAttribute,
                            String ownerAttribute, String leaseAttribute, String owner, Instant now) {
        boolean mine = owner.equals(stored.get(ownerAttribute).s());
        if (!mine && Long.parseLong(stored.get(leaseAttribute).n()) > now.toEpochMilli()) {
            return new Result.HeldElsewhere();
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
            return new Result.HeldElsewhere();
        }
        return new Result.Claimed(fromJson(stored.get("message").s()));
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
            return takeOver(alertId, stored, "retractionStatus", "retractionOwner", "retractionLease", owner, now);
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
