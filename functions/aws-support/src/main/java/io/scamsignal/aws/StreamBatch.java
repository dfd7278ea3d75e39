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

    private final JsonLog log;

    public StreamBatch(JsonLog log) {
        this.log = log;
    }

    public StreamsEventResponse process(DynamodbEvent event, String requestId, RecordProcessor processor) {
        List<DynamodbEvent.DynamodbStreamRecord> records = event.getRecords() == null ? List.of() : event.getRecords();
        for (DynamodbEvent.DynamodbStreamRecord record : records) {
            String sequenceNumber = record.getDynamodb().getSequenceNumber();
            try {
                processor.process(record);
            } catch (Exception e) {
                log.error("record failed; the batch is checkpointed before it", Map.of(
                        "requestId", requestId, "sequenceNumber", sequenceNumber, "eventId", record.getEventID()), e);
                return StreamsEventResponse.builder()
                        .withBatchItemFailures(List.of(new StreamsEventResponse.BatchItemFailure(sequenceNumber)))
                        .build();
            }
        }
        return StreamsEventResponse.builder().withBatchItemFailures(List.of()).build();
    }
}
