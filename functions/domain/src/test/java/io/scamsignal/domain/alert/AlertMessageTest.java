package io.scamsignal.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.Producer;
import io.scamsignal.domain.stix.SourceIdentities;
import io.scamsignal.domain.stix.StixExporter;
import io.scamsignal.domain.support.AlertSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertMessageTest {

    private final IndicatorAggregate aggregate = AlertRulesTest.aggregate(3, "1250", Set.of("Microsoft"), false);
    private final AlertTrigger trigger = new AlertTrigger(AlertRule.DISTINCT_REPORTERS, Severity.MEDIUM, "3", "w2951");

    @Test
    void theAlertIdDependsOnIndicatorRuleAndLevelOnly() {
        AlertMessage first = AlertMessage.create(trigger, aggregate, List.of("a"), Instant.parse("2026-11-28T12:00:00Z"));
        AlertMessage later = AlertMessage.create(trigger, AlertRulesTest.aggregate(7, "9000", Set.of("Amazon"), false),
                List.of("b"), Instant.parse("2026-11-29T12:00:00Z"));
        AlertMessage otherLevel = AlertMessage.create(new AlertTrigger(AlertRule.DISTINCT_REPORTERS, Severity.HIGH, "10", "w2951"),
                aggregate, List.of(), Instant.now());

        assertThat(later.alertId()).isEqualTo(first.alertId());
        assertThat(otherLevel.alertId()).isNotEqualTo(first.alertId());
    }

    @Test
    void theBodyHasTheContractsShape() throws Exception {
        AlertMessage message = AlertMessage.create(trigger, aggregate, List.of("r2", "r1"),
                Instant.parse("2026-11-28T15:04:05.678Z"));

        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(message));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("type").asText()).isEqualTo("alert");
        assertThat(json.get("rule").asText()).isEqualTo("distinct_reporters");
        assertThat(json.get("severity").asText()).isEqualTo("medium");
        assertThat(json.get("createdAt").asText()).isEqualTo("2026-11-28T15:04:05Z");
        assertThat(json.at("/indicator/value").asText()).isEqualTo("+18885550142");
        assertThat(json.at("/observed/distinctReporters").asLong()).isEqualTo(3);
        assertThat(json.at("/observed/lossUsd").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(json.at("/observed/paymentMethods/gift_card").asLong()).isEqualTo(1);
        assertThat(json.get("reportIds")).extracting(JsonNode::asText).containsExactly("r1", "r2");
        assertThat(Json.mapper().writeValueAsString(message)).contains("\"lossUsd\":1250.00");
        assertThat(AlertSchema.violations(json)).isEmpty();
    }

    @Test
    void sourcesNameEveryChannelInTheBodyTheFilterAttributesAndTheSightingAndFitTheSchema() throws Exception {
        TreeMap<String, Long> sources = new TreeMap<>(Map.of("Contoso", 2L, "public", 1L));
        AlertMessage message = AlertMessage.create(trigger, aggregate.toBuilder().sources(sources).build(), List.of("r1"),
                Instant.parse("2026-11-28T15:04:05.678Z"));

        JsonNode json = Json.mapper().readTree(Json.write(message));

        assertThat(json.at("/observed/sources").toString()).isEqualTo("{\"Contoso\":2,\"public\":1}");
        assertThat(message.filterAttributes().sources()).containsExactly("Contoso", "public");
        assertThat(AlertSchema.violations(json)).isEmpty();
        assertThat(json.at("/stix/objects").findValues("where_sighted_refs").getFirst()).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(Producer.IDENTITY_ID,
                        SourceIdentities.idOf("Contoso"));
        // read back as a stored claim is
        assertThat(Json.mapper().readValue(Json.write(message), AlertMessage.class).observed().sources()).isEqualTo(sources);
        // an alert of an aggregate without sources has none, and no attribute values
        AlertMessage old = AlertMessage.create(trigger, aggregate, List.of("r1"), Instant.now());
        assertThat(Json.mapper().readTree(Json.write(old)).at("/observed").has("sources")).isFalse();
        assertThat(old.filterAttributes().sources()).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheContractForbids() throws Exception {
        JsonNode good = Json.mapper().readTree(Json.write(AlertMessage.create(trigger, aggregate, List.of("r1"), Instant.now())));
        ObjectNode withEmail = good.deepCopy();
        withEmail.put("reporterEmail", "someone@example.org");
        ObjectNode badPhone = good.deepCopy();
        badPhone.with("indicator").put("value", "888.555.0142");

        assertThat(AlertSchema.violations(withEmail)).isNotEmpty();
        assertThat(AlertSchema.violations(badPhone)).isNotEmpty();
    }

    @Test
    void everyAlertOfAnIndicatorCarriesTheSameStixIndicatorAtALaterVersion() throws Exception {
        AlertMessage first = AlertMessage.create(trigger, aggregate, List.of(), Instant.parse("2026-11-28T15:04:05.678Z"));
        AlertMessage escalated = AlertMessage.create(new AlertTrigger(AlertRule.DISTINCT_REPORTERS, Severity.HIGH, "10", "w2951"),
                AlertRulesTest.aggregate(10, "9000", Set.of("Microsoft"), false), List.of(),
                Instant.parse("2026-11-29T08:00:00Z"), 85, null, StixExporter.defaults());
        JsonNode a = indicatorOf(first);
        JsonNode b = indicatorOf(escalated);

        assertThat(b.get("id")).isEqualTo(a.get("id"));
        assertThat(a.get("pattern").asText()).isEqualTo("[phone-number:value = '+18885550142']");
        assertThat(a.get("modified").asText()).isEqualTo("2026-11-28T15:04:05.678Z");
        assertThat(b.get("modified").asText()).isEqualTo("2026-11-29T08:00:00.000Z");
        assertThat(a.has("confidence")).isFalse();
        assertThat(b.get("confidence").asInt()).isEqualTo(85);
        assertThat(Json.write(first.stix())).doesNotContain("\"x-");
        assertThat(AlertSchema.violations(Json.mapper().readTree(Json.write(escalated)))).isEmpty();
    }

    @Test
    void theSchemaRejectsStixWithoutMillisecondsOrWithDeprecatedTypes() throws Exception {
        JsonNode good = Json.mapper().readTree(Json.write(AlertMessage.create(trigger, aggregate, List.of(), Instant.now())));
        ObjectNode seconds = good.deepCopy();
        ((ObjectNode) indicatorIn(seconds)).put("modified", "2026-11-28T15:04:05Z");
        ObjectNode custom = good.deepCopy();
        ((ObjectNode) indicatorIn(custom)).put("type", "x-scamsignal-phone-number");

        assertThat(AlertSchema.violations(good)).isEmpty();
        assertThat(AlertSchema.violations(seconds)).isNotEmpty();
        assertThat(AlertSchema.violations(custom)).isNotEmpty();
    }

    private static JsonNode indicatorOf(AlertMessage message) throws Exception {
        return indicatorIn(Json.mapper().readTree(Json.write(message)));
    }

    private static JsonNode indicatorIn(JsonNode alert) {
        for (JsonNode o : alert.at("/stix/objects")) {
            if (o.get("type").asText().equals("indicator")) {
                return o;
            }
        }
        throw new AssertionError("no indicator in " + alert);
    }

    @Test
    void atMostTenReportIds() {
        List<String> ids = IntStream.range(0, 25).mapToObj(i -> "report-" + i).toList();

        assertThat(AlertMessage.create(trigger, aggregate, ids, Instant.now()).reportIds()).hasSize(10);
    }
}
