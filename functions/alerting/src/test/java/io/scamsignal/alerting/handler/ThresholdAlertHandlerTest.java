package io.scamsignal.alerting.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.benign.InMemoryBenignOverrides;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ThresholdAlertHandlerTest {

    /** Claims kept in a map: what the DynamoDB adapter does with conditional writes. */
    static final class InMemoryClaims implements AlertClaims {
        final Map<String, AlertMessage> claimed = new HashMap<>();
        final Map<String, Boolean> sent = new HashMap<>();

        @Override
        public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
            if (sent.getOrDefault(alertId, false)) {
                return new Result.AlreadySent();
            }
            return new Result.Claimed(claimed.computeIfAbsent(alertId, id -> candidate.get()));
        }

        @Override
        public void markSent(String alertId, String publishedMessageId, Instant now) {
            sent.put(alertId, true);
        }
    }

    private final InMemoryClaims claims = new InMemoryClaims();
    private final List<AlertMessage> published = new ArrayList<>();
    private final ThresholdAlertHandler handler = new ThresholdAlertHandler(new AlertingService(
            new AlertRules(AlertRuleConfig.defaults()), claims, message -> {
                published.add(message);
                return "message-" + published.size();
            }, (indicator, max) -> List.of("r1", "r2", "r3"),
            Clock.fixed(Instant.parse("2026-11-28T15:06:02Z"), ZoneOffset.UTC)));

    /** The event file's bytes through the stream handler, as Lambda delivers them; its JSON response. */
    private JsonNode invoke(String eventFile) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(eventFile)) {
            handler.handleRequest(in, out, null);
        }
        return io.scamsignal.domain.json.Json.mapper().readTree(out.toByteArray());
    }

    @Test
    void theThirdDistinctReporterPublishesOneAlert() throws Exception {
        JsonNode response = invoke("events/dynamodb/indicator-aggregate-modified.json");

        assertThat(response.get("batchItemFailures")).isEmpty();
        assertThat(published).singleElement().satisfies(alert -> {
            assertThat(alert.rule()).isEqualTo("distinct_reporters");
            assertThat(alert.indicator().value()).isEqualTo("+18885550142");
            assertThat(alert.observed().countries()).containsExactly("DE", "US");
            assertThat(alert.observed().lossUsd()).isEqualByComparingTo("1250.00");
            assertThat(alert.reportIds()).containsExactly("r1", "r2", "r3");
            // scored from the aggregate's independent evidence, the same in body, attribute and STIX
            assertThat(alert.confidence()).isBetween(0, 100);
            assertThat(alert.filterAttributes().confidence()).isEqualTo(alert.confidence());
            assertThat(io.scamsignal.domain.json.Json.write(alert.stix()))
                    .contains("\"confidence\":" + alert.confidence());
        });
    }

    @Test
    void anOperatorsBenignEntryKeepsTheIndicatorFromAlerting() throws Exception {
        List<AlertMessage> sent = new ArrayList<>();
        ThresholdAlertHandler withEntry = new ThresholdAlertHandler(new AlertingService(
                new AlertRules(AlertRuleConfig.defaults(), new InMemoryBenignOverrides()
                        .put("phone#+18885550142", new BenignOverrides.Benign("the bank's fraud line"))),
                new InMemoryClaims(), message -> {
                    sent.add(message);
                    return "message-" + sent.size();
                }, (indicator, max) -> List.of("r1"), Clock.fixed(Instant.parse("2026-11-28T15:06:02Z"), ZoneOffset.UTC)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.InputStream in = getClass().getClassLoader()
                .getResourceAsStream("events/dynamodb/indicator-aggregate-modified.json")) {
            withEntry.handleRequest(in, out, null);
        }

        assertThat(sent).isEmpty();
    }

    @Test
    void aReplayedRecordPublishesNothingNew() throws Exception {
        for (int i = 0; i < 3; i++) {
            invoke("events/dynamodb/indicator-aggregate-modified.json");
        }

        assertThat(published).hasSize(1);
    }
}
