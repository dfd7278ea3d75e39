package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.emulator.LocalPipeline;
import io.scamsignal.ops.Ops;
import io.scamsignal.ops.OpsEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erasure through make run's pipeline on moto: reports through the HTTP intake, the real handlers,
 * then the real {@code erase} command against the stack's tables, once by e-mail and once by the
 * report reference of a reporter who gave no e-mail address. Afterwards no item of any table names
 * either reporter's fingerprint, every aggregate and ring head is as it was, each indicator still
 * has as many reporter items, a second erasure changes nothing, and a replay of every stream
 * re-creates nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("ReportsTable", "ReporterDataTable", "IdempotencyTable",
            "RateLimitTable", "IndicatorsTable", "RingsTable", "AlertsTable", "FeedTable", "PartnerKeysTable");
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;
    private String stack;

    @BeforeAll
    void start() throws Exception {
        stack = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack));
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void afterErasureNoItemNamesTheReporterAndEveryCountIsAsItWas() throws Exception {
        String sites = "[\"https://msft-helpdesk-0401.com\"]";
        // A: an e-mail address, three reports on one network (two name the ring's phone and site)
        List<String> a = List.of(
                post(report("[\"+1 888 555 0401\"]", sites, "erase-a@example.org"), "10.40.1.5"),
                post(report("[\"+1 888 555 0401\", \"+1 888 555 0402\"]", sites, "erase-a@example.org"), "10.40.1.5"),
                post(report("[\"+1 888 555 0403\"]", "[]", "erase-a@example.org"), "10.40.1.5"));
        // B: no e-mail address, two reports from one address and browser (one fingerprint)
        List<String> b = List.of(
                post(report("[\"+1 888 555 0401\"]", sites, null), "10.40.2.5"),
                post(report("[\"+1 888 555 0404\"]", "[]", null), "10.40.2.5"));
        // the others, who stay
        for (int i = 0; i < 3; i++) {
            post(report("[\"+1 888 555 0401\"]", sites, "keep" + i + "@example.org"), "10.40." + (10 + i) + ".5");
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();

        String fpA = fingerprint(a.get(0));
        String fpB = fingerprint(b.get(0));
        assertThat(a).allSatisfy(id -> assertThat(fingerprint(id)).isEqualTo(fpA));
        assertThat(fingerprint(b.get(1))).isEqualTo(fpB);
        assertThat(fpA).isNotEqualTo(fpB);
        // before: both fingerprints in reports, indicators' reporter items and the ring
        Map<String, List<String>> before = itemsNaming(fpA, fpB);
        assertThat(before.get("IndicatorsTable")).contains("phone#+18885550401|R#" + fpA, "phone#+18885550401|R#" + fpB);
        assertThat(before.get("RingsTable")).anyMatch(k -> k.endsWith("|REPORTER#" + fpA))
                .anyMatch(k -> k.endsWith("|REPORTER#" + fpB));
        assertThat(before.get("ReportsTable")).hasSize(5);
        Map<String, String> aggregates = states("IndicatorsTable", "AGG");
        Map<String, String> heads = states("RingsTable", "HEAD");
        Map<String, Long> reporterItems = reporterItemsPerIndicator();
        assertThat(reporterItems.get("phone#+18885550401")).isEqualTo(5);
        assertThat(JSON.readTree(aggregates.get("phone#+18885550401")).get("distinctReporters").asInt()).isEqualTo(5);

        assertThat(erase("ERASE_EMAIL", "Erase-A@example.org")).isZero();
        assertThat(erase(null, null, b.get(1))).isZero();

        assertThat(itemsNaming(fpA, fpB)).allSatisfy((table, keys) -> assertThat(keys).as(table).isEmpty());
        assertThat(states("IndicatorsTable", "AGG")).isEqualTo(aggregates);
        assertThat(states("RingsTable", "HEAD")).isEqualTo(heads);
        assertThat(reporterItemsPerIndicator()).isEqualTo(reporterItems);
        // each erased reporter is one id in every table: A's three reports and B's two under one each
        Map<String, String> erasedIds = new HashMap<>();
        for (String id : a) {
            erasedIds.merge(fingerprint(id), "a", String::concat);
        }
        for (String id : b) {
            erasedIds.merge(fingerprint(id), "b", String::concat);
        }
        assertThat(erasedIds).hasSize(2).containsValues("aaa", "bb")
                .allSatisfy((id, who) -> assertThat(id).startsWith("erased-"));
        String erasedA = erasedIds.entrySet().stream().filter(e -> e.getValue().equals("aaa")).findFirst().orElseThrow().getKey();
        assertThat(itemsNaming(erasedA).get("IndicatorsTable")).containsExactlyInAnyOrder(
                "phone#+18885550401|R#" + erasedA, "phone#+18885550402|R#" + erasedA, "phone#+18885550403|R#" + erasedA,
                "domain#msft-helpdesk-0401.com|R#" + erasedA);
        assertThat(itemsNaming(erasedA).get("RingsTable")).anyMatch(k -> k.endsWith("|REPORTER#" + erasedA));
        assertThat(pipeline.aws().dynamoDb().scan(r -> r.tableName(pipeline.ref("ReporterDataTable"))).items())
                .noneMatch(i -> i.toString().contains("erase-a@") || i.toString().contains("10.40.2.5"))
                .anyMatch(i -> i.toString().contains("keep0@"));

        // a second erasure, by either means, finds nothing and changes nothing
        Map<String, List<Map<String, AttributeValue>>> everything = everything();
        assertThat(erase("ERASE_EMAIL", "erase-a@example.org")).isZero();
        assertThat(erase(null, null, a.get(2))).isZero();
        assertThat(erase(null, null, b.get(0))).isZero();
        assertThat(everything()).isEqualTo(everything);
        // an unknown reference is an error, not a silent success
        assertThat(erase(null, null, UUID.randomUUID().toString())).isEqualTo(1);

        // the streams still carry the old records (DynamoDB keeps them 24 hours): delivered again, they re-create nothing
        pipeline.replayStreamsFromTrimHorizon();
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        assertThat(itemsNaming(fpA, fpB)).allSatisfy((table, keys) -> assertThat(keys).as(table).isEmpty());
        assertThat(states("IndicatorsTable", "AGG")).isEqualTo(aggregates);

        // what erasure costs: A's next report is a new reporter, on the same network (no new network)
        JsonNode p1 = JSON.readTree(aggregates.get("phone#+18885550401"));
        post(report("[\"+1 888 555 0401\"]", "[]", "erase-a@example.org"), "10.40.1.5");
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(60))).isTrue();
        JsonNode after = JSON.readTree(states("IndicatorsTable", "AGG").get("phone#+18885550401"));
        assertThat(after.get("reports").asInt()).isEqualTo(p1.get("reports").asInt() + 1);
        assertThat(after.get("distinctReporters").asInt()).isEqualTo(p1.get("distinctReporters").asInt() + 1);
        assertThat(after.get("distinctNetworks").asInt()).isEqualTo(p1.get("distinctNetworks").asInt());
    }

    private int erase(String variable, String value, String... args) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("STACK_NAME", stack,
                "MOTO_PORT", Integer.toString(URI.create(TestEmulator.endpoint()).getPort())));
        if (variable != null) {
            env.put(variable, value);
        }
        String[] command = new String[args.length + 1];
        command[0] = "erase";
        System.arraycopy(args, 0, command, 1, args.length);
        return Ops.run(command, new OpsEnvironment(env));
    }

    /** The reporter fingerprint a stored report names. */
    private String fingerprint(String reportId) {
        try {
            return JSON.readTree(pipeline.aws().dynamoDb().getItem(r -> r.tableName(pipeline.ref("ReportsTable"))
                    .consistentRead(true).key(Map.of("reportId", AttributeValue.fromS(reportId)))).item()
                    .get("payload").s()).get("reporterFingerprint").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per table, the keys ("pk|sk" or the key's value) of every item any of whose attributes contains a value. */
    private Map<String, List<String>> itemsNaming(String... values) {
        Map<String, List<String>> found = new TreeMap<>();
        everything().forEach((table, items) -> {
            List<String> keys = new ArrayList<>();
            for (Map<String, AttributeValue> item : items) {
                String text = item.toString();
                for (String value : values) {
                    if (text.contains(value)) {
                        keys.add(item.containsKey("pk") ? item.get("pk").s() + "|" + item.get("sk").s()
                                : item.values().iterator().next().toString());
                        break;
                    }
                }
            }
            found.put(table, keys);
        });
        return found;
    }

    /** Every item of every table of the stack. */
    private Map<String, List<Map<String, AttributeValue>>> everything() {
        Map<String, List<Map<String, AttributeValue>>> all = new TreeMap<>();
        for (String table : TABLES) {
            List<Map<String, AttributeValue>> items = new ArrayList<>(pipeline.aws().dynamoDb()
                    .scanPaginator(r -> r.tableName(pipeline.ref(table)).consistentRead(true)).items().stream().toList());
            items.sort(java.util.Comparator.comparing(Map::toString));
            all.put(table, items);
        }
        assertThat(pipeline.aws().dynamoDb().listTablesPaginator().tableNames().stream().filter(n -> n.startsWith(stack + "-")))
                .as("every table of the stack is scanned").hasSize(TABLES.size());
        return all;
    }

    /** pk → state of the items with this sort key. */
    private Map<String, String> states(String table, String sortKey) {
        Map<String, String> states = new TreeMap<>();
        for (Map<String, AttributeValue> item : everything().get(table)) {
            if (sortKey.equals(item.get("sk").s()) && item.containsKey("state")) {
                states.put(item.get("pk").s(), item.get("state").s());
            }
        }
        return states;
    }

    private Map<String, Long> reporterItemsPerIndicator() {
        Map<String, Long> counts = new TreeMap<>();
        for (Map<String, AttributeValue> item : everything().get("IndicatorsTable")) {
            if (item.get("sk").s().startsWith("R#")) {
                counts.merge(item.get("pk").s(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** Posts a report and returns its reference number. */
    private String post(String body, String clientIp) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", clientIp)
                .header("User-Agent", "ErasureIT/1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("reportId").asText();
    }

    private static String report(String phones, String websites, String email) {
        return """
                {"contactMethod":"popup","impersonatedCompany":"Microsoft","incidentDate":"2026-11-20",
                 "country":"US","scammer":{"phoneNumbers":%s,"websites":%s}%s}""".formatted(phones, websites,
                email == null ? "" : ",\"reporter\":{\"email\":\"" + email + "\"}");
    }
}
