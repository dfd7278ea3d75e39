package io.scamsignal.intake.adapter;

import io.scamsignal.intake.service.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * One counter item per (network fingerprint, hour): a conditional {@code ADD} that succeeds only
 * while the count is below the limit, so concurrent intakes never let a network past it and a
 * refused request changes nothing. Items expire by TTL an hour after their window ends. A fixed
 * window: a network can send up to twice the limit across a window boundary, which is enough to
 * stop one person's flood and needs one write per report.
 */
public final class DynamoDbRateLimiter implements RateLimiter {

    public static final Duration WINDOW = Duration.ofHours(1);
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final int limit;

    public DynamoDbRateLimiter(DynamoDbClient dynamoDb, String table, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the rate limit must be at least 1 report per hour");
        }
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.limit = limit;
    }

    @Override
    public Decision acquire(String network, Instant now) {
        long window = Math.floorDiv(now.getEpochSecond(), WINDOW.toSeconds());
        long windowEnd = (window + 1) * WINDOW.toSeconds();
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(network + "#" + window)))
                    .updateExpression("ADD #count :one SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", "count"))
                    .expressionAttributeValues(Map.of(
                            ":one", AttributeValue.fromN("1"),
                            ":limit", AttributeValue.fromN(Integer.toString(limit)),
                            ":expires", AttributeValue.fromN(Long.toString(windowEnd + WINDOW.toSeconds())))));
            return new Decision.Allowed();
        } catch (ConditionalCheckFailedException full) {
            return new Decision.Limited(Duration.ofSeconds(Math.max(1, windowEnd - now.getEpochSecond())));
        }
    }
}
