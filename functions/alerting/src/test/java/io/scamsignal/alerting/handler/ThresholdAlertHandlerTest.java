package io.scamsignal.alerting.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scamsignal.alerting.service.AlertClaims;
import io.scamsignal.alerting.service.AlertingService;
import io.scamsignal.aws.StreamBatch;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.benign.InMemoryBenignOverrides;
import io.scamsignal.domain.json.Json;
import java.io.ByteArrayInputStream;
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
import org.junit.jupiter.api.DisplayName;
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

    /** The sample event's record three times, with consecutive sequence numbers, as one batch. */
    private static byte[] threeRecords() throws Exception {
        JsonNode event;
        try (InputStream in = ThresholdAlertHandlerTest.class.getClassLoader()
                .getResourceAsStream("events/dynamodb/indicator-aggregate-modified.json")) {
            event = Json.mapper().readTree(in);
        }
        ObjectNode batch = Json.mapper().createObjectNode();
        ArrayNode records = batch.putArray("Records");
        for (int i = 0; i < 3; i++) {
            ObjectNode record = event.get("Records").get(0).deepCopy();
            ((ObjectNode) record.get("dynamodb")).put("SequenceNumber", "220000000001745442310" + i);
            records.add(record);
        }
        return Json.mapper().writeValueAsBytes(batch);
    }

    private static JsonNode invokeFailingAt(int failingPublish, List<AlertMessage> sent) throws Exception {
        ThresholdAlertHandler failing = new ThresholdAlertHandler(new AlertingService(
                new AlertRules(AlertRuleConfig.defaults()), new InMemoryClaims(), message -> {
                    if (sent.size() == failingPublish) {
                        sent.add(null);
                        throw new IllegalStateException("SNS refused");
                    }
                    sent.add(message);
                    return "message-" + sent.size();
                }, (indicator, max) -> List.of("r1", "r2", "r3"),
                Clock.fixed(Instant.parse("2026-11-28T15:06:02Z"), ZoneOffset.UTC)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        failing.handleRequest(new ByteArrayInputStream(threeRecords()), out, null);
        return Json.mapper().readTree(out.toByteArray());
    }

    @Test
    @DisplayName("a record failing after the first is named in the partial batch response; the records before it are"
            + " applied and none after it (an aggregate's images are applied in order)")
    void aFailingRecordIsNamedAndProcessingStopsThere() throws Exception {
        List<AlertMessage> sent = new ArrayList<>();
        JsonNode response = invokeFailingAt(1, sent);

        assertThat(response.get("batchItemFailures")).singleElement()
                .extracting(failure -> failure.get("itemIdentifier").asText()).isEqualTo("2200000000017454423101");
        assertThat(sent).hasSize(2).first().isNotNull();
    }

    @Test
    @DisplayName("the batch's first record failing is a function error, so Lambda bisects the batch instead of"
            + " retrying all of it")
    void aFailingFirstRecordIsThrown() {
        List<AlertMessage> sent = new ArrayList<>();

        assertThatThrownBy(() -> invokeFailingAt(0, sent)).isInstanceOfSatisfying(StreamBatch.FirstRecordFailed.class,
                e -> assertThat(e.sequenceNumber()).isEqualTo("2200000000017454423100"));
        assertThat(sent).hasSize(1);
    }
}
