package io.scamsignal.enrichment.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnrichReportHandlerTest {

    /** Remembers what was counted, once per (report, indicator), as the DynamoDB repository guarantees. */
    static final class InMemoryIndicators implements IndicatorRepository {
        final List<IndicatorContribution> applied = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        @Override
        public int apply(List<IndicatorContribution> sameIndicator) {
            int n = 0;
            for (IndicatorContribution c : sameIndicator) {
                if (seen.add(c.reportId() + "|" + c.indicator().key())) {
                    applied.add(c);
                    n++;
                }
            }
            return n;
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
        assertThat(indicators.applied).extracting(c -> c.indicator().key()).containsExactly(
                "phone#+18885550142", "domain#xn--mazon-refunds-v1k.com", "remote_access_id#anydesk:123456789");
        assertThat(indicators.applied.get(1).indicator().enrichment())
                .containsEntry("impersonates", List.of("Amazon")).containsEntry("technique", "homoglyph");
        IndicatorContribution phone = indicators.applied.get(0);
        assertThat(phone.brands()).containsExactly("Microsoft");
        assertThat(phone.country()).isEqualTo("US");
        assertThat(phone.lossUsd()).isEqualByComparingTo("290.00");
        assertThat(phone.paymentMethods()).containsExactly("gift_card");
        assertThat(phone.reporterFingerprint()).isEqualTo("5f46a1ce33de91b79e14c6b4c264083a");
    }

    @Test
    void aRedeliveredBatchCountsNothingTwice() throws Exception {
        invoke("events/dynamodb/report-inserted.json");
        invoke("events/dynamodb/report-inserted.json");

        assertThat(indicators.applied).hasSize(3);
    }

    @Test
    void aPoisonRecordIsReportedByItsSequenceNumber() throws Exception {
        JsonNode response = invoke("events/dynamodb/report-inserted-poison-first.json");

        assertThat(response.get("batchItemFailures")).singleElement()
                .extracting(failure -> failure.get("itemIdentifier").asText())
                .isEqualTo("1100000000017454423010");
        assertThat(indicators.applied).isEmpty();
    }
}
