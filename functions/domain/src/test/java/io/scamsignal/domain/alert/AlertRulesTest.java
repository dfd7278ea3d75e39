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
import java.util.TreeMap;
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

    static IndicatorAggregate onNetworks(Map<String, Long> reportersByNetwork, Map<String, Object> enrichment) {
        return onNetworks("rnicrosoft-support.com", reportersByNetwork, enrichment);
    }

    static IndicatorAggregate onNetworks(String domain, Map<String, Long> reportersByNetwork, Map<String, Object> enrichment) {
        long reporters = reportersByNetwork.values().stream().mapToLong(Long::longValue).sum();
        Indicator indicator = new Indicator(IndicatorType.DOMAIN, domain, domain, enrichment);
        return IndicatorAggregate.builder(indicator).reports(reporters).distinctReporters(reporters)
                .firstSeen(Instant.parse("2026-11-28T10:00:00Z")).lastSeen(Instant.parse("2026-11-28T11:00:00Z"))
                .brands(Set.of("Microsoft")).countries(Set.of("US")).contactMethods(Map.of("popup", reporters))
                .reports24h(reporters).reports7d(reporters).distinctReporters7d(reporters)
                .reportersByNetwork(new TreeMap<>(reportersByNetwork)).distinctNetworks(reportersByNetwork.size())
                .networkedReporters(reporters).build();
    }

    @Test
    void threeReportersOnOneNetworkFireNothingOnThreeNetworksTheyDo() {
        assertThat(rules.evaluate(onNetworks(Map.of("net-a", 3L), Map.of()))).isEmpty();
        assertThat(rules.evaluate(onNetworks(Map.of("net-a", 30L), Map.of()))).isEmpty();
        assertThat(rules.evaluate(onNetworks(Map.of("net-a", 1L, "net-b", 1L, "net-c", 1L), Map.of())))
                .extracting(AlertTrigger::rule).containsExactly(AlertRule.DISTINCT_REPORTERS);
    }

    @Test
    void reportersCountAtMostTwoPerNetworkTowardTheLevels() {
        // 2 + 1 effective reporters reach the first level; 5 + 1 would not count as 6
        assertThat(rules.evaluate(onNetworks(Map.of("net-a", 5L, "net-b", 1L), Map.of())))
                .extracting(AlertTrigger::level).containsExactly("3");
        AlertRules strict = new AlertRules(new AlertRuleConfig(2, List.of(3L, 10L, 30L), 10, new BigDecimal("5000"), 2, 3, 1));
        assertThat(strict.evaluate(onNetworks(Map.of("net-a", 5L, "net-b", 1L), Map.of()))).isEmpty();
        assertThat(strict.evaluate(onNetworks(Map.of("net-a", 1L, "net-b", 1L, "net-c", 1L), Map.of()))).isNotEmpty();
    }

    @Test
    void networkParametersComeFromTheEnvironment() {
        AlertRuleConfig config = AlertRuleConfig.fromEnvironment(Map.of("RULE_MIN_DISTINCT_NETWORKS", "3",
                "RULE_REPORTERS_PER_NETWORK", "1")::get);
        assertThat(config.minDistinctNetworks()).isEqualTo(3);
        assertThat(config.reportersPerNetwork()).isEqualTo(1);
        assertThat(AlertRuleConfig.defaults().minDistinctNetworks()).isEqualTo(2);
        assertThat(AlertRuleConfig.defaults().reportersPerNetwork()).isEqualTo(2);
    }

    @Test
    void benignIndicatorsNeverFireAndOperatorsDecideWithoutARedeploy() {
        Map<String, Long> threeNetworks = Map.of("net-a", 1L, "net-b", 1L, "net-c", 1L);
        var overrides = new io.scamsignal.domain.benign.InMemoryBenignOverrides();
        AlertRules withOverrides = new AlertRules(AlertRuleConfig.defaults(), overrides);
        IndicatorAggregate listed = onNetworks("anydesk.com", threeNetworks, Map.of("allowListed", true, "benign", "tranco1m"));
        IndicatorAggregate unlisted = onNetworks(threeNetworks, Map.of());

        assertThat(withOverrides.evaluate(listed)).isEmpty();
        assertThat(withOverrides.benignReason(listed)).contains("tranco1m");
        assertThat(withOverrides.evaluate(unlisted)).isNotEmpty();

        overrides.put(unlisted.indicator().key(), new io.scamsignal.domain.benign.BenignOverrides.Benign("our partner's site"));
        overrides.put(listed.indicator().key(), new io.scamsignal.domain.benign.BenignOverrides.NotBenign("hijacked"));
        assertThat(withOverrides.evaluate(unlisted)).isEmpty();
        assertThat(withOverrides.benignReason(unlisted)).contains("operator: our partner's site");
        assertThat(withOverrides.evaluate(listed)).isNotEmpty();
    }

    @Test
    void aUrlIsCoveredByItsDomainsOverride() {
        Indicator url = new Indicator(IndicatorType.URL, "https://example-charity.org/help", "https://example-charity.org/help",
                Map.of("domain", "example-charity.org"));
        IndicatorAggregate a = onNetworks(Map.of("net-a", 1L, "net-b", 1L, "net-c", 1L), Map.of());
        IndicatorAggregate page = new IndicatorAggregate(url, a.reports(), a.distinctReporters(), a.firstSeen(), a.lastSeen(),
                a.brands(), a.countries(), a.lossUsd(), a.paymentMethods(), a.contactMethods(), a.reports24h(), a.reports7d(),
                a.distinctReporters7d(), a.windows(), null, a.reportersByNetwork(), a.distinctNetworks(), a.networkedReporters());
        var overrides = new io.scamsignal.domain.benign.InMemoryBenignOverrides()
                .put("domain#example-charity.org", new io.scamsignal.domain.benign.BenignOverrides.Benign("charity"));

        assertThat(new AlertRules(AlertRuleConfig.defaults(), overrides).evaluate(page)).isEmpty();
        assertThat(rules.evaluate(page)).isNotEmpty();
    }
}
