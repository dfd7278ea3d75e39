package io.scamsignal.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.local.emulator.EmulatorClients;
import io.scamsignal.local.emulator.StackDeployer.StreamMapping;
import io.scamsignal.local.lambda.StreamSource.ShardId;
import io.scamsignal.local.lambda.StreamSource.ShardReader;
import io.scamsignal.local.lambda.StreamSource.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
}
