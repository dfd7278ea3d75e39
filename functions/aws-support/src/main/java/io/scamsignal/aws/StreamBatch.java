package io.scamsignal.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Processes a DynamoDB stream batch and answers with the first record not applied, in the batch's
 * order, as Lambda's partial batch response reads it (ReportBatchItemFailures): Lambda checkpoints
 * before that record and retries from it, records after it included, so handling must be idempotent
 * (it is: every effect is a conditional write).
 *
 * <p>A failure at the batch's <em>first</em> record is thrown instead ({@link FirstRecordFailed}):
 * a response naming the first record checkpoints nothing, and Lambda would retry the whole batch,
 * then send all of it to the on-failure destination. A function error makes Lambda split the batch
 * in two (BisectBatchOnFunctionError), so the failing record ends up alone and the others go on.
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

    /** The batch's first record failed: thrown out of the handler, a function error, so Lambda bisects the batch. */
    public static final class FirstRecordFailed extends RuntimeException {
        private final String sequenceNumber;

        FirstRecordFailed(String sequenceNumber, Exception cause) {
            super("the batch's first record (" + sequenceNumber + ") failed: " + cause.getMessage(), cause);
            this.sequenceNumber = sequenceNumber;
        }

        public String sequenceNumber() {
            return sequenceNumber;
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

    /** One record at a time, in order, stopping at the first that fails (later records may depend on it). */
    public Response process(List<StreamEvent.Record> records, String requestId, RecordProcessor processor) {
        for (StreamEvent.Record record : records) {
            try {
                processor.process(record);
            } catch (Exception e) {
                return failure(records, record, requestId, e);
            }
        }
        return success();
    }

    /**
     * For records whose effects do not depend on each other's order (each is applied exactly once
     * whatever the order): everything that decodes is processed as one unit, so the work can be
     * aggregated across records. If the unit fails, each record is processed on its own, in order,
     * and every one that can be applied is; the answer names the first that could not (or was not
     * readable). A redelivered record that was applied changes nothing.
     */
    public <T> Response processTogether(List<StreamEvent.Record> records, String requestId, Decoder<T> decoder,
                                        BatchProcessor<T> processor) {
        List<T> decoded = new ArrayList<>();
        List<T> byRecord = new ArrayList<>();
        int failed = -1;
        Exception error = null;
        for (int i = 0; i < records.size(); i++) {
            T item = null;
            try {
                item = decoder.decode(records.get(i));
            } catch (Exception e) {
                if (failed < 0) {
                    failed = i;
                    error = e;
                }
            }
            byRecord.add(item);
            if (item != null) {
                decoded.add(item);
            }
        }
        if (!decoded.isEmpty()) {
            try {
                processor.process(decoded);
            } catch (Exception together) {
                log.error("batch failed as a unit; applying its records one by one", Map.of("requestId", requestId,
                        "records", records.size()), together);
                for (int i = 0; i < records.size(); i++) {
                    T item = byRecord.get(i);
                    if (item == null) {
                        continue;
                    }
                    try {
                        processor.process(List.of(item));
                    } catch (Exception e) {
                        if (failed < 0 || i < failed) {
                            failed = i;
                            error = e;
                        }
                    }
                }
            }
        }
        return failed < 0 ? success() : failure(records, records.get(failed), requestId, error);
    }

    private Response failure(List<StreamEvent.Record> records, StreamEvent.Record record, String requestId, Exception e) {
        String sequenceNumber = record.sequenceNumber();
        boolean first = record == records.get(0);
        log.error(first ? "the batch's first record failed; a function error, so the batch is split"
                        : "record failed; the batch is checkpointed before it", Map.of(
                "requestId", requestId, "sequenceNumber", String.valueOf(sequenceNumber),
                "eventId", String.valueOf(record.eventId())), e);
        if (first) {
            throw new FirstRecordFailed(sequenceNumber, e);
        }
        return new Response(List.of(sequenceNumber));
    }

    private static Response success() {
        return new Response(List.of());
    }
}
