package io.scamsignal.alerting.adapter;

import io.scamsignal.alerting.service.RingReader;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.storage.RingsTableKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Ring heads and members from the rings table: GetItem, the listing's Query, BatchGetItem of members. */
public final class DynamoDbRingReader implements RingReader {

    private static final int BATCH = 100;
    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRingReader(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Optional<RingItems.Head> head(String home) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(key(RingsTableKeys.ringPk(home), RingsTableKeys.HEAD))).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(RingsTableKeys.head(item.get(RingsTableKeys.STATE).s()));
    }

    @Override
    public List<RingItems.Member> members(String home) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :m)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RingsTableKeys.ringPk(home)),
                                ":m", AttributeValue.fromS(RingsTableKeys.LISTING_PREFIX))))
                .items().forEach(item -> keys.add(key(RingsTableKeys.memberPk(
                        item.get(RingsTableKeys.SORT_KEY).s().substring(RingsTableKeys.LISTING_PREFIX.length())),
                        RingsTableKeys.MEMBER)));
        List<RingItems.Member> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += BATCH) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(i, Math.min(keys.size(), i + BATCH))).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamoDb.batchGetItem(b -> b.requestItems(request));
                response.responses().getOrDefault(table, List.of()).forEach(item -> members.add(
                        RingsTableKeys.read(item.get(RingsTableKeys.STATE).s(), RingItems.Member.class)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return members;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(RingsTableKeys.PARTITION_KEY, AttributeValue.fromS(pk));
        key.put(RingsTableKeys.SORT_KEY, AttributeValue.fromS(sk));
        return key;
    }
}
