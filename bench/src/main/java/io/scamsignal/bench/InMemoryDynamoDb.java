package io.scamsignal.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDbClient without I/O, for warm-CPU benchmarks of the real adapters: they build their
 * requests (keys, AttributeValue maps, encoded JSON, conditions) exactly as deployed, and this
 * answers them from memory. While {@code recording}, puts are stored (to seed the state a
 * benchmark reads); afterwards writes are counted and dropped, so every iteration reads the same
 * stored state. Only the calls the adapters make are implemented; keys are {@code pk}/{@code sk}
 * or the single key of the alerts, reports and idempotency tables.
 */
final class InMemoryDynamoDb implements DynamoDbClient {

    private static final List<String> SINGLE_KEYS = List.of("alertId", "reportId", "idempotencyKey");
    private final Map<String, Map<String, Map<String, AttributeValue>>> tables = new HashMap<>();
    private boolean recording = true;
    /** Attributes written since recording stopped (a sink: the requests are consumed). */
    long attributesWritten;
    /** Stored items returned by reads: the state the adapters decoded. */
    long itemsRead;

    /** From now on, writes are counted and dropped. */
    InMemoryDynamoDb frozen() {
        recording = false;
        return this;
    }

    int size(String table) {
        return tables.getOrDefault(table, Map.of()).size();
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }

    private static String key(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        if (pk != null) {
            return pk.s() + "\u0000" + item.get("sk").s();
        }
        for (String single : SINGLE_KEYS) {
            if (item.containsKey(single)) {
                return item.get(single).s();
            }
        }
        throw new IllegalArgumentException("no key attribute in " + item.keySet());
    }

    private Map<String, AttributeValue> lookup(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = tables.getOrDefault(table, Map.of()).get(key(key));
        return item;
    }

    private void write(String table, Map<String, AttributeValue> item) {
        if (recording) {
            tables.computeIfAbsent(table, t -> new HashMap<>()).put(key(item), item);
        } else {
            attributesWritten += item.size();
        }
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        Map<String, List<Map<String, AttributeValue>>> responses = new HashMap<>();
        request.requestItems().forEach((table, keys) -> {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (Map<String, AttributeValue> key : keys.keys()) {
                Map<String, AttributeValue> item = lookup(table, key);
                if (item != null) {
                    found.add(item);
                    itemsRead++;
                }
            }
            responses.put(table, found);
        });
        return BatchGetItemResponse.builder().responses(responses).build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        Map<String, AttributeValue> item = lookup(request.tableName(), request.key());
        itemsRead += item == null ? 0 : 1;
        return GetItemResponse.builder().item(item).build();
    }

    /** {@code pk = :pk AND begins_with(sk, :prefix)}, the one query the adapters make. */
    @Override
    public QueryResponse query(QueryRequest request) {
        String pk = request.expressionAttributeValues().get(":pk").s();
        String prefix = request.expressionAttributeValues().get(":prefix").s();
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : tables.getOrDefault(request.tableName(), Map.of()).values()) {
            if (pk.equals(item.get("pk").s()) && item.get("sk").s().startsWith(prefix)
                    && (request.limit() == null || items.size() < request.limit())) {
                items.add(item);
            }
        }
        itemsRead += items.size();
        return QueryResponse.builder().items(items).count(items.size()).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        write(request.tableName(), request.item());
        return PutItemResponse.builder().build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        attributesWritten += request.expressionAttributeValues().size();
        return UpdateItemResponse.builder().build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        for (TransactWriteItem item : request.transactItems()) {
            write(item.put().tableName(), item.put().item());
        }
        return TransactWriteItemsResponse.builder().build();
    }
}
