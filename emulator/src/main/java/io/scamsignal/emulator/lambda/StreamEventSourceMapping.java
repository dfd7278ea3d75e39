package io.scamsignal.emulator.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.emulator.aws.EmulatorClients;
import io.scamsignal.emulator.aws.StackDeployer.StreamMapping;
import io.scamsignal.emulator.lambda.StreamSource.ShardId;
import io.scamsignal.emulator.lambda.StreamSource.ShardReader;
import io.scamsignal.emulator.lambda.StreamSource.SourceRecord;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * A DynamoDB stream event-source mapping, as Lambda runs one: polls every shard, drops records
 * the FilterCriteria reject, batches by BatchSize and MaximumBatchingWindowInSeconds, invokes the
 * function, and on failure applies the template's settings — checkpoint before the first
 * reported batch item failure and retry from it, split a batch whose invocation failed
 * (BisectBatchOnFunctionError), MaximumRetryAttempts,
 * MaximumRecordAgeInSeconds, and the on-failure destination (an SQS queue that receives the
 * batch's description, as AWS sends it). One batch per shard at a time, in order. Where AWS
 * documents nothing (a response whose itemIdentifier names no record of the batch, say), it does
 * the harsher thing (the whole batch failed, not split), so a test cannot pass on its kindness.
 *
 * <p>It reads a {@link StreamSource} and invokes a {@link Target}: the runner gives it a DynamoDB
 * stream and a {@link LocalFunction} ({@link #onDynamoDb}); its unit tests give it records in memory.
 */
public final class StreamEventSourceMapping implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final StreamMapping mapping;
    private final Target function;
    private final StreamSource source;
    /** The on-failure destination (the message body of each discarded batch); null: none configured. */
    private final Consumer<String> onFailure;
    private final ShardIteratorType startingPosition;
    private final EventFilter filter;
    private final Duration retryBackoff;
    private final Redelivery redelivery;
    private final Consumer<String> log;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private final Random shuffler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean idle;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong busyRounds = new AtomicLong();
    private final AtomicLong invocations = new AtomicLong();
    private final AtomicLong recordsProcessed = new AtomicLong();
    private final AtomicLong recordsFiltered = new AtomicLong();
    private final AtomicLong recordsToFailureDestination = new AtomicLong();

    /** What the mapping invokes: a function, by name and ARN, that takes an event's JSON. */
    public interface Target {
        String name();

        String arn();

        /** The function's response (JSON null when it wrote none); a function error is thrown. */
        JsonNode invoke(String eventJson) throws LocalFunction.FunctionError;
    }

    private static final class ShardState {
        final ShardReader reader;
        final Deque<Pending> buffer = new ArrayDeque<>();
        Instant oldestBufferedAt;

        ShardState(ShardReader reader) {
            this.reader = reader;
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

    public StreamEventSourceMapping(StreamMapping mapping, Target function, StreamSource source,
                                    Consumer<String> onFailureDestination, ShardIteratorType startingPosition,
                                    Duration retryBackoff, Redelivery redelivery, Consumer<String> log) {
        this.mapping = mapping;
        this.function = function;
        this.source = source;
        this.onFailure = onFailureDestination;
        this.startingPosition = startingPosition;
        this.filter = new EventFilter(mapping.filters());
        this.retryBackoff = retryBackoff;
        this.redelivery = redelivery;
        this.log = log;
        this.shuffler = new Random(redelivery.seed());
        this.thread = new Thread(this::run, "esm-" + function.name() + "-" + mapping.eventName());
        this.thread.setDaemon(true);
    }

    /** The runner's mapping: the template's stream on the emulator, its on-failure SQS queue (null: none). */
    public static StreamEventSourceMapping onDynamoDb(StreamMapping mapping, LocalFunction function, EmulatorClients aws,
                                                     String onFailureQueueUrl, ShardIteratorType startingPosition,
                                                     Duration retryBackoff, Redelivery redelivery, Consumer<String> log) {
        Consumer<String> destination = onFailureQueueUrl == null ? null
                : body -> aws.sqs().sendMessage(b -> b.queueUrl(onFailureQueueUrl).messageBody(body));
        return new StreamEventSourceMapping(mapping, function, new DynamoDbStreamSource(aws, mapping.streamArn()),
                destination, startingPosition, retryBackoff, redelivery, log);
    }

    public StreamEventSourceMapping start() {
        thread.start();
        return this;
    }

    /** Caught up: the last poll of every shard found nothing new, and nothing waits to be delivered. */
    public boolean idle() {
        return idle;
    }

    @Override
    public String toString() {
        return thread.getName();
    }

    /** The poll rounds completed so far: each reads every shard once and delivers what is due. */
    public long rounds() {
        return rounds.get();
    }

    /**
     * The poll rounds so far that were not idle (read a record, delivered, kept a record buffered or
     * failed); counted before {@link #rounds()}, so a caller that reads rounds first and this second
     * sees every busy round among those.
     */
    public long busyRounds() {
        return busyRounds.get();
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
                if (!idle) {
                    busyRounds.incrementAndGet();
                }
                rounds.incrementAndGet();
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
                busyRounds.incrementAndGet();
                rounds.incrementAndGet();
                log.accept("stream mapping " + mapping.eventName() + ": poll failed, retrying: " + e);
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private void refreshShards() {
        for (ShardId shard : source.shards()) {
            if (!shards.containsKey(shard.id())) {
                // a child shard is read from its start, so no record between parent and child is skipped
                ShardIteratorType type = shard.parentId() != null && shards.containsKey(shard.parentId())
                        ? ShardIteratorType.TRIM_HORIZON : startingPosition;
                shards.put(shard.id(), new ShardState(source.open(shard.id(), type)));
            }
        }
    }

    private boolean poll(String shardId, ShardState shard) {
        if (shard.buffer.size() >= mapping.batchSize()) {
            return false;
        }
        List<SourceRecord> records = shard.reader.next();
        for (SourceRecord record : records) {
            if (!filter.matches(record.lambdaRecord())) {
                recordsFiltered.incrementAndGet();
                continue;
            }
            if (shard.buffer.isEmpty()) {
                shard.oldestBufferedAt = Instant.now();
            }
            shard.buffer.add(new Pending(record.lambdaRecord(), shardId, record.approximateArrival()));
        }
        return !records.isEmpty();
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
                    Collections.shuffle(records, shuffler);
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
            // a function error splits the batch in two (BisectBatchOnFunctionError); a partial batch response
            // is split "at the returned sequence number": what follows the checkpoint is retried whole, so a
            // response naming the batch's first record retries all of it. Splitting does not consume the retry
            // quota (services-dynamodb-errors), so the halves keep the count of the batch they came from
            if (mapping.bisectOnError() && functionError && failed.size() > 1) {
                int half = failed.size() / 2;
                work.push(new Attempt(List.copyOf(failed.subList(half, failed.size())), attempt.retries()));
                work.push(new Attempt(List.copyOf(failed.subList(0, half)), attempt.retries()));
            } else {
                work.push(new Attempt(failed, retries));
            }
            if (error != null) {
                log.accept("function " + function.name() + " failed on a batch of " + failed.size()
                        + " (retry " + retries + "): " + error);
            }
            Thread.sleep(Math.min(retryBackoff.toMillis() << Math.min(retries - 1, 5), 2000));
        }
    }

    /**
     * With ReportBatchItemFailures, the batch is checkpointed at the lowest sequence number among the
     * reported failures and every record from it on is retried. An empty or null itemIdentifier, or
     * one that names no record of the batch, fails the whole batch, as in Lambda.
     */
    private List<Pending> failedRecords(List<Pending> records, JsonNode response) {
        if (!mapping.reportBatchItemFailures() || response == null || !response.has("batchItemFailures")) {
            return List.of();
        }
        JsonNode failures = response.get("batchItemFailures");
        if (!failures.isArray() || failures.isEmpty()) {
            return List.of();
        }
        BigInteger lowest = null;
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (records.stream().noneMatch(r -> r.sequenceNumber().equals(id))) {
                return records;
            }
            BigInteger sequence = new BigInteger(id);
            lowest = lowest == null || sequence.compareTo(lowest) < 0 ? sequence : lowest;
        }
        BigInteger checkpoint = lowest;
        return records.stream().filter(r -> new BigInteger(r.sequenceNumber()).compareTo(checkpoint) >= 0)
                .sorted(Comparator.comparing(r -> new BigInteger(r.sequenceNumber()))).toList();
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
        if (onFailure == null) {
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
        onFailure.accept(message.toString());
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
