package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.emulator.aws.EmulatorClients;
import io.scamsignal.emulator.aws.StackDeployer.StreamMapping;
import io.scamsignal.emulator.lambda.StreamSource.ShardId;
import io.scamsignal.emulator.lambda.StreamSource.ShardReader;
import io.scamsignal.emulator.lambda.StreamSource.SourceRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * A stream's records read from its start and delivered to a function by the caller instead of an
 * event-source mapping: for tests of what Lambda's at-least-once delivery may do that its mapping
 * here never does by itself (a batch delivered again after later batches, batches of any size up to
 * BatchSize). The records are the stream's own, in the event JSON Lambda sends, after the mapping's
 * FilterCriteria.
 */
public final class ManualStreamDelivery {

    private ManualStreamDelivery() {
    }

    /** Every record the stream holds now, shard by shard (a parent before its children), each in order. */
    public static List<ObjectNode> records(EmulatorClients aws, StreamMapping mapping) {
        DynamoDbStreamSource source = new DynamoDbStreamSource(aws, mapping.streamArn());
        EventFilter filter = new EventFilter(mapping.filters());
        List<ObjectNode> out = new ArrayList<>();
        for (ShardId shard : source.shards()) {
            ShardReader reader = source.open(shard.id(), ShardIteratorType.TRIM_HORIZON);
            for (List<SourceRecord> page = reader.next(); !page.isEmpty(); page = reader.next()) {
                page.stream().map(SourceRecord::lambdaRecord).filter(filter::matches).forEach(out::add);
            }
        }
        return out;
    }

    /** Consecutive batches of 1 to {@code maxSize} records (a batching window cuts batches short at random). */
    public static List<List<ObjectNode>> batches(List<ObjectNode> records, int maxSize, Random random) {
        List<List<ObjectNode>> batches = new ArrayList<>();
        for (int i = 0; i < records.size(); ) {
            int size = Math.min(records.size() - i, 1 + random.nextInt(maxSize));
            batches.add(List.copyOf(records.subList(i, i + size)));
            i += size;
        }
        return batches;
    }

    /** One invocation with the batch, as the mapping makes it; the function's response (JSON null: none). */
    public static JsonNode deliver(StreamEventSourceMapping.Target function, List<ObjectNode> batch)
            throws LocalFunction.FunctionError {
        return function.invoke(StreamRecords.event(batch).toString());
    }

    /**
     * One invocation with the batch; what went wrong, if anything: the first record the function
     * reported as failed, or its error. {@code what} names the delivery in the answer.
     */
    public static Optional<String> deliverAndCheck(StreamEventSourceMapping.Target function, List<ObjectNode> batch,
                                                   String what) {
        try {
            JsonNode response = deliver(function, batch);
            JsonNode failed = response == null ? null : response.get("batchItemFailures");
            return failed == null || failed.isEmpty() ? Optional.empty()
                    : Optional.of(what + " (" + batch.size() + " records) failed at sequence number "
                    + failed.get(0).path("itemIdentifier").asText());
        } catch (LocalFunction.FunctionError e) {
            return Optional.of(what + " (" + batch.size() + " records): function error " + e.getMessage());
        }
    }

    /** Each of {@code batches} batch indexes {@code copies} times, in one shuffled sequence. */
    public static List<Integer> shuffledDeliveries(int batches, int copies, Random random) {
        List<Integer> deliveries = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (int b = 0; b < batches; b++) {
                deliveries.add(b);
            }
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    /** Every item of a table with a {@code pk}/{@code sk} key, by "pk | sk", read strongly consistent. */
    public static Map<String, Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table) {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items()
                .forEach(item -> items.put(item.get("pk").s() + " | " + item.get("sk").s(), item));
        return items;
    }

    /** The items added, removed or changed between two scans. */
    public static List<String> differences(Map<String, Map<String, AttributeValue>> before,
                                           Map<String, Map<String, AttributeValue>> after) {
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (!before.containsKey(key)) {
                out.add("added " + key);
            } else if (!after.containsKey(key)) {
                out.add("removed " + key);
            } else if (!before.get(key).equals(after.get(key))) {
                out.add("changed " + key);
            }
        }
        return out;
    }
}
