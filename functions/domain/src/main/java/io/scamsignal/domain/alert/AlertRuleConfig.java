package io.scamsignal.domain.alert;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Thresholds of the alert rules. The defaults are the contract's; each can be changed through the
 * alerting function's environment (template parameters). {@code distinctReporterLevels} escalate:
 * the first is the rule's threshold (medium), the next ones raise the severity (high, critical).
 * Reporters count toward every threshold at most {@code reportersPerNetwork} per source network,
 * and no rule fires on fewer than {@code minDistinctNetworks} networks.
 */
public record AlertRuleConfig(long minDistinctReporters, List<Long> distinctReporterLevels, long surgeReports,
                              BigDecimal highLossUsd, int crossBrands, long minDistinctNetworks,
                              int reportersPerNetwork) {

    public static final long DEFAULT_MIN_DISTINCT_NETWORKS = 2;
    public static final int DEFAULT_REPORTERS_PER_NETWORK = 2;

    public AlertRuleConfig {
        distinctReporterLevels = List.copyOf(distinctReporterLevels);
        if (distinctReporterLevels.isEmpty()) {
            throw new IllegalArgumentException("at least one distinct-reporter level is needed");
        }
        if (minDistinctNetworks < 1 || reportersPerNetwork < 1) {
            throw new IllegalArgumentException("network thresholds must be at least 1");
        }
    }

    public AlertRuleConfig(long minDistinctReporters, List<Long> distinctReporterLevels, long surgeReports,
                           BigDecimal highLossUsd, int crossBrands) {
        this(minDistinctReporters, distinctReporterLevels, surgeReports, highLossUsd, crossBrands,
                DEFAULT_MIN_DISTINCT_NETWORKS, DEFAULT_REPORTERS_PER_NETWORK);
    }

    public static AlertRuleConfig defaults() {
        return new AlertRuleConfig(2, List.of(3L, 10L, 30L), 10, new BigDecimal("5000"), 2);
    }

    public static AlertRuleConfig fromEnvironment(Function<String, String> env) {
        AlertRuleConfig d = defaults();
        String levels = env.apply("RULE_DISTINCT_REPORTERS");
        return new AlertRuleConfig(
                longOr(env.apply("RULE_MIN_DISTINCT_REPORTERS"), d.minDistinctReporters()),
                levels == null || levels.isBlank() ? d.distinctReporterLevels()
                        : Arrays.stream(levels.split(",")).map(String::strip).map(Long::parseLong).sorted().toList(),
                longOr(env.apply("RULE_SURGE_REPORTS"), d.surgeReports()),
                env.apply("RULE_HIGH_LOSS_USD") == null ? d.highLossUsd() : new BigDecimal(env.apply("RULE_HIGH_LOSS_USD")),
                (int) longOr(env.apply("RULE_CROSS_BRANDS"), d.crossBrands()),
                longOr(env.apply("RULE_MIN_DISTINCT_NETWORKS"), d.minDistinctNetworks()),
                (int) longOr(env.apply("RULE_REPORTERS_PER_NETWORK"), d.reportersPerNetwork()));
    }

    private static long longOr(String value, long fallback) {
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }
}
