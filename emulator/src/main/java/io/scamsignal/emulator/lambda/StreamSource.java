package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * What an event-source mapping polls: a stream's shards and their records, in order. The runner
 * reads DynamoDB Streams ({@link DynamoDbStreamSource}); the mapping's unit tests use records in
 * memory, so Lambda's batching and failure rules are checked without an emulator.
 */
public interface StreamSource {

    /** Every shard the stream has now, a parent before its children. */
    List<ShardId> shards();

    /** A reader of one shard from {@code position} (a child shard is read from TRIM_HORIZON). */
    ShardReader open(String shardId, ShardIteratorType position);

    record ShardId(String id, String parentId) {
    }

    /** One record as Lambda hands it to the function, and when the stream received it. */
    record SourceRecord(ObjectNode lambdaRecord, Instant approximateArrival) {
    }

    interface ShardReader {
        /** The records written since the last call (none: nothing new, or the shard is closed). */
        List<SourceRecord> next();
    }
}
