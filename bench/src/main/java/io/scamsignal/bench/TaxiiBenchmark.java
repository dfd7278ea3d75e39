package io.scamsignal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.feed.FeedEntry;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.IndicatorState;
import io.scamsignal.domain.stix.StixExporter;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.stix.StixIndicator;
import io.scamsignal.domain.stix.StixTime;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.emulator.aws.EmbeddedMoto;
import io.scamsignal.emulator.aws.EmulatorProcess;
import io.scamsignal.ops.PartnerKey;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * TAXII read cost: a feed table of {@code bench.taxiiObjects} (50,000) objects (indicator, observable,
 * sighting per indicator, as alerting appends them), walked through the runner's HTTP API, the
 * partner-key authorizer and the partner-api function in pages of 1,000 objects with {@code next}.
 * Read units are computed as DynamoDB charges an eventually consistent Query: 0.5 per 4 KB of
 * items read, rounded up per call, over the items each page's Query reads (the page and one more).
 */
public final class TaxiiBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaxiiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("scamsignal.projectDir", ".")).toAbsolutePath().normalize();
        int objects = Integer.getInteger("bench.taxiiObjects", 50_000);
        int pageSize = 1000;
        System.out.println("== TAXII benchmark: " + objects + " objects, pages of " + pageSize + " ==");
        try (EmulatorProcess moto = EmbeddedMoto.start(project.resolve(".venv"), 0, project.resolve("bench/target/moto-taxii.log"));
             LocalPipeline pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(project.resolve("infra/template.yaml"),
                     moto.endpoint(), "taxii-" + UUID.randomUUID().toString().substring(0, 6)))) {
            DynamoDbClient dynamoDb = pipeline.aws().dynamoDb();
            String table = pipeline.ref("FeedTable");
            long t0 = System.nanoTime();
            Map<String, Integer> sizes = load(dynamoDb, table, objects);
            System.out.printf("loaded %d feed items in %.1f s%n", sizes.size(), (System.nanoTime() - t0) / 1e9);

            PartnerKey.Created key = PartnerKey.create(dynamoDb, pipeline.ref("PartnerKeysTable"), "bench", "*", Instant.now());
            String auth = "Basic " + Base64.getEncoder().encodeToString((key.keyId() + ":" + key.secret())
                    .getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + pipeline.port() + "/taxii2/api/collections/"
                    + TaxiiResources.Collection.INDICATORS.id() + "/objects/";
            List<Double> pageMillis = new ArrayList<>();
            List<Double> pageUnits = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String next = null;
            long walkStart = System.nanoTime();
            do {
                String url = base + "?limit=" + pageSize + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                        .header("Accept", "application/taxii+json;version=2.1").build(), HttpResponse.BodyHandlers.ofString());
                pageMillis.add((System.nanoTime() - start) / 1e6);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("page answered " + response.statusCode() + ": " + response.body());
                }
                JsonNode page = JSON.readTree(response.body());
                long bytes = 0;
                for (JsonNode o : page.path("objects")) {
                    String id = o.get("id").asText();
                    if (!seen.add(id)) {
                        throw new IllegalStateException("object twice: " + id);
                    }
                    bytes += sizes.get(id);
                }
                // the Query reads one item beyond the page to know whether there is more
                bytes += page.path("more").asBoolean() ? bytes / Math.max(1, page.path("objects").size()) : 0;
                pageUnits.add(Math.ceil(bytes / 4096.0) * 0.5);
                next = page.path("more").asBoolean() ? page.get("next").asText() : null;
            } while (next != null);
            double walkSeconds = (System.nanoTime() - walkStart) / 1e9;
            if (seen.size() != sizes.size()) {
                throw new IllegalStateException("walked " + seen.size() + " objects of " + sizes.size());
            }
            List<Double> full = pageMillis.subList(1, pageMillis.size() - 1);
            double units = pageUnits.stream().mapToDouble(Double::doubleValue).sum();
            Stats stats = Stats.of(full);
            System.out.printf("[figure] TAXII page of %d objects: median %.0f ms, p90 %.0f ms (through the runner's"
                            + " HTTP API, authorizer cached, moto)%n", pageSize, stats.median(), stats.p90());
            System.out.printf("[figure] TAXII page of %d objects: %.1f read units (computed, eventually consistent)%n",
                    pageSize, pageUnits.get(1));
            System.out.printf("[figure] TAXII walk of %d objects: %d pages in %.1f s, %.0f read units in all%n",
                    seen.size(), pageMillis.size(), walkSeconds, units);
        }
    }

    /** Feed items as alerting writes them, straight into the table; returns each object's item size. */
    private static Map<String, Integer> load(DynamoDbClient dynamoDb, String table, int objects) {
        StixExporter exporter = StixExporter.defaults();
        String collection = TaxiiResources.Collection.INDICATORS.id();
        Map<String, Integer> sizes = new HashMap<>();
        List<WriteRequest> batch = new ArrayList<>();
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        FeedEntry.FeedPosition position = null;
        int indicators = (objects + 2) / 3;
        for (int i = 0; i < indicators && sizes.size() < objects; i++) {
            Instant now = base.plusMillis(i * 7L);
            String value = String.format("+1888%07d", i);
            IndicatorState state = IndicatorState.first(StixIds.indicatorIdFor("phone#" + value), now);
            StixIndicator in = new StixIndicator("phone", value, value, new TreeSet<>(List.of("Microsoft")),
                    List.of("distinct_reporters"), 60, now.minusSeconds(3600), now, 3, 3);
            for (Map<String, Object> object : exporter.objects(state, in)) {
                if (sizes.size() >= objects) {
                    break;
                }
                position = FeedEntry.next(position, now);
                FeedEntry e = FeedEntry.of(collection, position, Json.write(object));
                Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(collection),
                        "sk", AttributeValue.fromS(e.sortKey()), "objectId", AttributeValue.fromS(e.objectId()),
                        "type", AttributeValue.fromS(e.type()), "version", AttributeValue.fromS(StixTime.format(e.version())),
                        "first", AttributeValue.fromS(StixTime.format(e.version())),
                        "last", AttributeValue.fromS(StixTime.format(e.version())), "object", AttributeValue.fromS(e.objectJson()));
                int size = item.entrySet().stream().mapToInt(a -> a.getKey().length()
                        + a.getValue().s().getBytes(StandardCharsets.UTF_8).length).sum();
                sizes.put(e.objectId(), size);
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                if (batch.size() == 25) {
                    write(dynamoDb, table, batch);
                }
            }
        }
        write(dynamoDb, table, batch);
        return sizes;
    }

    private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        while (!pending.isEmpty() && !pending.get(table).isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
        batch.clear();
    }
}
