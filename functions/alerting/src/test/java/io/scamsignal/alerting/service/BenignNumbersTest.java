package io.scamsignal.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.AlertRuleConfig;
import io.scamsignal.domain.alert.AlertRules;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A number on a benign list is shown in the number feed as benign once it passes an alert's reporter thresholds, never alerted. */
class BenignNumbersTest {

    private final List<String> claimed = new ArrayList<>();
    private final List<IndicatorAggregate> shown = new ArrayList<>();
    private final List<AlertMessage> published = new ArrayList<>();
    private final AlertClaims claims = new AlertClaims() {
        @Override
        public Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now) {
            claimed.add(alertId);
            return new Result.Claimed(candidate.get());
        }

        @Override
        public void markSent(String alertId, String publishedMessageId, Instant now) {
        }

        @Override
        public void showBenign(IndicatorAggregate aggregate, Instant now) {
            shown.add(aggregate);
        }
    };
    private final AlertingService service = new AlertingService(new AlertRules(AlertRuleConfig.defaults()), claims,
            message -> {
                published.add(message);
                return "m" + published.size();
            }, (indicator, max) -> List.of("r1"), Clock.fixed(Instant.parse("2026-11-28T15:00:00Z"), ZoneOffset.UTC));

    private static IndicatorAggregate aggregate(IndicatorType type, String value, boolean benign, long reporters, long networks) {
        Indicator indicator = new Indicator(type, value, value, Map.of());
        if (benign) {
            indicator = indicator.markedBenign("curated-phones", null);
        }
        TreeMap<String, Long> byNetwork = new TreeMap<>();
        for (int n = 0; n < networks; n++) {
            byNetwork.put("net" + n, n == 0 ? reporters - networks + 1 : 1L);
        }
        return IndicatorAggregate.builder(indicator).reports(reporters).distinctReporters(reporters)
                .firstSeen(Instant.parse("2026-11-28T10:00:00Z")).lastSeen(Instant.parse("2026-11-28T11:00:00Z"))
                .brands(Set.of("Chase")).countries(Set.of("US")).lossUsd(BigDecimal.ZERO).paymentMethods(Map.of())
                .contactMethods(Map.of()).reports24h(reporters).reports7d(reporters).distinctReporters7d(reporters)
                .reportersByNetwork(byNetwork).distinctNetworks(networks).networkedReporters(reporters).build();
    }

    @Test
    void aBenignNumberOfThreeReportersOnThreeNetworksIsShownAndNotAlerted() {
        service.onAggregateChanged(aggregate(IndicatorType.PHONE, "+18009359935", true, 3, 3), "r");

        assertThat(published).isEmpty();
        assertThat(claimed).isEmpty();
        assertThat(shown).singleElement().satisfies(a -> assertThat(a.indicator().value()).isEqualTo("+18009359935"));
    }

    @Test
    void belowTheThresholdsOrOnOneNetworkItIsNotShown() {
        service.onAggregateChanged(aggregate(IndicatorType.PHONE, "+18009359935", true, 2, 2), "r");
        service.onAggregateChanged(aggregate(IndicatorType.PHONE, "+18009359935", true, 3, 1), "r");

        assertThat(shown).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void aBenignDomainIsNotInTheNumberFeedAndAScamNumberStillAlerts() {
        service.onAggregateChanged(aggregate(IndicatorType.DOMAIN, "chase.com", true, 3, 3), "r");
        assertThat(shown).isEmpty();

        service.onAggregateChanged(aggregate(IndicatorType.PHONE, "+18885550142", false, 3, 3), "r");
        assertThat(shown).isEmpty();
        assertThat(published).isNotEmpty();
    }

    @Test
    void evenWhenOneNetworkMayCountThreeReportersOneNetworkIsNotEnough() {
        AlertingService lenient = new AlertingService(new AlertRules(new AlertRuleConfig(2, List.of(3L, 10L), 10,
                new BigDecimal("5000"), 2, 2, 3)), claims, message -> "m", (indicator, max) -> List.of("r1"),
                Clock.fixed(Instant.parse("2026-11-28T15:00:00Z"), ZoneOffset.UTC));
        lenient.onAggregateChanged(aggregate(IndicatorType.PHONE, "+18009359935", true, 3, 1), "r");
        assertThat(shown).isEmpty();

        lenient.onAggregateChanged(aggregate(IndicatorType.PHONE, "+18009359935", true, 3, 2), "r");
        assertThat(shown).hasSize(1);
    }
}
