package io.scamsignal.enrichment.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.annotations.Event;
import io.scamsignal.domain.aggregate.ContributionPlanner;
import io.scamsignal.domain.aggregate.IndicatorContribution;
import io.scamsignal.domain.aggregate.UsdRates;
import io.scamsignal.domain.brand.BrandRegistry;
import io.scamsignal.domain.indicator.IndicatorExtractor;
import io.scamsignal.enrichment.service.EnrichmentService;
import io.scamsignal.enrichment.service.IndicatorRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;

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

    @ParameterizedTest
    @Event(value = "events/dynamodb/report-inserted.json", type = DynamodbEvent.class)
    void everyIndicatorOfTheReportIsNormalisedAndCounted(DynamodbEvent event) {
        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
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

    @ParameterizedTest
    @Event(value = "events/dynamodb/report-inserted.json", type = DynamodbEvent.class)
    void aRedeliveredBatchCountsNothingTwice(DynamodbEvent event) {
        handler.handleRequest(event, null);
        handler.handleRequest(event, null);

        assertThat(indicators.applied).hasSize(3);
    }

    @ParameterizedTest
    @Event(value = "events/dynamodb/report-inserted-poison-first.json", type = DynamodbEvent.class)
    void aPoisonRecordIsReportedByItsSequenceNumber(DynamodbEvent event) {
        StreamsEventResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).singleElement()
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .isEqualTo("1100000000017454423010");
        assertThat(indicators.applied).isEmpty();
    }
}
