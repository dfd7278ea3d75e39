package io.scamsignal.alerting.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.json.Json;
import java.time.Duration;
import java.time.Instant;
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
    private final Duration lease;

    public DynamoDbAlertClaims(DynamoDbClient dynamoDb, String table, Duration lease) {
        this.dynamoDb = dynamoDb;
        this.table = table;
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
                                "alertId", s(alertId),
                                "status", s(CLAIMED),
                                "owner", s(owner),
                                "leaseUntil", n(now.plus(lease).toEpochMilli()),
                                "rule", s(message.rule()),
                                "indicator", s(message.indicator().type() + "#" + message.indicator().value()),
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
        boolean mine = owner.equals(stored.get("owner").s());
        long leaseUntil = Long.parseLong(stored.get("leaseUntil").n());
        if (!mine && leaseUntil > now.toEpochMilli()) {
            return new Result.HeldElsewhere();
        }
        try {
            // take the claim over (or back) only if nobody else did since it was read
            dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of("alertId", s(alertId)))
                    .updateExpression("SET #owner = :me, leaseUntil = :until")
                    .conditionExpression("#status = :claimed AND #owner = :seenOwner AND leaseUntil = :seenLease")
                    .expressionAttributeNames(Map.of("#owner", "owner", "#status", "status"))
                    .expressionAttributeValues(Map.of(":me", s(owner), ":until", n(now.plus(lease).toEpochMilli()),
                            ":claimed", s(CLAIMED), ":seenOwner", stored.get("owner"),
                            ":seenLease", stored.get("leaseUntil")))
                    .build());
        } catch (ConditionalCheckFailedException e) {
            return new Result.HeldElsewhere();
        }
        return new Result.Claimed(fromJson(stored.get("message").s()));
    }

    @Override
    public void markSent(String alertId, String publishedMessageId, Instant now) {
        dynamoDb.updateItem(UpdateItemRequest.builder().tableName(table).key(Map.of("alertId", s(alertId)))
                .updateExpression("SET #status = :sent, sentAt = :now, publishedMessageId = :mid REMOVE leaseUntil")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", s(SENT), ":now", s(now.toString()),
                        ":mid", s(publishedMessageId == null ? "" : publishedMessageId)))
                .build());
    }

    private Map<String, AttributeValue> read(String alertId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(GetItemRequest.builder().tableName(table)
                .key(Map.of("alertId", s(alertId))).consistentRead(true).build()).item();
        return item == null ? Map.of() : item;
    }


    static AlertMessage fromJson(String json) {
        try {
            return Json.MAPPER.readValue(json, AlertMessage.class);
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
