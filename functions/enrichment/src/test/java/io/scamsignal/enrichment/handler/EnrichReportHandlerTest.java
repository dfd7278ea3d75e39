package io.scamsignal.enrichment.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.aws.StreamBatch;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.domain.json.Json;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.enrichment.service.IndicatorRepository;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EnrichReportHandlerTest {

    /**
     * Records every contribution the handler hands over and counts each as new. It deduplicates
     * nothing: "once per (report, indicator)" is the DynamoDB repository's conditional transaction,
     * checked against moto by e2e's PipelineScenarios (every stream record delivered again, batches
     * delivered three times shuffled).
     */
    static final class InMemoryIndicators implements IndicatorRepository {
        final List<IndicatorContribution> applied = new ArrayList<>();

        @Override
        public synchronized int apply(List<IndicatorContribution> sameIndicator) {
            applied.addAll(sameIndicator);
            return sameIndicator.size();
        }
    }

    private final InMemoryIndicators indicators = new InMemoryIndicators();
    private final EnrichReportHandler handler;

    EnrichReportHandlerTest() {
        BrandRegistry brands = BrandRegistry.defaults();
        handler = new EnrichReportHandler(new EnrichmentService(new ContributionPlanner(
                IndicatorExtractor.standard(brands), brands,
                UsdRates.defaults()), indicators));
    }

    /** The event file's bytes through the stream handler, as Lambda delivers them; its JSON response. */
    private JsonNode invoke(String eventFile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(eventFile)) {
            handler.handleRequest(in, out, null);
        }
        return Json.mapper().readTree(out.toByteArray());
    }

    @Test
    void everyIndicatorOfTheReportIsNormalisedAndCounted() throws Exception {
        JsonNode response = invoke("events/dynamodb/report-inserted.json");

        assertThat(response.get("batchItemFailures")).isEmpty();
        // the indicators are applied side by side: in any order
        assertThat(indicators.applied).extracting(c -> c.indicator().key()).containsExactlyInAnyOrder(
                "phone#+18885550142", "domain#xn--mazon-refunds-v1k.com", "remote_access_id#anydesk:123456789");
        assertThat(applied("domain#xn--mazon-refunds-v1k.com").indicator().enrichment())
                .containsEntry("impersonates", List.of("Amazon")).containsEntry("technique", "homoglyph");
        IndicatorContribution phone = applied("phone#+18885550142");
        assertThat(phone.brands()).containsExactly("Microsoft");
        assertThat(phone.country()).isEqualTo("US");
        assertThat(phone.lossUsd()).isEqualByComparingTo("290.00");
        assertThat(phone.paymentMethods()).containsExactly("gift_card");
        assertThat(phone.reporterFingerprint()).isEqualTo("5f46a1ce33de91b79e14c6b4c264083a");
    }

    private IndicatorContribution applied(String key) {
        return indicators.applied.stream().filter(c -> c.indicator().key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void aRedeliveredBatchHandsTheStoreTheSameContributionsSoItsOncePerReportConditionHolds() throws Exception {
        invoke("events/dynamodb/report-inserted.json");
        List<IndicatorContribution> first = List.copyOf(indicators.applied);
        invoke("events/dynamodb/report-inserted.json");
        List<IndicatorContribution> second = indicators.applied.subList(first.size(), indicators.applied.size());

        // the handler itself remembers nothing between deliveries: the store sees everything twice ...
        assertThat(indicators.applied).hasSize(6);
        // ... with equal contributions (in any order), keyed by (report id, indicator), which is what its condition tests
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(second).extracting(c -> c.reportId() + "|" + c.indicator().key())
                .containsExactlyInAnyOrderElementsOf(first.stream().map(c -> c.reportId() + "|" + c.indicator().key()).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("the batch's first record failing is a function error (Lambda splits the batch), and the records"
            + " after it are applied")
    void aFailingFirstRecordIsThrownSoLambdaBisectsAndTheOthersAreApplied() {
        assertThatThrownBy(() -> invoke("events/dynamodb/report-inserted-poison-first.json"))
                .isInstanceOfSatisfying(StreamBatch.FirstRecordFailed.class,
                        e -> assertThat(e.sequenceNumber()).isEqualTo("1100000000017454423010"));
        assertThat(indicators.applied).extracting(IndicatorContribution::reportId)
                .containsOnly("0b8f6a0e-3f0e-4c1e-9a57-5d3f2f7c1a01").hasSize(3);
    }

    @Test
    @DisplayName("a record failing after the first is named in the partial batch response; the records before it are"
            + " applied")
    void aPoisonRecordIsReportedByItsSequenceNumber() throws Exception {
        JsonNode response = invoke("events/dynamodb/report-inserted-poison-second.json");

        assertThat(response.get("batchItemFailures")).singleElement()
                .extracting(failure -> failure.get("itemIdentifier").asText())
                .isEqualTo("1100000000017454423013");
        assertThat(indicators.applied).extracting(IndicatorContribution::reportId)
                .contains("5d2c7b1e-8a4f-4b8e-9e21-3c6a0f9d2b11");
    }

    @Test
    @DisplayName("a report the store cannot apply fails the batch's unit; each report is then applied on its own and"
            + " the answer names the first one not applied, not the batch's first record")
    void aReportTheStoreRefusesIsNamedAndTheOthersAreApplied() throws Exception {
        FailingFor failing = new FailingFor("c3e8f2a4-6d1b-4f7e-a5c9-0b2d8e4f6a13");
        JsonNode response = invoke(failing, "events/dynamodb/report-inserted-poison-second.json");

        // the poison record (…013) comes before the refused report (…014): the first not applied, in order
        assertThat(response.get("batchItemFailures")).singleElement()
                .extracting(failure -> failure.get("itemIdentifier").asText())
                .isEqualTo("1100000000017454423013");
        assertThat(failing.applied).extracting(IndicatorContribution::reportId)
                .containsOnly("5d2c7b1e-8a4f-4b8e-9e21-3c6a0f9d2b11").hasSize(3);
    }

    @Test
    @DisplayName("a refused report that is the batch's first record is thrown, after the others were applied")
    void aRefusedFirstReportIsThrownAfterTheOthersWereApplied() {
        FailingFor failing = new FailingFor("5d2c7b1e-8a4f-4b8e-9e21-3c6a0f9d2b11");

        assertThatThrownBy(() -> invoke(failing, "events/dynamodb/report-inserted-poison-second.json"))
                .isInstanceOfSatisfying(StreamBatch.FirstRecordFailed.class,
                        e -> assertThat(e.sequenceNumber()).isEqualTo("1100000000017454423012"));
        assertThat(failing.applied).extracting(IndicatorContribution::reportId)
                .containsOnly("c3e8f2a4-6d1b-4f7e-a5c9-0b2d8e4f6a13").hasSize(3);
    }

    /** A store that refuses every contribution of one report (as a store that keeps failing would). */
    static final class FailingFor implements IndicatorRepository {
        final String refusedReport;
        final List<IndicatorContribution> applied = new ArrayList<>();

        FailingFor(String refusedReport) {
            this.refusedReport = refusedReport;
        }

        @Override
        public synchronized int apply(List<IndicatorContribution> sameIndicator) {
            if (sameIndicator.stream().anyMatch(c -> c.reportId().equals(refusedReport))) {
                throw new IllegalStateException("refused");
            }
            applied.addAll(sameIndicator);
            return sameIndicator.size();
        }
    }

    private static JsonNode invoke(IndicatorRepository store, String eventFile) throws Exception {
        BrandRegistry brands = BrandRegistry.defaults();
        EnrichReportHandler handler = new EnrichReportHandler(new EnrichmentService(new ContributionPlanner(
                IndicatorExtractor.standard(brands), brands, UsdRates.defaults()), store));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = EnrichReportHandlerTest.class.getClassLoader().getResourceAsStream(eventFile)) {
            handler.handleRequest(in, out, null);
        }
        return Json.mapper().readTree(out.toByteArray());
    }
}
