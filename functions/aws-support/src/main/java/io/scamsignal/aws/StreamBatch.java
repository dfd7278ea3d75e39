package io.scamsignal.aws;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import java.util.Map;

/**
 * Processes a DynamoDB stream batch in order and reports a partial batch failure at the first
 * record that fails: the event source retries from there, records after it included, so handling
 * must be idempotent (it is: every effect is a conditional write).
 */
public final class StreamBatch {

    @FunctionalInterface
    public interface RecordProcessor {
        void process(DynamodbEvent.DynamodbStreamRecord record) throws Exception;
    }

    /** Turns a record into what the batch works on; null to skip it; throws for a record that cannot be read. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(DynamodbEvent.DynamodbStreamRecord record) throws Exception;
    }

    @FunctionalInterface
    public interface BatchProcessor<T> {
        void process(List<T> items) throws Exception;
    }

    private final JsonLog log;

    public StreamBatch(JsonLog log) {
        this.log = log;
    }

    public StreamsEventResponse process(DynamodbEvent event, String requestId, RecordProcessor processor) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                processor.process(record);
            } catch (Exception e) {
                return failure(record, requestId, e);
            }
        }
        return success();
    }

    /**
     * Decodes the batch in order and processes what decoded as one unit (so the work can be
     * aggregated across records). A record that cannot be decoded is the reported failure, after
     * the records before it were processed; a failure of the unit reports the batch's first record,
     * so all of it is retried, which idempotent processing allows.
     */
    public <T> StreamsEventResponse processTogether(DynamodbEvent event, String requestId, Decoder<T> decoder,
                                                    BatchProcessor<T> processor) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        List<T> decoded = new java.util.ArrayList<>();
        DynamodbEvent.DynamodbStreamRecord undecodable = null;
        Exception decodeError = null;
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            try {
                T item = decoder.decode(record);
                if (item != null) {
                    decoded.add(item);
                }
            } catch (Exception e) {
                undecodable = record;
                decodeError = e;
                break;
            }
        }
        if (!decoded.isEmpty()) {
            try {
                processor.process(decoded);
            } catch (Exception e) {
                return failure(records.get(0), requestId, e);
            }
        }
        return undecodable == null ? success() : failure(undecodable, requestId, decodeError);
    }

    private StreamsEventResponse failure(DynamodbEvent.DynamodbStreamRecord record, String requestId, Exception e) {
        String sequenceNumber = record.getDynamodb().getSequenceNumber();
        log.error("record failed; the batch is checkpointed before it", Map.of(
                "requestId", requestId, "sequenceNumber", sequenceNumber, "eventId", record.getEventID()), e);
        return StreamsEventResponse.builder()
                .withBatchItemFailures(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                .build();
    }

    private static StreamsEventResponse success() {
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
