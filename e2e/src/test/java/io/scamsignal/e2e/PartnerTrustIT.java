package io.scamsignal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.emulator.LocalPipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scamsignal.domain.partner.PartnerScopes;
import io.scamsignal.ops.PartnerKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one partner key or one renter of cloud machines can and cannot do, through make run's pipeline
 * on moto (HTTP, the emulated partner-key authorizer, the real handlers): a key without the scope
 * submit writes nothing; a narrowed or revoked key stops writing when the write route's authorizer
 * cache expires (PartnerWriteAuthCacheSeconds, 1 s here; at most 60 in the template); a key without
 * victim-network cannot make up networks with a different victimIp on every line; ten cloud regions
 * are one network. Each hostile case has a control that does alert, so that "no alert" means the
 * rule held and not that nothing ran.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerTrustIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ten CIDRs of the vendored amazon-aws list in ten address blocks (regions); also RentedNetworksTest's. */
    private static final List<String> AWS_REGIONS = List.of("3.5.140.1", "13.112.0.5", "15.177.0.1", "18.34.0.1",
            "35.71.64.1", "52.94.0.1", "54.239.0.1", "99.77.0.1", "100.20.0.5", "108.128.0.5");
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPipeline pipeline;

    @BeforeAll
    void start() throws Exception {
        String stack = "pt-" + UUID.randomUUID().toString().substring(0, 8);
        pipeline = LocalPipeline.start(LocalPipeline.Options.defaults(
                TestEmulator.projectDir().resolve("infra/template.yaml"), TestEmulator.endpoint(), stack)
                .withParameters(Map.of("PartnerAuthCacheSeconds", "1", "PartnerWriteAuthCacheSeconds", "1")));
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void aKeyWithoutSubmitWritesNothingAndANarrowedOrRevokedKeyStopsWriting() throws Exception {
        // a key made without options: it reads the indicators collection, and that is all
        PartnerKey.Created reader = key("read-only", PartnerScopes.DEFAULT);
        int before = reports();
        HttpResponse<String> refused = bulk(reader, lines("+1 888 555 0711", 3, i -> null), "en");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).at("/errors/0/code").asText()).isEqualTo("insufficient_scope");
        HttpResponse<String> german = bulk(reader, lines("+1 888 555 0711", 1, i -> null), "de");
        assertThat(JSON.readTree(german.body()).at("/errors/0/message").asText()).contains("Schlüssel darf keine Meldungen");
        assertThat(get("/feeds/numbers.csv", reader).statusCode()).as("it still reads").isEqualTo(200);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(1), Duration.ofSeconds(60))).isTrue();
        assertThat(reports()).as("nothing stored").isEqualTo(before);
        assertThat(aggregate("+18885550711")).as("nothing counted").isNull();

        // granted submit with the same secret: it writes once the cache lets go of the old answer
        assertThat(PartnerKey.changeScopes(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), reader.keyId(),
                PartnerScopes.parse("read:indicators,submit"), Instant.now())).isTrue();
        assertThat(Await.until(() -> bulk(reader, lines("+1 888 555 0712", 1, i -> null), "en").statusCode(),
                s -> s == 200, Duration.ofSeconds(10), "the widened key writing")).isEqualTo(200);
        // narrowed back: refused within the write cache's period (1 s here, at most 60 s in any deployment)
        Instant narrowed = Instant.now();
        PartnerKey.changeScopes(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), reader.keyId(),
                PartnerScopes.DEFAULT, Instant.now());
        Await.until(() -> bulk(reader, lines("+1 888 555 0712", 1, i -> null), "en").statusCode(), s -> s == 403,
                Duration.ofSeconds(10), "the narrowed key refused");
        assertThat(Duration.between(narrowed, Instant.now())).isLessThan(Duration.ofSeconds(5));

        // revoked: the authorizer refuses it outright (API Gateway's 403) within the same period
        PartnerKey.Created writer = key("writer", PartnerScopes.parse("submit"));
        assertThat(bulk(writer, lines("+1 888 555 0713", 1, i -> null), "en").statusCode()).isEqualTo(200);
        PartnerKey.revoke(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), writer.keyId(), Instant.now());
        HttpResponse<String> gone = Await.until(() -> bulk(writer, lines("+1 888 555 0713", 1, i -> null), "en"),
                r -> r.statusCode() == 403, Duration.ofSeconds(10), "the revoked key refused");
        assertThat(gone.body()).doesNotContain("insufficient_scope");
    }

    @Test
    void aPartnerForgingAVictimNetworkOnEveryLineIsOneNetworkAndAlertsNothing() throws Exception {
        // ten victims, each with an address of another network: only a victim-network key has them counted so
        PartnerKey.Created forger = key("forger", PartnerScopes.parse("submit"));
        String forged = "+18885550721";
        assertThat(accepted(bulk(forger, lines("+1 888 555 0721", 10, i -> "10.71." + i + ".9"), "en"))).isEqualTo(10);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        JsonNode aggregate = aggregate(forged);
        assertThat(aggregate.get("reports").asInt()).isEqualTo(10);
        assertThat(aggregate.get("distinctNetworks").asInt()).as("all lines on the organisation's network").isEqualTo(1);

        // the control: the same lines from a key the operator trusts with victims' addresses alert
        PartnerKey.Created trusted = key("trusted", PartnerScopes.parse("submit,victim-network"));
        String control = "+18885550722";
        assertThat(accepted(bulk(trusted, lines("+1 888 555 0722", 10, i -> "10.72." + i + ".9"), "en"))).isEqualTo(10);
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        assertThat(aggregate(control).get("distinctNetworks").asInt()).isEqualTo(10);
        Await.until(() -> alertsFor(control), a -> !a.isEmpty(), Duration.ofSeconds(20), "the control's alert");
        assertThat(alertsFor(forged)).as("the forger's number").isEmpty();
    }

    @Test
    void reportsFromTenCloudRegionsAreOneNetworkAndAlertNothing() throws Exception {
        String cloud = "+18885550731";
        for (int i = 0; i < AWS_REGIONS.size(); i++) {
            assertThat(postPublic(report("+1 888 555 0731", "cloud" + i + "@example.org", ""), AWS_REGIONS.get(i)))
                    .isEqualTo(202);
        }
        // the control: ten home networks
        String homes = "+18885550732";
        for (int i = 0; i < 10; i++) {
            assertThat(postPublic(report("+1 888 555 0732", "home" + i + "@example.org", ""), "10.73." + i + ".5"))
                    .isEqualTo(202);
        }
        assertThat(pipeline.awaitIdle(Duration.ofSeconds(2), Duration.ofSeconds(90))).isTrue();
        JsonNode aggregate = aggregate(cloud);
        assertThat(aggregate.get("reports").asInt()).isEqualTo(10);
        assertThat(aggregate.get("distinctNetworks").asInt()).as("one amazon-aws network").isEqualTo(1);
        assertThat(aggregate(homes).get("distinctNetworks").asInt()).isEqualTo(10);
        Await.until(() -> alertsFor(homes), a -> !a.isEmpty(), Duration.ofSeconds(20), "the control's alert");
        assertThat(alertsFor(cloud)).isEmpty();
    }

    // --- helpers ---

    private PartnerKey.Created key(String partner, PartnerScopes scopes) {
        return PartnerKey.create(pipeline.aws().dynamoDb(), pipeline.ref("PartnerKeysTable"), partner + "-" + UUID.randomUUID()
                .toString().substring(0, 6), scopes, Instant.now());
    }

    private interface VictimIp {
        String of(int line);
    }

    private static String lines(String phone, int count, VictimIp victimIp) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String ip = victimIp.of(i);
            out.append(report(phone, "victim" + i + "-" + phone.replaceAll("\\D", "") + "@example.org",
                    ip == null ? "" : ",\"victimIp\":\"" + ip + "\"")).append('\n');
        }
        return out.toString();
    }

    private static String report(String phone, String email, String extra) {
        return ("{\"contactMethod\":\"phone_call\",\"impersonatedCompany\":\"Microsoft\",\"incidentDate\":\"2026-11-20\","
                + "\"country\":\"US\",\"scammer\":{\"phoneNumbers\":[\"%s\"]},\"reporter\":{\"email\":\"%s\"}%s}")
                .formatted(phone, email, extra);
    }

    private HttpResponse<String> bulk(PartnerKey.Created as, String ndjson, String language) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/partner/reports"))
                    .header("Authorization", basic(as)).header("Content-Type", "application/x-ndjson")
                    .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int accepted(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("accepted").asInt();
    }

    private int postPublic(String body, String network) throws Exception {
        // the runner honours X-Forwarded-For from loopback: each call from the address named
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + "/reports"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", network)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private HttpResponse<String> get(String path, PartnerKey.Created as) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + pipeline.port() + path))
                .header("Authorization", basic(as)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(PartnerKey.Created as) {
        return "Basic " + Base64.getEncoder().encodeToString((as.keyId() + ":" + as.secret()).getBytes(StandardCharsets.UTF_8));
    }

    private int reports() {
        return pipeline.aws().dynamoDb().scan(b -> b.tableName(pipeline.ref("ReportsTable")).consistentRead(true)
                .select("COUNT")).count();
    }

    private JsonNode aggregate(String e164) throws Exception {
        Map<String, AttributeValue> item = pipeline.aws().dynamoDb().getItem(b -> b.tableName(pipeline.ref("IndicatorsTable"))
                .consistentRead(true).key(Map.of("pk", AttributeValue.fromS("phone#" + e164),
                        "sk", AttributeValue.fromS("AGG")))).item();
        return item == null || item.isEmpty() ? null : JSON.readTree(item.get("state").s());
    }

    private List<JsonNode> alertsFor(String e164) {
        return pipeline.inboxes().stream().flatMap(i -> i.received().stream())
                .filter(a -> e164.equals(a.at("/indicator/value").asText())).toList();
    }
}
