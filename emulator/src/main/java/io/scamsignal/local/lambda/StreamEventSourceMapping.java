package io.scamsignal.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.local.emulator.EmulatorClients;
import io.scamsignal.local.emulator.StackDeployer.StreamMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * A DynamoDB stream event-source mapping, as Lambda runs one: polls every shard, drops records
 * the FilterCriteria reject, batches by BatchSize and MaximumBatchingWindowInSeconds, invokes the
 * function, and on failure applies the template's settings — checkpoint before the first
 * reported batch item failure, bisect what failed (BisectBatchOnFunctionError), MaximumRetryAttempts,
 * MaximumRecordAgeInSeconds, and the on-failure destination (an SQS queue that receives the
 * batch's description, as AWS sends it). One batch per shard at a time, in order.
 */
public final class StreamEventSourceMapping implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final StreamMapping mapping;
    private final LocalFunction function;
    private final EmulatorClients aws;
    private final String queueUrl;
    private final ShardIteratorType startingPosition;
    private final EventFilter filter;
    private final Duration retryBackoff;
    private final Redelivery redelivery;
    private final Consumer<String> log;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final java.util.Random shuffler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean idle;
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong recordsProcessed = new AtomicLong();
    private final AtomicLong recordsFiltered = new AtomicLong();
    private final AtomicLong recordsToFailureDestination = new AtomicLong();

    private static final class ShardState {
        String iterator;
        String lastSequenceNumber;
        final Deque<Pending> buffer = new ArrayDeque<>();
        Instant oldestBufferedAt;

        ShardState(String iterator) {
            this.iterator = iterator;
        }
    }

    private record Pending(ObjectNode record, String shardId, Instant createdAt) {
        String sequenceNumber() {
            return record.path("dynamodb").path("SequenceNumber").asText();
        }
    }

    private record Attempt(List<Pending> records, int retries) {
    }

    /**
     * Fault injection for tests of idempotency: every batch is delivered {@code times} times in all,
     * its records shuffled on each delivery when {@code shuffle} is set. Lambda itself delivers once,
     * in order, unless something fails: {@link #ONCE}.
     */
    public record Redelivery(int times, boolean shuffle, long seed) {
        public static final Redelivery ONCE = new Redelivery(1, false, 0);
    }

    public StreamEventSourceMapping(StreamMapping mapping, LocalFunction function, EmulatorClients aws,
                                    String onFailureQueueUrl, ShardIteratorType startingPosition,
                                    Duration retryBackoff, Redelivery redelivery, Consumer<String> log) {
        this.mapping = mapping;
        this.function = function;
        this.aws = aws;
        this.queueUrl = onFailureQueueUrl;
        this.startingPosition = startingPosition;
        this.filter = new EventFilter(mapping.filters());
        this.retryBackoff = retryBackoff;
        this.redelivery = redelivery;
        this.log = log;
        this.shuffler = new java.util.Random(redelivery.seed());
        this.thread = new Thread(this::run, "esm-" + function.spec().name() + "-" + mapping.eventName());
        this.thread.setDaemon(true);
    }

    public StreamEventSourceMapping start() {
        thread.start();
        return this;
    }

    /** Caught up: the last poll of every shard found nothing new, and nothing waits to be delivered. */
    public boolean idle() {
        return idle;
    }

    public long invocations() {
        return invocations.get();
    }

    public long recordsProcessed() {
        return recordsProcessed.get();
    }

    public long recordsFiltered() {
        return recordsFiltered.get();
    }

    public long recordsToFailureDestination() {
        return recordsToFailureDestination.get();
    }

    private void run() {
        Instant nextShardRefresh = Instant.EPOCH;
        while (running) {
            try {
                if (Instant.now().isAfter(nextShardRefresh)) {
                    refreshShards();
                    nextShardRefresh = Instant.now().plusSeconds(5);
                }
                boolean gotRecords = false;
                for (var entry : shards.entrySet()) {
                    gotRecords |= poll(entry.getKey(), entry.getValue());
                }
                boolean delivered = false;
                for (ShardState shard : shards.values()) {
                    delivered |= flush(shard);
                }
                boolean buffered = shards.values().stream().anyMatch(s -> !s.buffer.isEmpty());
                idle = !gotRecords && !delivered && !buffered;
                if (!gotRecords && running) {
                    Thread.sleep(POLL_INTERVAL.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                idle = false;
                log.accept("stream mapping " + mapping.eventName() + ": poll failed, retrying: " + e);
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private void refreshShards() {
        String exclusiveStart = null;
        do {
            String start = exclusiveStart;
            DescribeStreamResponse response = aws.streams().describeStream(b -> b.streamArn(mapping.streamArn())
                    .exclusiveStartShardId(start));
            for (Shard shard : response.streamDescription().shards()) {
                if (!shards.containsKey(shard.shardId())) {
                    // a child shard is read from its start, so no record between parent and child is skipped
                    ShardIteratorType type = shard.parentShardId() != null && shards.containsKey(shard.parentShardId())
                            ? ShardIteratorType.TRIM_HORIZON : startingPosition;
                    String iterator = aws.streams().getShardIterator(b -> b.streamArn(mapping.streamArn())
                            .shardId(shard.shardId()).shardIteratorType(type)).shardIterator();
                    shards.put(shard.shardId(), new ShardState(iterator));
                }
            }
            exclusiveStart = response.streamDescription().lastEvaluatedShardId();
        } while (exclusiveStart != null);
    }

    private boolean poll(String shardId, ShardState shard) {
        if (shard.iterator == null || shard.buffer.size() >= mapping.batchSize()) {
            return false;
        }
        GetRecordsResponse response;
        try {
            response = aws.streams().getRecords(b -> b.shardIterator(shard.iterator).limit(1000));
        } catch (ExpiredIteratorException e) {
            shard.iterator = aws.streams().getShardIterator(b -> b.streamArn(mapping.streamArn()).shardId(shardId)
                    .shardIteratorType(shard.lastSequenceNumber == null ? startingPosition
                            : ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                    .sequenceNumber(shard.lastSequenceNumber)).shardIterator();
            return true;
        }
        shard.iterator = response.nextShardIterator();
        for (Record record : response.records()) {
            shard.lastSequenceNumber = record.dynamodb().sequenceNumber();
            ObjectNode json = StreamRecords.toLambdaRecord(record, mapping.streamArn(), aws.region());
            if (!filter.matches(json)) {
                recordsFiltered.incrementAndGet();
                continue;
            }
            Instant created = record.dynamodb().approximateCreationDateTime() == null ? Instant.now()
                    : record.dynamodb().approximateCreationDateTime();
            if (shard.buffer.isEmpty()) {
                shard.oldestBufferedAt = Instant.now();
            }
            shard.buffer.add(new Pending(json, shardId, created));
        }
        return !response.records().isEmpty();
    }

    private boolean flush(ShardState shard) throws InterruptedException {
        boolean delivered = false;
        while (running && !shard.buffer.isEmpty() && (shard.buffer.size() >= mapping.batchSize()
                || !Instant.now().isBefore(shard.oldestBufferedAt.plusSeconds(mapping.batchingWindowSeconds())))) {
            List<Pending> batch = new ArrayList<>();
            while (batch.size() < mapping.batchSize() && !shard.buffer.isEmpty()) {
                batch.add(shard.buffer.poll());
            }
            shard.oldestBufferedAt = Instant.now();
            for (int delivery = 0; delivery < redelivery.times(); delivery++) {
                List<Pending> records = batch;
                if (redelivery.shuffle()) {
                    records = new ArrayList<>(batch);
                    java.util.Collections.shuffle(records, shuffler);
                }
                deliver(records);
            }
            delivered = true;
        }
        return delivered;
    }

    private void deliver(List<Pending> batch) throws InterruptedException {
        Deque<Attempt> work = new ArrayDeque<>();
        work.push(new Attempt(batch, 0));
        while (running && !work.isEmpty()) {
            Attempt attempt = work.pop();
            List<Pending> records = dropExpired(attempt.records(), attempt.retries());
            if (records.isEmpty()) {
                continue;
            }
            invocations.incrementAndGet();
            List<Pending> failed;
            boolean functionError = false;
            String error = null;
            try {
                JsonNode response = function.invoke(StreamRecords.event(records.stream().map(Pending::record).toList())
                        .toString());
                failed = failedRecords(records, response);
            } catch (LocalFunction.FunctionError e) {
                failed = records;
                functionError = true;
                error = e.getMessage();
            }
            recordsProcessed.addAndGet(records.size() - failed.size());
            if (failed.isEmpty()) {
                continue;
            }
            int retries = attempt.retries() + 1;
            if (mapping.maximumRetryAttempts() >= 0 && retries > mapping.maximumRetryAttempts()) {
                toFailureDestination(failed, "RetryAttemptsExhausted", retries, functionError);
                continue;
            }
            if (mapping.bisectOnError() && failed.size() > 1) {
                // halves keep the retry count (splitting does not count towards MaximumRetryAttempts), so a
                // poison record ends up alone and only it reaches the on-failure destination
                int half = failed.size() / 2;
                work.push(new Attempt(List.copyOf(failed.subList(half, failed.size())), attempt.retries()));
                work.push(new Attempt(List.copyOf(failed.subList(0, half)), attempt.retries()));
            } else {
                work.push(new Attempt(failed, retries));
            }
            if (error != null) {
                log.accept("function " + function.spec().name() + " failed on a batch of " + failed.size()
                        + " (retry " + retries + "): " + error);
            }
            Thread.sleep(Math.min(retryBackoff.toMillis() << Math.min(retries - 1, 5), 2000));
        }
    }

    /** With ReportBatchItemFailures, everything from the first reported sequence number on is retried. */
    private List<Pending> failedRecords(List<Pending> records, JsonNode response) {
        if (!mapping.reportBatchItemFailures() || response == null || !response.has("batchItemFailures")) {
            return List.of();
        }
        JsonNode failures = response.get("batchItemFailures");
        if (!failures.isArray() || failures.isEmpty()) {
            return List.of();
        }
        int first = records.size();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            int index = -1;
            for (int i = 0; i < records.size(); i++) {
                if (records.get(i).sequenceNumber().equals(id)) {
                    index = i;
                }
            }
            // an identifier that names no record of the batch fails the whole batch, as in Lambda
            first = Math.min(first, index < 0 ? 0 : index);
        }
        return List.copyOf(records.subList(first, records.size()));
    }

    private List<Pending> dropExpired(List<Pending> records, int retries) {
        if (mapping.maximumRecordAgeSeconds() < 0) {
            return records;
        }
        Instant oldestAllowed = Instant.now().minusSeconds(mapping.maximumRecordAgeSeconds());
        List<Pending> expired = records.stream().filter(r -> r.createdAt().isBefore(oldestAllowed)).toList();
        if (expired.isEmpty()) {
            return records;
        }
        toFailureDestination(expired, "RecordAgeExceeded", retries, false);
        return records.stream().filter(r -> !expired.contains(r)).toList();
    }

    private void toFailureDestination(List<Pending> records, String condition, int invokeCount, boolean functionError) {
        recordsToFailureDestination.addAndGet(records.size());
        if (queueUrl == null) {
            log.accept("stream mapping " + mapping.eventName() + ": " + records.size() + " records discarded ("
                    + condition + "), no on-failure destination");
            return;
        }
        ObjectNode message = JSON.createObjectNode();
        ObjectNode request = message.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", function.arn());
        request.put("condition", condition);
        request.put("approximateInvokeCount", invokeCount);
        ObjectNode response = message.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (functionError) {
            response.put("functionError", "Unhandled");
        }
        message.put("version", "1.0");
        message.put("timestamp", Instant.now().toString());
        ObjectNode info = message.putObject("DDBStreamBatchInfo");
        info.put("shardId", records.get(0).shardId());
        info.put("startSequenceNumber", records.get(0).sequenceNumber());
        info.put("endSequenceNumber", records.get(records.size() - 1).sequenceNumber());
        info.put("approximateArrivalOfFirstRecord", records.get(0).createdAt().toString());
        info.put("approximateArrivalOfLastRecord", records.get(records.size() - 1).createdAt().toString());
        info.put("batchSize", records.size());
        info.put("streamArn", mapping.streamArn());
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.toString()));
        log.accept("stream mapping " + mapping.eventName() + ": " + records.size() + " records sent to the on-failure"
                + " queue (" + condition + ")");
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
