package io.scamsignal.emulator.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.emulator.aws.StackDeployer.StreamMapping;
import io.scamsignal.emulator.lambda.StreamEventSourceMapping.Redelivery;
import io.scamsignal.emulator.lambda.StreamSource.ShardId;
import io.scamsignal.emulator.lambda.StreamSource.ShardReader;
import io.scamsignal.emulator.lambda.StreamSource.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Lambda's documented event-source-mapping rules for DynamoDB streams, one test each, with records
 * in memory and a fake function (no emulator): AWS Lambda Developer Guide, "Lambda parameters for
 * Amazon DynamoDB event source mappings", "Configuring partial batch response with DynamoDB and
 * Lambda", "Retaining discarded records for a DynamoDB event source" and "Lambda event filtering"; each
 * test's display name gives the page it follows.
 */
class StreamEventSourceMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-11-29T00:00:00.000";
    private static final String SHARD = "shardId-00000001-0001";

    private final MemoryStream stream = new MemoryStream();
    private final FakeFunction function = new FakeFunction();
    private final List<JsonNode> onFailure = new CopyOnWriteArrayList<>();
    private StreamEventSourceMapping mapping;

    @AfterEach
    void stop() {
        if (mapping != null) {
            mapping.close();
        }
    }

    // -- partial batch response

    @Test
    @DisplayName("Lambda: with ReportBatchItemFailures, the batch is checkpointed at the lowest sequence number"
            + " among the failures, and all records from that checkpoint on are retried (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void partialBatchFailureRetriesFromTheLowestReportedSequenceNumber() throws Exception {
        function.respond(batch -> batch.size() == 5 ? failures("103", "102") : JSON.nullNode());
        start(settings().batchSize(10).reportBatchItemFailures(true));
        stream.insert(100, 101, 102, 103, 104);

        awaitInvocations(2);
        assertThat(function.batches()).containsExactly(
                List.of("100", "101", "102", "103", "104"),
                List.of("102", "103", "104"));
        awaitIdle();
        assertThat(function.batches()).hasSize(2);
        assertThat(mapping.recordsProcessed()).isEqualTo(5);
        assertThat(onFailure).isEmpty();
    }

    @Test
    @DisplayName("Lambda: an itemIdentifier that is empty, null or names no record makes the batch a complete failure"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void anUnknownItemIdentifierFailsTheWholeBatch() throws Exception {
        function.respond(batch -> function.batches().size() == 1 ? failures("999") : JSON.nullNode());
        start(settings().batchSize(10).reportBatchItemFailures(true));
        stream.insert(100, 101, 102);

        awaitInvocations(2);
        assertThat(function.batches()).containsExactly(List.of("100", "101", "102"), List.of("100", "101", "102"));
    }

    @Test
    @DisplayName("Lambda: even when the function returns batch item failures, Lambda does not process them unless"
            + " ReportBatchItemFailures is turned on; by default the batch is retried only on a function error"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void itemFailuresAreIgnoredWithoutReportBatchItemFailures() throws Exception {
        function.respond(batch -> failures("101"));
        start(settings().batchSize(10).reportBatchItemFailures(false));
        stream.insert(100, 101);

        awaitInvocations(1);
        awaitIdle();
        assertThat(function.batches()).containsExactly(List.of("100", "101"));
        assertThat(mapping.recordsProcessed()).isEqualTo(2);
    }

    // -- bisection

    @Test
    @DisplayName("Lambda: if your invocation fails and BisectBatchOnFunctionError is turned on, the batch is bisected"
            + " regardless of ReportBatchItemFailures: the retry after a function error holds one half of the batch"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void aFunctionErrorSplitsTheBatchInTwo() throws Exception {
        function.respond(batch -> {
            if (batch.contains("102")) {
                throw new IllegalStateException("poison");
            }
            return JSON.nullNode();
        });
        start(settings().batchSize(10).bisect(true).reportBatchItemFailures(true).maximumRetryAttempts(5)
                .onFailure(true));
        stream.insert(100, 101, 102, 103);

        awaitInvocations(2);
        assertThat(function.batches().get(0)).containsExactly("100", "101", "102", "103");
        assertThat(function.batches().get(1)).hasSize(2).isSubsetOf(function.batches().get(0));
    }

    @Test
    @DisplayName("Lambda: when a partial batch response is received and both BisectBatchOnFunctionError and"
            + " ReportBatchItemFailures are on, the batch is bisected at the returned sequence number and only the"
            + " remaining records are retried (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void aPartialResponseSplitsAtTheReturnedSequenceNumber() throws Exception {
        function.respond(batch -> function.batches().size() == 1 ? failures("102") : JSON.nullNode());
        start(settings().batchSize(10).bisect(true).reportBatchItemFailures(true));
        stream.insert(100, 101, 102, 103, 104);

        awaitInvocations(2);
        awaitIdle();
        assertThat(function.batches()).containsExactly(
                List.of("100", "101", "102", "103", "104"),
                List.of("102", "103", "104"));
    }

    @Test
    @DisplayName("Lambda: a partial batch response naming the batch's first record is bisected at that record, so"
            + " nothing is split off: every record is retried, and after MaximumRetryAttempts all of them go to the"
            + " on-failure destination (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void aResponseNamingTheFirstRecordRetriesAndDiscardsTheWholeBatch() throws Exception {
        function.respond(batch -> failures(batch.get(0)));
        start(settings().batchSize(10).bisect(true).reportBatchItemFailures(true).maximumRetryAttempts(2)
                .onFailure(true));
        stream.insert(100, 101, 102, 103);

        await(() -> onFailure.size() == 1, "the batch discarded");
        assertThat(function.batches()).hasSize(3)
                .allSatisfy(b -> assertThat(b).containsExactly("100", "101", "102", "103"));
        assertThat(onFailure.get(0).at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(4);
        assertThat(mapping.recordsProcessed()).isZero();
    }

    @Test
    @DisplayName("Lambda: the first record of a batch failing, with the handlers' answer (a function error when the"
            + " first record fails, its sequence number when a later one does) and the template's settings"
            + " (BisectBatchOnFunctionError, ReportBatchItemFailures, MaximumRetryAttempts 5): the failing record"
            + " alone reaches the on-failure destination and every other record is processed (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html)")
    void theFirstRecordOfABatchFailingEndsAloneInTheOnFailureDestination() throws Exception {
        function.respond(batch -> {
            int poison = batch.indexOf("100");
            if (poison == 0) {
                throw new IllegalStateException("poison first");
            }
            return poison > 0 ? failures("100") : JSON.nullNode();
        });
        start(settings().batchSize(10).bisect(true).reportBatchItemFailures(true).maximumRetryAttempts(5)
                .onFailure(true));
        stream.insert(100, 101, 102, 103, 104, 105, 106, 107, 108, 109);

        await(() -> onFailure.size() == 1 && mapping.recordsProcessed() == 9, "the poison record alone discarded");
        awaitIdle();
        assertThat(onFailure).hasSize(1);
        JsonNode info = onFailure.get(0).get("DDBStreamBatchInfo");
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo("100");
        assertThat(info.get("batchSize").asInt()).isEqualTo(1);
        assertThat(function.batches().stream().flatMap(List::stream).filter(r -> !r.equals("100")).distinct())
                .hasSize(9);
    }

    // -- retries and record age

    @Test
    @DisplayName("Lambda: MaximumRetryAttempts - discard records after the specified number of retries"
            + " (the first invocation plus N retries), then send them to the on-failure destination (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html)")
    void retriesStopAtMaximumRetryAttempts() throws Exception {
        function.respond(batch -> {
            throw new IllegalStateException("always");
        });
        start(settings().batchSize(10).maximumRetryAttempts(2).onFailure(true));
        stream.insert(100, 101, 102);

        await(() -> onFailure.size() == 1, "the batch discarded");
        assertThat(function.batches()).hasSize(3).allSatisfy(b -> assertThat(b).containsExactly("100", "101", "102"));
        JsonNode request = onFailure.get(0).get("requestContext");
        assertThat(request.get("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(request.get("approximateInvokeCount").asInt()).isEqualTo(3);
        awaitIdle();
        assertThat(function.batches()).hasSize(3);
    }

    @Test
    @DisplayName("Lambda: MaximumRecordAgeInSeconds - discard records older than the specified age; a record already"
            + " too old is never sent to the function (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html)")
    void recordsOlderThanTheMaximumAgeAreDiscarded() throws Exception {
        start(settings().batchSize(10).maximumRecordAge(60).onFailure(true));
        stream.insert(Instant.now().minusSeconds(120), 100);
        stream.insert(Instant.now(), 101);

        await(() -> onFailure.size() == 1 && function.batches().size() == 1, "the old record discarded, the new one sent");
        assertThat(function.batches()).containsExactly(List.of("101"));
        assertThat(onFailure.get(0).at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(onFailure.get(0).at("/DDBStreamBatchInfo/startSequenceNumber").asText()).isEqualTo("100");
    }

    @Test
    @DisplayName("Lambda: MaximumRetryAttempts -1 means infinite: failed records are retried until the record"
            + " expires (MaximumRecordAgeInSeconds, at least 60) (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html)")
    void withInfiniteRetriesAFailingRecordIsRetriedUntilItExpires() throws Exception {
        function.respond(batch -> {
            throw new IllegalStateException("always");
        });
        start(settings().batchSize(10).maximumRetryAttempts(-1).maximumRecordAge(60).onFailure(true));
        stream.insert(Instant.now().minusMillis(58_500), 100);

        await(() -> onFailure.size() == 1, "the record expired");
        assertThat(function.batches().size()).isGreaterThan(2);
        assertThat(onFailure.get(0).at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
    }

    // -- the on-failure record

    @Test
    @DisplayName("Lambda: the on-failure destination receives an invocation record with requestContext,"
            + " responseContext, version, timestamp and DDBStreamBatchInfo (shardId, start/end sequence numbers,"
            + " approximate arrival of first and last record, batchSize, streamArn) - not the records themselves"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html)")
    void theOnFailureRecordHasTheDocumentedShape() throws Exception {
        function.respond(batch -> {
            throw new IllegalStateException("always");
        });
        Instant first = Instant.parse("2026-11-29T10:00:00Z");
        Instant last = Instant.parse("2026-11-29T10:00:05Z");
        start(settings().batchSize(10).maximumRetryAttempts(0).onFailure(true));
        stream.insertArrivedAt(List.of(first, last), 100);

        await(() -> onFailure.size() == 1, "the batch discarded");
        JsonNode message = onFailure.get(0);
        assertThat(fieldNames(message)).containsExactlyInAnyOrder("requestContext", "responseContext", "version",
                "timestamp", "DDBStreamBatchInfo");
        assertThat(fieldNames(message.get("requestContext"))).containsExactlyInAnyOrder("requestId", "functionArn",
                "condition", "approximateInvokeCount");
        assertThat(message.at("/requestContext/functionArn").asText()).isEqualTo(function.arn());
        assertThat(message.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(1);
        assertThat(fieldNames(message.get("responseContext"))).containsExactlyInAnyOrder("statusCode",
                "executedVersion", "functionError");
        assertThat(message.at("/responseContext/statusCode").asInt()).isEqualTo(200);
        assertThat(message.at("/responseContext/executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(message.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(message.get("version").asText()).isEqualTo("1.0");
        assertThat(Instant.parse(message.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
        JsonNode info = message.get("DDBStreamBatchInfo");
        assertThat(fieldNames(info)).containsExactlyInAnyOrder("shardId", "startSequenceNumber", "endSequenceNumber",
                "approximateArrivalOfFirstRecord", "approximateArrivalOfLastRecord", "batchSize", "streamArn");
        assertThat(info.get("shardId").asText()).isEqualTo(SHARD);
        assertThat(info.get("startSequenceNumber").asText()).isEqualTo("100");
        assertThat(info.get("endSequenceNumber").asText()).isEqualTo("101");
        assertThat(Instant.parse(info.get("approximateArrivalOfFirstRecord").asText())).isEqualTo(first);
        assertThat(Instant.parse(info.get("approximateArrivalOfLastRecord").asText())).isEqualTo(last);
        assertThat(info.get("batchSize").asInt()).isEqualTo(2);
        assertThat(info.get("streamArn").asText()).isEqualTo(STREAM_ARN);
    }

    @Test
    @DisplayName("Lambda: without an on-failure destination, discarded records are dropped and processing goes on"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html)")
    void withoutADestinationDiscardedRecordsAreDropped() throws Exception {
        function.respond(batch -> {
            if (batch.contains("100")) {
                throw new IllegalStateException("poison");
            }
            return JSON.nullNode();
        });
        start(settings().batchSize(1).maximumRetryAttempts(0));
        stream.insert(100, 101);

        await(() -> mapping.recordsProcessed() == 1 && mapping.recordsToFailureDestination() == 1, "100 dropped, 101 done");
        assertThat(function.batches()).containsExactly(List.of("100"), List.of("101"));
    }

    // -- batching

    @Test
    @DisplayName("Lambda: MaximumBatchingWindowInSeconds - Lambda gathers records until the window ends or the"
            + " batch is full (BatchSize), whichever comes first (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html)")
    void theBatchingWindowHoldsASmallBatchUntilItEnds() throws Exception {
        start(settings().batchSize(10).batchingWindow(2));
        Instant inserted = Instant.now();
        stream.insert(100, 101, 102);

        awaitInvocations(1);
        // the window opens when the poller first reads a record, no earlier than the insert
        assertThat(Duration.between(inserted, Instant.now())).as("held by the 2 s window")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(function.batches()).containsExactly(List.of("100", "101", "102"));
    }

    @Test
    @DisplayName("Lambda: a full batch (BatchSize records) is sent without waiting for MaximumBatchingWindowInSeconds"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html)")
    void aFullBatchDoesNotWaitForTheWindow() throws Exception {
        start(settings().batchSize(4).batchingWindow(30));
        Instant start = Instant.now();
        stream.insert(100, 101, 102, 103, 104);

        awaitInvocations(1);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(function.batches()).containsExactly(List.of("100", "101", "102", "103"));
    }

    @Test
    @DisplayName("Lambda: BatchSize - the maximum number of records in each batch that Lambda sends to the function"
            + " (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html)")
    void batchesHoldAtMostBatchSizeRecordsInOrder() throws Exception {
        start(settings().batchSize(10));
        List<Integer> sequence = new ArrayList<>();
        for (int i = 100; i < 125; i++) {
            sequence.add(i);
        }
        stream.insert(sequence.stream().mapToInt(Integer::intValue).toArray());

        await(() -> mapping.recordsProcessed() == 25, "all 25 records");
        assertThat(function.batches()).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(10));
        assertThat(function.batches().stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(sequence.stream().map(String::valueOf).toList());
    }

    // -- the runner's idle signal (LocalPipeline.awaitIdle): rounds, and which of them were busy

    @Test
    void aRoundThatHoldsABufferedRecordIsBusyAndOnlyRoundsThatFindNothingAreIdle() throws Exception {
        start(settings().batchSize(10).batchingWindow(3));
        awaitIdle();
        long idleBusy = mapping.busyRounds();
        long idleRounds = mapping.rounds();
        await(() -> mapping.rounds() >= idleRounds + 3, "three more rounds");
        assertThat(mapping.busyRounds()).as("rounds that found nothing").isEqualTo(idleBusy);

        stream.insert(100);
        await(() -> mapping.busyRounds() > idleBusy, "a busy round");
        // the record waits out the 3 s window in the buffer: a round that delivered nothing yet is busy
        assertThat(function.batches()).isEmpty();
        long busyWhileBuffered = mapping.busyRounds();
        await(() -> mapping.busyRounds() > busyWhileBuffered, "another busy round while the record is buffered");
        assertThat(function.batches()).isEmpty();
        awaitInvocations(1);
        awaitIdle();
        long afterBusy = mapping.busyRounds();
        long afterRounds = mapping.rounds();
        await(() -> mapping.rounds() >= afterRounds + 3, "three more rounds");
        assertThat(mapping.busyRounds()).isEqualTo(afterBusy);
    }

    // -- filtering

    @Test
    @DisplayName("Lambda: FilterCriteria - Lambda sends the function only the records that match a filter pattern;"
            + " records of a stream that match none are dropped (https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html)")
    void onlyRecordsMatchingAFilterPatternAreSent() throws Exception {
        start(settings().batchSize(10).filters(List.of(JSON.readTree("{\"eventName\": [\"INSERT\"]}"))));
        stream.addAll(List.of("INSERT", "MODIFY", "REMOVE", "INSERT"), 100);

        awaitInvocations(1);
        awaitIdle();
        assertThat(function.batches()).containsExactly(List.of("100", "103"));
        assertThat(mapping.recordsFiltered()).isEqualTo(2);
    }

    // -- the fixture

    private Settings settings() {
        return new Settings(10, 0, false, -1, -1, false, List.of(), false);
    }

    private record Settings(int batchSize, int window, boolean bisect, int retries, int maxAge, boolean report,
                            List<JsonNode> filters, boolean destination) {
        Settings batchSize(int n) {
            return new Settings(n, window, bisect, retries, maxAge, report, filters, destination);
        }

        Settings batchingWindow(int seconds) {
            return new Settings(batchSize, seconds, bisect, retries, maxAge, report, filters, destination);
        }

        Settings bisect(boolean on) {
            return new Settings(batchSize, window, on, retries, maxAge, report, filters, destination);
        }

        Settings maximumRetryAttempts(int n) {
            return new Settings(batchSize, window, bisect, n, maxAge, report, filters, destination);
        }

        Settings maximumRecordAge(int seconds) {
            return new Settings(batchSize, window, bisect, retries, seconds, report, filters, destination);
        }

        Settings reportBatchItemFailures(boolean on) {
            return new Settings(batchSize, window, bisect, retries, maxAge, on, filters, destination);
        }

        Settings filters(List<JsonNode> patterns) {
            return new Settings(batchSize, window, bisect, retries, maxAge, report, patterns, destination);
        }

        Settings onFailure(boolean on) {
            return new Settings(batchSize, window, bisect, retries, maxAge, report, filters, on);
        }
    }

    private void start(Settings s) {
        StreamMapping settings = new StreamMapping("Stream", STREAM_ARN, "TRIM_HORIZON", s.batchSize(), s.window(),
                s.bisect(), s.retries(), s.maxAge(), s.report(), s.filters(),
                s.destination() ? "arn:aws:sqs:us-east-1:123456789012:dlq" : null);
        mapping = new StreamEventSourceMapping(settings, function, stream,
                s.destination() ? body -> onFailure.add(read(body)) : null, ShardIteratorType.TRIM_HORIZON,
                Duration.ofMillis(5), Redelivery.ONCE, line -> { }).start();
    }

    private static JsonNode failures(String... sequenceNumbers) {
        ObjectNode response = JSON.createObjectNode();
        for (String id : sequenceNumbers) {
            response.withArray("batchItemFailures").addObject().put("itemIdentifier", id);
        }
        return response;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitInvocations(int n) throws InterruptedException {
        await(() -> function.batches().size() >= n, n + " invocations");
    }

    /** Idle as seen by a poll loop that read the stream after this call: a loop that began earlier may be stale. */
    private void awaitIdle() throws InterruptedException {
        int readsBefore = stream.reads();
        await(() -> stream.reads() >= readsBefore + 2 && mapping.idle(), "the mapping idle");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(20);
        }
    }

    /** One shard of records in memory, readable from TRIM_HORIZON or LATEST. */
    private static final class MemoryStream implements StreamSource {
        private final List<SourceRecord> records = new CopyOnWriteArrayList<>();
        private final AtomicInteger reads = new AtomicInteger();

        int reads() {
            return reads.get();
        }

        void insert(int... sequenceNumbers) {
            insert(Instant.now(), sequenceNumbers);
        }

        /** All at once, as one write that the poller sees whole (one GetRecords answer). */
        void insert(Instant arrival, int... sequenceNumbers) {
            List<SourceRecord> written = new ArrayList<>();
            for (int sequence : sequenceNumbers) {
                written.add(record("INSERT", arrival, sequence));
            }
            records.addAll(written);
        }

        void insertArrivedAt(List<Instant> arrivals, int firstSequence) {
            List<SourceRecord> written = new ArrayList<>();
            for (int i = 0; i < arrivals.size(); i++) {
                written.add(record("INSERT", arrivals.get(i), firstSequence + i));
            }
            records.addAll(written);
        }

        void addAll(List<String> eventNames, int firstSequence) {
            List<SourceRecord> written = new ArrayList<>();
            for (int i = 0; i < eventNames.size(); i++) {
                written.add(record(eventNames.get(i), Instant.now(), firstSequence + i));
            }
            records.addAll(written);
        }

        private static SourceRecord record(String eventName, Instant arrival, int sequence) {
            ObjectNode record = JSON.createObjectNode();
            record.put("eventID", "e" + sequence);
            record.put("eventName", eventName);
            record.put("eventSource", "aws:dynamodb");
            ObjectNode dynamodb = record.putObject("dynamodb");
            dynamodb.putObject("Keys").putObject("pk").put("S", "k" + sequence);
            dynamodb.put("SequenceNumber", String.valueOf(sequence));
            record.put("eventSourceARN", STREAM_ARN);
            return new SourceRecord(record, arrival);
        }

        @Override
        public List<ShardId> shards() {
            return List.of(new ShardId(SHARD, null));
        }

        @Override
        public ShardReader open(String shardId, ShardIteratorType position) {
            int[] next = {position == ShardIteratorType.LATEST ? records.size() : 0};
            return () -> {
                reads.incrementAndGet();
                List<SourceRecord> out = new ArrayList<>();
                Iterator<SourceRecord> it = records.listIterator(next[0]);
                while (it.hasNext()) {
                    out.add(it.next());
                }
                next[0] += out.size();
                return out;
            };
        }
    }

    /** A function that records each batch's sequence numbers and answers as told (or throws: a function error). */
    private static final class FakeFunction implements StreamEventSourceMapping.Target {
        private final List<List<String>> batches = new CopyOnWriteArrayList<>();
        private volatile Function<List<String>, JsonNode> behaviour = batch -> JSON.nullNode();

        void respond(Function<List<String>, JsonNode> answer) {
            this.behaviour = answer;
        }

        List<List<String>> batches() {
            return batches;
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public String arn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:fake";
        }

        @Override
        public JsonNode invoke(String eventJson) throws LocalFunction.FunctionError {
            List<String> sequenceNumbers = new ArrayList<>();
            read(eventJson).get("Records").forEach(r -> sequenceNumbers.add(r.at("/dynamodb/SequenceNumber").asText()));
            batches.add(List.copyOf(sequenceNumbers));
            try {
                return behaviour.apply(sequenceNumbers);
            } catch (RuntimeException e) {
                throw new LocalFunction.FunctionError(name(), e);
            }
        }
    }
}
