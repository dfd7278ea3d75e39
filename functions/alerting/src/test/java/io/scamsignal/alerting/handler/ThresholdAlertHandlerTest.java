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
import io.scamsignal.domain.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ThresholdAlertHandlerTest {

    /**
     * Answers each claim as the test scripts (Claimed with the candidate unless told otherwise) and
     * records the calls. It keeps no state: that a claimed or sent alert id is not claimed again is
     * DynamoDbAlertClaims's conditional writes, checked against moto by e2e's AlertClaimsIT.
     */
    static final class InMemoryClaims implements AlertClaims {
        final List<String> claimedIds = new ArrayList<>();
        final List<String> sentIds = new ArrayList<>();
        final Deque<Result> answers = new ArrayDeque<>();

        @Override
        public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
            claimedIds.add(alertId);
            return answers.isEmpty() ? new Result.Claimed(candidate.get()) : answers.poll();
        }

        @Override
        public void markSent(String alertId, String publishedMessageId, Instant now) {
            sentIds.add(alertId);
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(eventFile)) {
            handler.handleRequest(in, out, null);
        }
        return Json.mapper().readTree(out.toByteArray());
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("events/dynamodb/indicator-aggregate-modified.json")) {
            withEntry.handleRequest(in, out, null);
        }

        assertThat(sent).isEmpty();
    }

    @Test
    void aReplayedRecordAsksForTheSameClaimAndPublishesOnlyWhatTheStoreLetsItClaim() throws Exception {
        invoke("events/dynamodb/indicator-aggregate-modified.json");
        // what DynamoDB answers once the alert is marked sent, and while another invocation holds it
        claims.answers.add(new AlertClaims.Result.AlreadySent());
        invoke("events/dynamodb/indicator-aggregate-modified.json");
        claims.answers.add(new AlertClaims.Result.HeldElsewhere());
        JsonNode held = invoke("events/dynamodb/indicator-aggregate-modified.json");

        assertThat(claims.claimedIds).hasSize(3).containsOnly(claims.claimedIds.get(0));
        assertThat(published).hasSize(1);
        assertThat(claims.sentIds).containsExactly(claims.claimedIds.get(0));
        assertThat(held.toString()).as("a claim held elsewhere is not a failure of this record").doesNotContain("itemIdentifier");
    }

    @Test
    void theHandlerHasNoDeduplicationOfItsOwn() throws Exception {
        // a store that lets every delivery claim (no conditional write): each delivery publishes
        for (int i = 0; i < 3; i++) {
            invoke("events/dynamodb/indicator-aggregate-modified.json");
        }

        assertThat(published).hasSize(3).extracting(AlertMessage::alertId).containsOnly(published.get(0).alertId());
    }
}
