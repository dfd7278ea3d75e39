package io.scamsignal.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private final AlertRules rules = new AlertRules(AlertRuleConfig.defaults());

    static IndicatorAggregate aggregate(long distinctReporters, String lossUsd, Set<String> brands, boolean allowListed) {
        Indicator indicator = new Indicator(IndicatorType.PHONE, "+18885550142", "+1 888-555-0142",
                allowListed ? Map.of("allowListed", true) : Map.of("numberType", "TOLL_FREE"));
        return IndicatorAggregate.builder(indicator).reports(distinctReporters).distinctReporters(distinctReporters)
                .firstSeen(Instant.parse("2026-11-28T10:00:00Z")).lastSeen(Instant.parse("2026-11-28T11:00:00Z"))
                .brands(brands).countries(Set.of("US")).lossUsd(new BigDecimal(lossUsd))
                .paymentMethods(Map.of("gift_card", 1L)).contactMethods(Map.of("popup", distinctReporters))
                .reports24h(distinctReporters).reports7d(distinctReporters).distinctReporters7d(distinctReporters).build();
    }

    @Test
    void threeDistinctReportersFireTheDistinctReportersRule() {
        assertThat(rules.evaluate(aggregate(2, "0", Set.of("Microsoft"), false))).isEmpty();
        assertThat(rules.evaluate(aggregate(3, "0", Set.of("Microsoft"), false)))
                .extracting(AlertTrigger::rule, AlertTrigger::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertRule.DISTINCT_REPORTERS, Severity.MEDIUM));
    }

    @Test
    void noRuleFiresForOnePersonAlone() {
        assertThat(rules.evaluate(aggregate(1, "100000", Set.of("Microsoft", "Amazon"), false))).isEmpty();
    }

    @Test
    void highLossAndCrossBrandFireFromTwoReporters() {
        assertThat(rules.evaluate(aggregate(2, "5000", Set.of("Microsoft", "Amazon"), false)))
                .extracting(AlertTrigger::rule).containsExactly(AlertRule.HIGH_LOSS, AlertRule.CROSS_BRAND);
    }

    @Test
    void tenReportsInADayAreASurgeButNotFromOneReporter() {
        IndicatorAggregate base = aggregate(2, "0", Set.of("Microsoft"), false);
        IndicatorAggregate surge = base.toBuilder().reports(12).distinctReporters(2)
                .reports24h(10).reports7d(12).distinctReporters7d(2).build();
        IndicatorAggregate alone = base.toBuilder().reports(12).distinctReporters(1)
                .reports24h(12).reports7d(12).distinctReporters7d(1).build();

        assertThat(rules.evaluate(surge)).extracting(AlertTrigger::rule, AlertTrigger::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertRule.REPORT_SURGE, Severity.HIGH));
        assertThat(rules.evaluate(alone)).isEmpty();
    }

    @Test
    void moreReportersEscalateToANewAlertWithAHigherSeverity() {
        List<AlertTrigger> three = rules.evaluate(aggregate(3, "0", Set.of("Microsoft"), false));
        List<AlertTrigger> twelve = rules.evaluate(aggregate(12, "0", Set.of("Microsoft"), false));
        List<AlertTrigger> forty = rules.evaluate(aggregate(40, "0", Set.of("Microsoft"), false));

        assertThat(three).extracting(AlertTrigger::severity, AlertTrigger::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.MEDIUM, "3"));
        assertThat(twelve).filteredOn(t -> t.rule() == AlertRule.DISTINCT_REPORTERS)
                .extracting(AlertTrigger::severity, AlertTrigger::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.HIGH, "10"));
        assertThat(forty).filteredOn(t -> t.rule() == AlertRule.DISTINCT_REPORTERS)
                .extracting(AlertTrigger::severity).containsExactly(Severity.CRITICAL);
        assertThat(AlertMessage.alertId(aggregate(3, "0", Set.of(), false).indicator(), three.get(0)))
                .isNotEqualTo(AlertMessage.alertId(aggregate(12, "0", Set.of(), false).indicator(), twelve.get(0)));
    }

    @Test
    void aRulePeriodIsReadFromTheDataSoAReplayNamesTheSameAlert() {
        IndicatorAggregate a = aggregate(3, "6000", Set.of("Microsoft"), false);

        assertThat(rules.evaluate(a)).isEqualTo(rules.evaluate(a));
        assertThat(rules.evaluate(a)).extracting(AlertTrigger::period).containsExactly("w2969", "all");
    }

    @Test
    void aFalsePositiveNeverFiresAgain() {
        assertThat(rules.evaluate(aggregate(40, "90000", Set.of("Microsoft", "Amazon"), false)
                .markedFalsePositive("the partner's own number"))).isEmpty();
    }

    @Test
    void allowListedIndicatorsNeverFire() {
        assertThat(rules.evaluate(aggregate(50, "90000", Set.of("Microsoft", "Amazon"), true))).isEmpty();
    }
}
