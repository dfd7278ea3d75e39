package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.feed.TaxiiResources;
import io.scamsignal.domain.partner.PartnerScopes;
import io.scamsignal.ops.FalsePositive;
import io.scamsignal.ops.Ops;
import io.scamsignal.ops.OpsEnvironment;
import io.scamsignal.domain.storage.FeedTableKeys;
import io.scamsignal.ops.PartnerKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The partner exchange end to end: reports through the runner's HTTP API, alerts appending STIX to
 * the feed table, and a real TAXII client (taxii2-client from .venv, tools/taxii_walk.py) reading
 * it through the emulated partner-key authorizer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerExchangeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INDICATORS = TaxiiResources.Collection.INDICATORS.id();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private PartnerKey.Created key;
    private String discovery;
    private String stack;

    @BeforeAll
    void start() throws Exception {
        stack = "px-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                .withParameters(Map.of("PartnerAuthCacheSeconds", "1", "PartnerReportsPerMinute", "20")));
        key = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), "acme-cert",
                PartnerScopes.parse("read:*,submit"), Instant.now());
        discovery = "http://127.0.0.1:" + pipeline.port() + "/taxii2/";
        postBatch(0);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void taxii2ClientDiscoversTheServerAndItsIndicatorsCollection() throws Exception {
        JsonNode out = walk("discover", 50, null);
        assertThat(out.get("api_roots").get(0).asText()).isEqualTo(discovery + "api/");
        assertThat(out.get("root_versions").get(0).asText()).isEqualTo("application/taxii+json;version=2.1");
        assertThat(out.get("collections").toString()).contains(INDICATORS);
        assertThat(out.get("can_read").asBoolean()).isTrue();
    }

    @Test
    void walkingByPagesWithAddedAfterAndWithNextAloneSeesEveryLatestObjectOnce() throws Exception {
        Set<List<String>> expected = latestInFeed();
        assertThat(expected.size()).as("objects in the feed").isGreaterThan(40);
        for (String mode : List.of("pages", "next")) {
            JsonNode out = walk(mode, 7, null);
            List<List<String>> seen = pairs(out);
            assertThat(seen).as(mode + ": no object twice").doesNotHaveDuplicates();
            assertThat(new HashSet<>(seen)).as(mode + ": none missing, none extra").isEqualTo(expected);
            assertThat(out.get("pages").asInt()).isEqualTo((expected.size() + 6) / 7);
        }
    }

    @Test
    void aPageNeverRepeatsOrSkipsAnObjectWhileReportsKeepArriving() throws Exception {
        Path flag = Files.createTempFile("taxii-done", ".flag");
        Files.delete(flag);
        JsonNode out;
        try (ExternalProcess walker = start("slow-next", 5, flag.toString())) {
            postBatch(1);
            postBatch(2);
            assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(180))).isTrue();
            Files.writeString(flag, "done");
            out = finish(walker);
        }
        List<List<String>> seen = pairs(out);
        assertThat(seen).as("no (id, version) twice").doesNotHaveDuplicates();
        Set<List<String>> latest = latestInFeed();
        // every object's latest version, including those appended during the walk
        assertThat(new HashSet<>(seen)).containsAll(latest);
        // and nothing that is not in the feed at all
        Set<List<String>> everAppended = allInFeed();
        assertThat(everAppended).containsAll(seen);
        System.out.printf("[figure] TAXII walk while reports arrived: %d objects in %d pages, %d latest at the end%n",
                seen.size(), out.get("pages").asInt(), latest.size());
    }

    @Test
    void missingWrongRevokedAndCollectionLimitedKeysSeeNothing() throws Exception {
        assertThat(get("/taxii2/api/collections/" + INDICATORS + "/objects/", null, null).statusCode()).isEqualTo(401);
        assertThat(walk("denied", 0, null, "", "").get("status").asInt()).isEqualTo(401);
        assertThat(walk("denied", 0, null, key.keyId(), key.secret() + "x").get("status").asInt()).isEqualTo(403);
        assertThat(walk("denied", 0, null, "pk_nosuchkey", key.secret()).get("status").asInt()).isEqualTo(403);

        PartnerKey.Created revoked = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"),
                "old-partner", "*", Instant.now());
        assertThat(get("/taxii2/api/collections/", revoked, null).statusCode()).isEqualTo(200);
        assertThat(PartnerKey.revoke(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), revoked.keyId(),
                Instant.now())).isTrue();
        // denied once the authorizer cache (PartnerAuthCacheSeconds=1 here) has let the allowed answer go
        HttpResponse<String> afterRevoke = Await.until(
                () -> get("/taxii2/api/collections/" + INDICATORS + "/objects/", revoked, null),
                r -> r.statusCode() != 200, Duration.ofSeconds(5), "the revoked key refused");
        assertThat(afterRevoke.statusCode()).isEqualTo(403);
        assertThat(afterRevoke.body()).doesNotContain("indicator--");

        PartnerKey.Created ringsOnly = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"),
                "ring-watchers", TaxiiResources.Collection.RINGS.id(), Instant.now());
        HttpResponse<String> collections = get("/taxii2/api/collections/", ringsOnly, null);
        assertThat(collections.statusCode()).isEqualTo(200);
        assertThat(collections.body()).doesNotContain(INDICATORS).contains(TaxiiResources.Collection.RINGS.id());
        HttpResponse<String> objects = get("/taxii2/api/collections/" + INDICATORS + "/objects/", ringsOnly, null);
        assertThat(objects.statusCode()).isEqualTo(403);
        assertThat(objects.body()).doesNotContain("indicator--");
    }

    @Test
    void theTaxiiMediaTypeOrA406AndTheDateAddedHeaders() throws Exception {
        HttpResponse<String> json = get("/taxii2/api/collections/" + INDICATORS + "/objects/", key, "application/json");
        assertThat(json.statusCode()).isEqualTo(406);
        HttpResponse<String> page = get("/taxii2/api/collections/" + INDICATORS + "/objects/?limit=3", key,
                "application/taxii+json;version=2.1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("application/taxii+json;version=2.1");
        assertThat(page.headers().firstValue("X-TAXII-Date-Added-First")).isPresent();
        assertThat(page.headers().firstValue("X-TAXII-Date-Added-Last")).isPresent();
        JsonNode body = JSON.readTree(page.body());
        assertThat(body.get("objects")).hasSize(3);
        assertThat(body.get("more").asBoolean()).isTrue();
        HttpResponse<String> bad = get("/taxii2/api/collections/" + INDICATORS + "/objects/?added_after=yesterday", key, null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("error_code").asText()).isEqualTo("invalid_added_after");
    }

    @Test
    void aFalsePositiveRevokesItsIndicatorWhichKeepsItsIdAcrossVersions() throws Exception {
        String indicatorKey = "phone#+18885550700";
        String stixId = stateItem(indicatorKey).get("stixId").s();
        assertThat(FalsePositive.mark(pipeline.aws().dynamoDb(), pipeline.ref("IndicatorsTable"), indicatorKey,
                "the bank's own line")).isTrue();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(stateItem(indicatorKey).get("stixRevoked").bool()).isTrue();

        HttpResponse<String> versions = get("/taxii2/api/collections/" + INDICATORS + "/objects/" + stixId + "/versions/",
                key, null);
        assertThat(versions.statusCode()).isEqualTo(200);
        JsonNode v = JSON.readTree(versions.body()).get("versions");
        assertThat(v.size()).isGreaterThanOrEqualTo(2);
        HttpResponse<String> latest = get("/taxii2/api/collections/" + INDICATORS + "/objects/" + stixId + "/", key, null);
        JsonNode objects = JSON.readTree(latest.body()).get("objects");
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).get("revoked").asBoolean()).isTrue();
        assertThat(objects.get(0).get("modified").asText()).isEqualTo(v.get(v.size() - 1).asText());
        HttpResponse<String> all = get("/taxii2/api/collections/" + INDICATORS + "/objects/" + stixId
                + "/?match%5Bversion%5D=all", key, null);
        assertThat(JSON.readTree(all.body()).get("objects")).hasSize(v.size());
    }

    @Test
    void replayedStreamsAppendNothingTwiceAndMintNoSecondId() throws Exception {
        Set<List<String>> before = allInFeed();
        String stixId = stateItem("phone#+18885550701").get("stixId").s();
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(allInFeed()).isEqualTo(before);
        assertThat(feedItems()).hasSize(before.size());
        assertThat(stateItem("phone#+18885550701").get("stixId").s()).isEqualTo(stixId);
    }

    @Test
    void pymispLoadsTheMispFeedBehindTheSameKeys() throws Exception {
        HttpResponse<String> manifest = get("/misp/manifest.json", key, null);
        assertThat(manifest.statusCode()).isEqualTo(200);
        JsonNode events = JSON.readTree(manifest.body());
        assertThat(events.size()).isGreaterThanOrEqualTo(1);
        Path dir = Files.createDirectories(TestEmulator.projectDir().resolve("e2e/target/misp-feed-" + UUID.randomUUID()));
        Files.writeString(dir.resolve("manifest.json"), manifest.body());
        // no hashes.csv: one answer listing every attribute does not stay bounded (MISP reads the events instead)
        assertThat(get("/misp/hashes.csv", key, null).statusCode()).isEqualTo(404);
        for (var uuid : (Iterable<String>) events::fieldNames) {
            HttpResponse<String> event = get("/misp/" + uuid + ".json", key, null);
            assertThat(event.statusCode()).isEqualTo(200);
            assertThat(event.body()).doesNotContain("@example.org");
            Files.writeString(dir.resolve(uuid + ".json"), event.body());
        }
        ExternalProcess.Result check = ExternalProcess.run(new ProcessBuilder(
                TestEmulator.projectDir().resolve(".venv/bin/python").toString(),
                TestEmulator.projectDir().resolve("tools/misp_feed_check.py").toString(), dir.toString())
                .redirectErrorStream(true), Duration.ofMinutes(2));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(get("/misp/manifest.json", null, null).statusCode()).isEqualTo(401);
        PartnerKey.Created ringsOnly = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"),
                "rings-only", TaxiiResources.Collection.RINGS.id(), Instant.now());
        assertThat(get("/misp/manifest.json", ringsOnly, null).statusCode()).isEqualTo(403);
    }

    @Test
    void theNumberFeedParsesAsCsvWithTheDocumentedColumnsAndSinceNarrowsIt() throws Exception {
        HttpResponse<String> csv = get("/feeds/numbers.csv", key, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", io.scamsignal.domain.feed.NumberFeed.COLUMNS));
        assertThat(lines.size() - 1).isGreaterThanOrEqualTo(10);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(io.scamsignal.domain.feed.NumberFeed.COLUMNS.size());
            assertThat(cells[0]).matches("\\+[1-9][0-9]{6,14}");
            assertThat(cells[1]).isEqualTo("US");
            assertThat(cells[2]).isEqualTo("toll-free");
            assertThat(cells[7]).isIn("active", "expired", "revoked");
            Instant.parse(cells[9]);
        }
        String lastUpdated = lines.get(lines.size() - 1).split(",")[9];
        HttpResponse<String> since = get("/feeds/numbers.jsonl?since=" + lastUpdated, key, null);
        assertThat(since.statusCode()).isEqualTo(200);
        assertThat(since.body().lines().count()).isLessThan(lines.size() - 1);
        HttpResponse<String> all = get("/feeds/numbers.jsonl", key, null);
        assertThat(all.body().lines().count()).isEqualTo(lines.size() - 1);
        all.body().lines().forEach(l -> assertThat(l).startsWith("{\"e164\":\"+"));
        assertThat(get("/feeds/numbers.csv?since=yesterday", key, null).statusCode()).isEqualTo(400);
    }

    @Test
    void aPollerWalksTheNumberFeedByPagesAndTheMispFeedByDayAndPaysNothingForWhatItHas() throws Exception {
        HttpResponse<String> whole = get("/feeds/numbers.csv", key, null);
        List<List<String>> expected = whole.body().lines().skip(1).map(l -> l.split(",", -1))
                .map(c -> List.of(c[0], c[9], c[7])).toList();
        assertThat(expected.size()).isGreaterThanOrEqualTo(10);
        Path project = TestEmulator.projectDir();
        ExternalProcess.Result walk = ExternalProcess.run(new ProcessBuilder(project.resolve(".venv/bin/python").toString(),
                project.resolve("tools/feed_walk.py").toString(), "http://127.0.0.1:" + pipeline.port(), key.keyId(),
                key.secret(), "3").redirectError(ProcessBuilder.Redirect.INHERIT), Duration.ofMinutes(2));
        assertThat(walk.exitCode()).as(walk.output()).isZero();
        JsonNode out = JSON.readTree(walk.output().lines().reduce((a, b) -> b).orElseThrow());
        List<List<String>> walked = new ArrayList<>();
        out.get("rows").forEach(r -> walked.add(List.of(r.get(0).asText(), r.get(1).asText(), r.get(2).asText())));
        // pages of three, in order, every row once: the same as one page of all
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(out.get("pages").asInt()).isEqualTo((expected.size() + 2) / 3);
        assertThat(out.get("number_304").asBoolean()).isTrue();
        assertThat(out.get("manifest_304").asBoolean()).isTrue();
        assertThat(out.get("events_304").asBoolean()).isTrue();
        assertThat(out.get("attributes").asInt()).isGreaterThanOrEqualTo(20);

        // a stale ETag gets the body
        HttpRequest.Builder stale = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/misp/manifest.json"))
                .header("If-None-Match", "\"stale\"").header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (key.keyId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8)));
        assertThat(http.send(stale.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // bad paging parameters: 400 with a stable code, in German on request
        for (String bad : List.of("limit=0", "limit=many", "next=forged.token", "since=yesterday")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port()
                    + "/feeds/numbers.jsonl?" + bad)).header("Accept-Language", "de").header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((key.keyId() + ":" + key.secret()).getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.get("code").asText()).isIn("invalid_limit", "invalid_next", "invalid_since");
            assertThat(error.get("message").asText()).containsAnyOf("muss", "ungültig");
        }
        // an event of no day
        assertThat(get("/misp/" + UUID.randomUUID() + ".json", key, null).statusCode()).isEqualTo(404);
    }

    @Test
    void bulkSubmissionsAnswerPerLineStoreTheOrganisationAndRefuseOversizedBodies() throws Exception {
        String good = """
                {"contactMethod":"phone_call","impersonatedCompany":"Amazon","incidentDate":"2026-11-20","country":"GB","scammer":{"phoneNumbers":["+44 20 7946 0999"]}}""";
        String bad = """
                {"contactMethod":"carrier_pigeon","impersonatedCompany":"","incidentDate":"2026-11-20","country":"GB"}""";
        // two numbers, one reporter each: nothing alerts, so the feed the other tests walk stays as it is
        HttpResponse<String> response = postBulk(good + "\n" + bad + "\n\nnot json\n" + good.replace("0999", "0998") + "\n", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = body.get("results");
        assertThat(results.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(results.get(0).get("reportId").asText()).isNotEmpty();
        assertThat(results.get(1).get("errors").toString()).contains("contactMethod", "impersonatedCompany");
        assertThat(results.get(2).get("line").asInt()).isEqualTo(4);
        assertThat(results.get(2).get("errors").get(0).get("code").asText()).isEqualTo("malformed_json");
        String stored = results.get(0).get("reportId").asText();
        Map<String, AttributeValue> report = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("ReportsTable"))
                .key(Map.of("reportId", AttributeValue.fromS(stored)))).item();
        assertThat(report.get("organisation").s()).isEqualTo("acme-cert");

        String tooMany = (good + "\n").repeat(501);
        HttpResponse<String> oversized = postBulk(tooMany, key);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("too_many_lines");
        HttpResponse<String> german = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/partner/reports"))
                .header("Authorization", basic(key)).header("Content-Type", "application/json")
                .header("Accept-Language", "de").POST(HttpRequest.BodyPublishers.ofString(good)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(german.statusCode()).isEqualTo(415);
        assertThat(german.body()).contains("Sammelmeldungen");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/partner/reports"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(good)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        // the key's own limit (PartnerReportsPerMinute=20 here): 21 invalid lines in one go are refused whole
        PartnerKey.Created busy = PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"),
                "busy-partner", PartnerScopes.parse("submit"), Instant.now());
        HttpResponse<String> limited = postBulk((bad + "\n").repeat(21), busy);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("60");
        assertThat(limited.body()).contains("rate_limited");
    }

    @Test
    void everyVersionTheServerServesPassesOasissValidator() throws Exception {
        List<String> files = new ArrayList<>();
        String next = null;
        Path dir = Files.createDirectories(TestEmulator.projectDir().resolve("e2e/target/taxii-pages-" + UUID.randomUUID()));
        do {
            HttpResponse<String> page = get("/taxii2/api/collections/" + INDICATORS + "/objects/?limit=1000"
                    + (next == null ? "&match%5Bversion%5D=all" : "&next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)),
                    key, null);
            assertThat(page.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(page.body());
            com.fasterxml.jackson.databind.node.ObjectNode bundle = JSON.createObjectNode();
            bundle.put("type", "bundle");
            bundle.put("id", "bundle--" + UUID.randomUUID());
            bundle.set("objects", body.get("objects"));
            Path file = dir.resolve("page-" + files.size() + ".json");
            Files.writeString(file, bundle.toString());
            files.add(file.toString());
            next = body.path("more").asBoolean() ? body.get("next").asText() : null;
        } while (next != null);
        List<String> command = new ArrayList<>(List.of(TestEmulator.projectDir().resolve(".venv/bin/python").toString(),
                TestEmulator.projectDir().resolve("tools/stix_validate.py").toString(),
                TestEmulator.projectDir().resolve("contracts/vendor/cti-stix2-json-schemas/schemas").toString()));
        command.addAll(files);
        ExternalProcess.Result validator = ExternalProcess.run(new ProcessBuilder(command).redirectErrorStream(true),
                Duration.ofMinutes(3));
        assertThat(validator.exitCode()).as(validator.output()).isZero();
    }

    @Test
    void theFeedBackfillGivesAnOlderStacksItemsTheirKeysAndSummariesAndASecondRunWritesNothing() throws Exception {
        // a withdrawn number too: it sits in the settled index only
        assertThat(FalsePositive.mark(pipeline.aws().dynamoDb(), pipeline.ref("IndicatorsTable"), "phone#+18885550709",
                "the bank's own line")).isTrue();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        List<String> before = feedsOverHttp();
        assertThat(before.get(0)).as("numbers in the first page").contains("+1888555070");

        // the layout of a stack deployed before the feeds read through indexes: no index keys, no day summaries
        var dynamoDb = pipeline.aws().dynamoDb();
        String table = pipeline.ref("FeedTable");
        int stripped = 0;
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedTableKeys.currentPartition(INDICATORS)))))
                .items()) {
            dynamoDb.updateItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                    .updateExpression("REMOVE mispDay, numWritePk, numWriteSk, numExpiryPk, numExpirySk, benign"));
            stripped++;
        }
        int summaries = 0;
        for (Map<String, AttributeValue> item : dynamoDb.queryPaginator(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedTableKeys.mispDaysPartition(INDICATORS)))))
                .items()) {
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            summaries++;
        }
        assertThat(stripped).isGreaterThanOrEqualTo(20);
        assertThat(summaries).isGreaterThanOrEqualTo(1);
        assertThat(feedsOverHttp()).as("the older layout is missing from the feeds").isNotEqualTo(before);

        // the real operator command, as make feed-backfill runs it, on this pipeline's stack
        OpsEnvironment ops = new OpsEnvironment(Map.of("STACK_NAME", stack, "MOTO_PORT",
                Integer.toString(URI.create(TestEmulator.endpoint()).getPort())));
        String first = opsOutput(ops, "feed-backfill");
        assertThat(first).contains(stripped + " items scanned, " + stripped + " updated, " + summaries + " summaries written");
        assertThat(feedsOverHttp()).isEqualTo(before);
        assertThat(opsOutput(ops, "feed-backfill")).contains(stripped + " items scanned, 0 updated, 0 summaries written");
        assertThat(feedsOverHttp()).isEqualTo(before);
    }

    /** The paged number feed (pages of 4), the MISP manifest and every day's event, as served. */
    private List<String> feedsOverHttp() throws Exception {
        List<String> out = new ArrayList<>();
        StringBuilder pages = new StringBuilder();
        String path = "/feeds/numbers.csv?limit=4";
        while (path != null) {
            HttpResponse<String> page = get(path, key, null);
            assertThat(page.statusCode()).isEqualTo(200);
            pages.append(page.body()).append("\n--page--\n");
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("<([^>]+)>;\\s*rel=\"next\"")
                    .matcher(page.headers().firstValue("Link").orElse(""));
            path = next.find() ? next.group(1) : null;
        }
        out.add(pages.toString());
        HttpResponse<String> manifest = get("/misp/manifest.json", key, null);
        assertThat(manifest.statusCode()).isEqualTo(200);
        out.add(manifest.body());
        for (var uuid : (Iterable<String>) JSON.readTree(manifest.body())::fieldNames) {
            HttpResponse<String> event = get("/misp/" + uuid + ".json", key, null);
            assertThat(event.statusCode()).isEqualTo(200);
            out.add(event.body());
        }
        return out;
    }

    private static String opsOutput(OpsEnvironment ops, String... args) {
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            status = Ops.run(args, ops);
        } finally {
            System.setOut(stdout);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(status).as(output).isZero();
        return output;
    }

    // --- helpers ---

    private HttpResponse<String> postBulk(String ndjson, PartnerKey.Created as) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/partner/reports"))
                .header("Authorization", basic(as)).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(PartnerKey.Created as) {
        return "Basic " + Base64.getEncoder().encodeToString((as.keyId() + ":" + as.secret()).getBytes(StandardCharsets.UTF_8));
    }

    /** Three reporters name the same 10 numbers and 10 sites: 20 indicators alert. */
    private void postBatch(int batch) throws Exception {
        List<String> phones = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            phones.add("\"+1 888 555 0" + (7 + batch) + String.format("%02d", i) + "\"");
            sites.add("\"https://pc-helpdesk-" + batch + "-" + i + ".com/\"");
        }
        for (int r = 0; r < 3; r++) {
            String body = """
                    {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                     "country":"US","scammer":{"phoneNumbers":[%s],"websites":[%s]},
                     "loss":{"amount":"250.00","currency":"USD","paymentMethods":["gift_card"]},
                     "reporter":{"email":"px%d-%d@example.org"}}""".formatted(String.join(",", phones),
                    String.join(",", sites), batch, r);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                    // each reporter from a network of its own (the runner honours X-Forwarded-For from loopback):
                    // the rules want reporters from at least two networks
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "10.13." + (batch * 3 + r) + ".1")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
    }

    private HttpResponse<String> get(String path, PartnerKey.Created as, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + path));
        if (as != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (as.keyId() + ":" + as.secret()).getBytes(StandardCharsets.UTF_8)));
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, AttributeValue> stateItem(String indicatorKey) {
        return pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("AlertsTable")).consistentRead(true)
                .key(Map.of("alertId", AttributeValue.fromS("stix#" + indicatorKey)))).item();
    }

    private List<Map<String, AttributeValue>> feedItems() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        pipeline.aws().dynamoDb().queryPaginator(b -> b.tableName(pipeline.ref("FeedTable"))
                .keyConditionExpression("pk = :c").expressionAttributeValues(Map.of(":c", AttributeValue.fromS(INDICATORS))))
                .items().forEach(items::add);
        return items;
    }

    private Set<List<String>> latestInFeed() {
        Set<List<String>> out = new HashSet<>();
        for (Map<String, AttributeValue> item : feedItems()) {
            if (item.get("version").s().equals(item.get("last").s())) {
                out.add(List.of(item.get("objectId").s(), item.get("version").s()));
            }
        }
        return out;
    }

    private Set<List<String>> allInFeed() {
        Set<List<String>> out = new HashSet<>();
        feedItems().forEach(item -> out.add(List.of(item.get("objectId").s(), item.get("version").s())));
        return out;
    }

    /** (id, version) of each object walked; an object without modified/created has its date_added as version. */
    private List<List<String>> pairs(JsonNode out) {
        Map<String, String> versionsById = new java.util.HashMap<>();
        for (Map<String, AttributeValue> item : feedItems()) {
            versionsById.putIfAbsent(item.get("objectId").s(), item.get("version").s());
        }
        List<List<String>> pairs = new ArrayList<>();
        for (JsonNode p : out.get("objects")) {
            String version = p.get(1).asText();
            pairs.add(List.of(p.get(0).asText(), version.isEmpty() ? versionsById.get(p.get(0).asText()) : version));
        }
        return pairs;
    }

    private JsonNode walk(String mode, int limit, String flag) throws Exception {
        return walk(mode, limit, flag, key.keyId(), key.secret());
    }

    private JsonNode walk(String mode, int limit, String flag, String user, String password) throws Exception {
        try (ExternalProcess walker = start(mode, limit, flag, user, password)) {
            return finish(walker);
        }
    }

    private ExternalProcess start(String mode, int limit, String flag) throws Exception {
        return start(mode, limit, flag, key.keyId(), key.secret());
    }

    private ExternalProcess start(String mode, int limit, String flag, String user, String password) throws Exception {
        Path project = TestEmulator.projectDir();
        List<String> command = new ArrayList<>(List.of(project.resolve(".venv/bin/python").toString(),
                project.resolve("tools/taxii_walk.py").toString(), discovery, user, password, mode, Integer.toString(limit)));
        if (flag != null) {
            command.add(flag);
        }
        return ExternalProcess.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT));
    }

    private static JsonNode finish(ExternalProcess walker) throws Exception {
        ExternalProcess.Result result = walker.finish(Duration.ofMinutes(3));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return JSON.readTree(result.output().lines().reduce((a, b) -> b).orElseThrow());
    }
}
