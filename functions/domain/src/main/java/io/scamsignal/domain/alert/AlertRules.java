package io.scamsignal.domain.alert;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.benign.BenignOverrides;
import io.scamsignal.domain.indicator.Indicator;
import io.scamsignal.domain.indicator.IndicatorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which rules an indicator's current aggregate satisfies. Pure: the same aggregate, the same
 * answer, so a replayed stream record names the same alerts. Windows and periods are read from
 * the aggregate's own last report time, never from the clock.
 * <p>
 * Nothing fires for a benign indicator (a brand's own, or on a benign list, or so marked by an
 * operator: {@link #benignReason}), and reporters count at most
 * {@link AlertRuleConfig#reportersPerNetwork()} per source network, with no rule firing on fewer
 * than {@link AlertRuleConfig#minDistinctNetworks()} networks: one person with three e-mail
 * addresses on one laptop flags nothing.
 */
public final class AlertRules {

    private static final long DAY = 86_400;
    private static final Severity[] ESCALATION = {Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
    private final AlertRuleConfig config;
    private final BenignOverrides overrides;

    public AlertRules(AlertRuleConfig config) {
        this(config, BenignOverrides.none());
    }

    /** @param overrides operators' benign corrections, read at evaluation so they act without a redeploy */
    public AlertRules(AlertRuleConfig config, BenignOverrides overrides) {
        this.config = config;
        this.overrides = overrides;
    }

    public AlertRuleConfig config() {
        return config;
    }

    /**
     * Why the indicator is benign, if it is: an operator's entry for it (or for a URL's domain)
     * first, which can also lift a list's verdict; else the list it matched when extracted.
     */
    public Optional<String> benignReason(IndicatorAggregate aggregate) {
        Indicator indicator = aggregate.indicator();
        List<String> keys = new ArrayList<>(List.of(indicator.key()));
        if (indicator.enrichment().get("domain") instanceof String domain && indicator.type() == IndicatorType.URL) {
            keys.add("domain#" + domain);
        }
        for (String key : keys) {
            Optional<BenignOverrides.Entry> entry = overrides.find(key);
            if (entry.isPresent()) {
                return switch (entry.get()) {
                    case BenignOverrides.Benign b -> Optional.of("operator: " + b.reason());
                    case BenignOverrides.NotBenign n -> Optional.empty();
                };
            }
        }
        return indicator.benignList();
    }

    /**
     * Whether enough reporters on enough networks named the indicator for the distinct-reporters
     * alert, benign or not: at least the lowest reporter level (and the minimum), counted at most
     * {@link AlertRuleConfig#reportersPerNetwork()} per network, on at least
     * {@link AlertRuleConfig#minDistinctNetworks()} networks. What a benign number needs to show in
     * the number feed as {@code benign}.
     */
    public boolean meetsReporterThresholds(IndicatorAggregate aggregate) {
        long needed = Math.max(config.minDistinctReporters(), config.distinctReporterLevels().getFirst());
        return aggregate.effectiveReporters(config.reportersPerNetwork()) >= needed
                && aggregate.networks() >= config.minDistinctNetworks();
    }

    public List<AlertTrigger> evaluate(IndicatorAggregate aggregate) {
        // one person alone must never get a number or domain flagged, nor one network, and the legitimate never is
        long effectiveReporters = aggregate.effectiveReporters(config.reportersPerNetwork());
        if (aggregate.isFalsePositive() || benignReason(aggregate).isPresent()
                || effectiveReporters < config.minDistinctReporters()
                || aggregate.networks() < config.minDistinctNetworks()) {
            return List.of();
        }
        long day = Math.floorDiv(aggregate.lastSeen().getEpochSecond(), DAY);
        List<AlertTrigger> triggers = new ArrayList<>();
        List<Long> levels = config.distinctReporterLevels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            // the week's reporters, no more than the network-capped count over all time
            if (Math.min(aggregate.distinctReporters7d(), effectiveReporters) >= levels.get(i)) {
                // the highest level reached; a level jumped over has nothing left to say
                triggers.add(new AlertTrigger(AlertRule.DISTINCT_REPORTERS, ESCALATION[Math.min(i, ESCALATION.length - 1)],
                        Long.toString(levels.get(i)), "w" + Math.floorDiv(day, 7)));
                break;
            }
        }
        if (aggregate.reports24h() >= config.surgeReports()) {
            triggers.add(new AlertTrigger(AlertRule.REPORT_SURGE, AlertRule.REPORT_SURGE.severity(),
                    Long.toString(config.surgeReports()), "d" + day));
        }
        if (aggregate.lossUsd().compareTo(config.highLossUsd()) >= 0) {
            triggers.add(new AlertTrigger(AlertRule.HIGH_LOSS, AlertRule.HIGH_LOSS.severity(),
                    config.highLossUsd().stripTrailingZeros().toPlainString(), "all"));
        }
        if (aggregate.brands().size() >= config.crossBrands()) {
            triggers.add(new AlertTrigger(AlertRule.CROSS_BRAND, AlertRule.CROSS_BRAND.severity(),
                    Integer.toString(config.crossBrands()), "all"));
        }
        return triggers;
    }
}
