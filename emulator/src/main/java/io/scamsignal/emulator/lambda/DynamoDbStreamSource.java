package io.scamsignal.emulator.lambda;

import io.scamsignal.emulator.aws.EmulatorClients;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/** A DynamoDB stream on the emulator, read as Lambda's poller reads it: DescribeStream, GetShardIterator, GetRecords. */
public final class DynamoDbStreamSource implements StreamSource {

    private final EmulatorClients aws;
    private final String streamArn;

    public DynamoDbStreamSource(EmulatorClients aws, String streamArn) {
        this.aws = aws;
        this.streamArn = streamArn;
    }

    @Override
    public List<ShardId> shards() {
        List<ShardId> shards = new ArrayList<>();
        String exclusiveStart = null;
        do {
            String start = exclusiveStart;
            DescribeStreamResponse response = aws.streams().describeStream(b -> b.streamArn(streamArn)
                    .exclusiveStartShardId(start));
            for (Shard shard : response.streamDescription().shards()) {
                shards.add(new ShardId(shard.shardId(), shard.parentShardId()));
            }
            exclusiveStart = response.streamDescription().lastEvaluatedShardId();
        } while (exclusiveStart != null);
        return shards;
    }

    @Override
    public ShardReader open(String shardId, ShardIteratorType position) {
        return new Reader(shardId, position);
    }

    private final class Reader implements ShardReader {
        private final String shardId;
        private final ShardIteratorType position;
        private String iterator;
        private String lastSequenceNumber;

        Reader(String shardId, ShardIteratorType position) {
            this.shardId = shardId;
            this.position = position;
            this.iterator = aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(position)).shardIterator();
        }

        @Override
        public List<SourceRecord> next() {
            if (iterator == null) {
                return List.of();
            }
            GetRecordsResponse response;
            try {
                response = aws.streams().getRecords(b -> b.shardIterator(iterator).limit(1000));
            } catch (ExpiredIteratorException e) {
                iterator = aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                        .shardIteratorType(lastSequenceNumber == null ? position : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(lastSequenceNumber)).shardIterator();
                return List.of();
            }
            iterator = response.nextShardIterator();
            List<SourceRecord> records = new ArrayList<>(response.records().size());
            for (Record record : response.records()) {
                lastSequenceNumber = record.dynamodb().sequenceNumber();
                Instant arrival = record.dynamodb().approximateCreationDateTime() == null ? Instant.now()
                        : record.dynamodb().approximateCreationDateTime();
                records.add(new SourceRecord(StreamRecords.toLambdaRecord(record, streamArn, aws.region()), arrival));
            }
            return records;
        }
    }
}
