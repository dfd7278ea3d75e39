package io.scamsignal.bench;

import io.scamsignal.domain.feed.MispFeed;
import io.scamsignal.domain.feed.NumberFeedPager;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.storage.FeedTableKeys;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import io.scamsignal.ops.PartnerKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The MISP and number feeds' read cost as the alerted indicators grow: at each size of
 * {@code bench.feedSizes} (1,000, 10,000, 100,000; quick: {@code -Dbench.feedSizes=500,2000}) one
 * number-feed page of 1,000 rows, the latest MISP day's event (200 indicators) and the manifest
 * (366 days) are fetched through the runner's HTTP API, the partner-key authorizer and the
 * partner-api function on moto, timed (median of five) and their read units computed as DynamoDB
 * charges eventually consistent reads (0.5 per 4 KB per Query, rounded up) from the queries the
 * function makes, re-run here. The feed table is seeded directly with BatchWriteItem in the item
 * layout alerting's writer uses (current# items with their index keys, one summary per day), not
 * through the pipeline: 100,000 alerts through moto would take hours. The latest day holds 200
 * indicators and the others are spread over the 365 days before it, so only the total grows.
 */
public final class FeedBenchmark {

    private static final String COLLECTION = TaxiiResources.Collection.INDICATORS.id();
    private static final int PAGE = 1000;
    private static final int LATEST_DAY = 200;
    private static final int OLDER_DAYS = 365;
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    /** Timed requests of each kind after one warm-up ({@code bench.feedRuns}, default 3: moto is slow at 100,000). */
    private static final int RUNS = Integer.getInteger("bench.feedRuns", 3);

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        int[] sizes = Arrays.stream(System.getProperty("bench.feedSizes", "1000,10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).sorted().toArray();
        System.out.println("== Feed benchmark: " + Arrays.toString(sizes) + " alerted numbers ==");
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-feeds.log"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "feeds-" + UUID.randomUUID().toString().substring(0, 6)))) {
            DynamoDbClient dynamoDb = pipeline.aws().dynamoDb();
            String table = pipeline.ref("FeedTable");
            PartnerKey.Created key = PartnerKey.create(dynamoDb, pipeline.ref("PartnerKeysTable"), "bench", "*", Instant.now());
            String auth = "Basic " + Base64.getEncoder().encodeToString((key.keyId() + ":" + key.secret())
                    .getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + pipeline.port();
            Seeder seeder = new Seeder(dynamoDb, table);
            seeder.summaries();
            for (int size : sizes) {
                long t0 = System.nanoTime();
                seeder.growTo(size);
                System.out.printf("seeded %,d alerted numbers (BatchWriteItem, alerting's item layout) in %.1f s%n",
                        size, (System.nanoTime() - t0) / 1e9);
                String latest = MispFeed.eventUuid(TODAY);
                Stats page = time(http, auth, base + "/feeds/numbers.csv?limit=" + PAGE, Math.min(PAGE, size));
                Stats event = time(http, auth, base + "/misp/" + latest + ".json", -1);
                Stats manifest = time(http, auth, base + "/misp/manifest.json", -1);
                Stats etag = time304(http, auth, base + "/misp/manifest.json");
                long q0 = System.nanoTime();
                double pageUnits = units(dynamoDb, numbersQuery(table, false)) + units(dynamoDb, numbersQuery(table, true));
                // what moto alone takes for the page's two index Queries: it answers an index Query by going through every item
                System.out.printf("moto alone: the number page's two index Queries took %.0f ms%n", (System.nanoTime() - q0) / 1e6);
                double eventUnits = 0.5 + units(dynamoDb, QueryRequest.builder().tableName(table).indexName(FeedTableKeys.BY_MISP_DAY_INDEX)
                        .keyConditionExpression("#d = :d").expressionAttributeNames(Map.of("#d", FeedTableKeys.MISP_DAY))
                        .expressionAttributeValues(Map.of(":d", AttributeValue.fromS(FeedTableKeys.mispDay(COLLECTION, TODAY.toString()))))
                        .build());
                double manifestUnits = units(dynamoDb, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(FeedTableKeys.mispDaysPartition(COLLECTION))))
                        .build());
                double wholeUnits = units(dynamoDb, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(FeedTableKeys.currentPartition(COLLECTION))))
                        .build());
                System.out.printf("[figure] feeds at %,d alerted numbers: number-feed page of %,d rows median %.0f ms (p90 %.0f),"
                                + " %.1f read units%n", size, PAGE, page.median(), page.p90(), pageUnits);
                System.out.printf("[figure] feeds at %,d alerted numbers: MISP day event (%d attributes) median %.0f ms, %.1f read units%n",
                        size, LATEST_DAY, event.median(), eventUnits);
                System.out.printf("[figure] feeds at %,d alerted numbers: MISP manifest (%d days) median %.0f ms, %.1f read units;"
                        + " 304 with If-None-Match median %.0f ms%n", size, OLDER_DAYS + 1, manifest.median(), manifestUnits, etag.median());
                System.out.printf("[figure] feeds at %,d alerted numbers: reading every alerted indicator (as before) %.1f read units%n",
                        size, wholeUnits);
            }
        }
    }

    /** The Query the function makes of each number index for a first page (the live one within a phone's validity). */
    private static QueryRequest numbersQuery(String table, boolean byExpiry) {
        Instant now = Instant.now();
        NumberFeedPager.Query q = new NumberFeedPager.Query(null, PAGE, null);
        String end = NumberFeedPager.Query.endKey(now);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(FeedTableKeys.numbersPartition(COLLECTION)),
                ":end", AttributeValue.fromS(end)));
        String condition = "#pk = :pk AND #sk <= :end";
        if (!byExpiry) {
            condition = "#pk = :pk AND #sk BETWEEN :start AND :end";
            values.put(":start", AttributeValue.fromS(q.liveStartKey(now, ExpiryRules.DEFAULTS.of("phone"))));
        }
        return QueryRequest.builder().tableName(table)
                .indexName(byExpiry ? FeedTableKeys.NUMBERS_BY_EXPIRY_INDEX : FeedTableKeys.NUMBERS_BY_WRITE_INDEX)
                .keyConditionExpression(condition)
                .expressionAttributeNames(Map.of("#pk", byExpiry ? FeedTableKeys.NUM_EXPIRY_PK : FeedTableKeys.NUM_WRITE_PK,
                        "#sk", byExpiry ? FeedTableKeys.NUM_EXPIRY_SK : FeedTableKeys.NUM_WRITE_SK))
                .expressionAttributeValues(values).limit(PAGE + 1).build();
    }

    /** Read units of a Query (all its calls, as the function pages it): 0.5 per 4 KB per call, rounded up. */
    private static double units(DynamoDbClient dynamoDb, QueryRequest request) {
        double units = 0;
        Map<String, AttributeValue> lastKey = null;
        int read = 0;
        do {
            QueryRequest.Builder b = request.toBuilder();
            if (lastKey != null) {
                b.exclusiveStartKey(lastKey);
            }
            QueryResponse response = dynamoDb.query(b.build());
            long bytes = response.items().stream().mapToLong(FeedBenchmark::size).sum();
            units += Math.max(1, Math.ceil(bytes / 4096.0)) * 0.5;
            read += response.count();
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (lastKey != null && (request.limit() == null || read < request.limit()));
        return units;
    }

    private static long size(Map<String, AttributeValue> item) {
        long n = 0;
        for (var a : item.entrySet()) {
            AttributeValue v = a.getValue();
            n += a.getKey().length();
            if (v.s() != null) {
                n += v.s().getBytes(StandardCharsets.UTF_8).length;
            } else if (v.n() != null) {
                n += v.n().length();
            } else if (v.hasSs()) {
                n += v.ss().stream().mapToLong(x -> x.length()).sum();
            } else {
                n += 1;
            }
        }
        return n;
    }

    private static Stats time(HttpClient http, String auth, String url, int expectedRows) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS + 1; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - start) / 1e6;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
            }
            if (expectedRows > 0 && r.body().lines().count() != expectedRows + 1) {
                throw new IllegalStateException(url + " gave " + (r.body().lines().count() - 1) + " rows");
            }
            if (i > 0) {
                millis.add(ms);
            }
        }
        return Stats.of(millis);
    }

    private static Stats time304(HttpClient http, String auth, String url) throws Exception {
        HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
            if (r.statusCode() != 304) {
                throw new IllegalStateException(url + " with its ETag answered " + r.statusCode());
            }
        }
        return Stats.of(millis);
    }

    /** Writes current# items as alerting's StixFeedWrites.current does, and a summary per day. */
    private static final class Seeder {
        private final DynamoDbClient dynamoDb;
        private final String table;
        private final List<WriteRequest> batch = new ArrayList<>();
        private int count;

        Seeder(DynamoDbClient dynamoDb, String table) {
            this.dynamoDb = dynamoDb;
            this.table = table;
        }

        void summaries() {
            for (int d = 0; d <= OLDER_DAYS; d++) {
                LocalDate day = TODAY.minusDays(d);
                add(Map.of("pk", s(FeedTableKeys.mispDaysPartition(COLLECTION)), "sk", s(MispFeed.eventUuid(day)),
                        "day", s(day.toString()), "ts", AttributeValue.fromN(Long.toString(day.atTime(23, 0).toEpochSecond(ZoneOffset.UTC))),
                        "rev", AttributeValue.fromN("1"),
                        "tags", AttributeValue.fromSs(List.copyOf(MispFeed.tags(List.of("Microsoft"), List.of("distinct_reporters"), List.of("public"))))));
            }
            flush();
        }

        void growTo(int size) {
            while (count < size) {
                int i = count++;
                // the first LATEST_DAY numbers alert on the latest day; the others on the days before it
                LocalDate day = i < LATEST_DAY ? TODAY : TODAY.minusDays(1 + (i % OLDER_DAYS));
                Instant alerted = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofSeconds(i % 80_000));
                String value = String.format("+1888%07d", i);
                Instant lastSeen = alerted.minusSeconds(60);
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", s(FeedTableKeys.currentPartition(COLLECTION)));
                item.put("sk", s("phone#" + value));
                item.put("stixId", s(StixIds.indicatorIdFor("phone#" + value)));
                item.put("alertedAt", s(alerted.toString()));
                item.put("changedAt", s(alerted.toString()));
                item.put("revoked", AttributeValue.fromBool(false));
                item.put(FeedTableKeys.MISP_DAY, s(FeedTableKeys.mispDay(COLLECTION, day.toString())));
                item.put("type", s("phone"));
                item.put("value", s(value));
                item.put("firstSeen", s(lastSeen.minusSeconds(86_400).toString()));
                item.put("lastSeen", s(lastSeen.toString()));
                item.put("distinctReporters", AttributeValue.fromN("3"));
                item.put("confidence", AttributeValue.fromN("60"));
                item.put("brands", s(Json.write(List.of("Microsoft"))));
                item.put("sources", s(Json.write(List.of("public"))));
                item.put("rules", AttributeValue.fromSs(List.of("distinct_reporters")));
                item.put(FeedTableKeys.NUM_WRITE_PK, s(FeedTableKeys.numbersPartition(COLLECTION)));
                item.put(FeedTableKeys.NUM_WRITE_SK, s(NumberFeedPager.key(alerted, value)));
                item.put(FeedTableKeys.NUM_EXPIRY_PK, s(FeedTableKeys.numbersPartition(COLLECTION)));
                item.put(FeedTableKeys.NUM_EXPIRY_SK, s(NumberFeedPager.key(ExpiryRules.DEFAULTS.validUntil("phone", lastSeen), value)));
                add(item);
            }
            flush();
        }

        private void add(Map<String, AttributeValue> item) {
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25) {
                flush();
            }
        }

        private void flush() {
            Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
            while (!pending.isEmpty() && pending.containsKey(table) && !pending.get(table).isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
            batch.clear();
        }

        private static AttributeValue s(String v) {
            return AttributeValue.fromS(v);
        }
    }

}
