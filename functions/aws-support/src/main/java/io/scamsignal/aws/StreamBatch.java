package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Processes a DynamoDB stream batch in order and reports a partial batch failure at the first
 * record that fails: the event source retries from there, records after it included, so handling
 * must be idempotent (it is: every effect is a conditional write).
 */
public final class StreamBatch {

    /** The partial batch response: the sequence number to resume from, if any record failed. */
    public record Response(List<String> batchItemFailures) {

        public Response {
            batchItemFailures = List.copyOf(batchItemFailures);
        }

        /** {"batchItemFailures": [{"itemIdentifier": "…"}]}, what Lambda reads with ReportBatchItemFailures. */
        public void write(OutputStream out) throws IOException {
            try (JsonGenerator g = JsonIo.generator(out)) {
                g.writeStartObject();
                g.writeArrayFieldStart("batchItemFailures");
                for (String sequenceNumber : batchItemFailures) {
                    g.writeStartObject();
                    g.writeStringField("itemIdentifier", sequenceNumber);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    @FunctionalInterface
    public interface RecordProcessor {
        void process(StreamEvent.Record record) throws Exception;
    }

    /** Turns a record into what the batch works on; null to skip it; throws for a record that cannot be read. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(StreamEvent.Record record) throws Exception;
    }

    @FunctionalInterface
    public interface BatchProcessor<T> {
        void process(List<T> items) throws Exception;
    }

    private final JsonLog log;

    public StreamBatch(JsonLog log) {
        this.log = log;
    }

    public Response process(List<StreamEvent.Record> records, String requestId, RecordProcessor processor) {
        for (StreamEvent.Record record : records) {
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
    public <T> Response processTogether(List<StreamEvent.Record> records, String requestId, Decoder<T> decoder,
                                        BatchProcessor<T> processor) {
        List<T> decoded = new ArrayList<>();
        StreamEvent.Record undecodable = null;
        Exception decodeError = null;
        for (StreamEvent.Record record : records) {
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

    private Response failure(StreamEvent.Record record, String requestId, Exception e) {
        String sequenceNumber = record.sequenceNumber();
        log.error("record failed; the batch is checkpointed before it", Map.of(
                "requestId", requestId, "sequenceNumber", String.valueOf(sequenceNumber),
                "eventId", String.valueOf(record.eventId())), e);
        return new Response(List.of(sequenceNumber));
    }

    private static Response success() {
        return new Response(List.of());
    }
}
