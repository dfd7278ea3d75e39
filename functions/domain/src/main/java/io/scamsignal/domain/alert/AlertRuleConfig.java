package io.scamsignal.domain.alert;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Thresholds of the alert rules. The defaults are the contract's; each can be changed through the
 * alerting function's environment (template parameters).
 */
public record AlertRuleConfig(long minDistinctReporters, long distinctReporters, long surgeReports,
                              BigDecimal highLossUsd, int crossBrands) {

    public static AlertRuleConfig defaults() {
        return new AlertRuleConfig(2, 3, 10, new BigDecimal("5000"), 2);
    }

    public static AlertRuleConfig fromEnvironment(Function<String, String> env) {
        AlertRuleConfig d = defaults();
        return new AlertRuleConfig(
                longOr(env.apply("RULE_MIN_DISTINCT_REPORTERS"), d.minDistinctReporters()),
                longOr(env.apply("RULE_DISTINCT_REPORTERS"), d.distinctReporters()),
                longOr(env.apply("RULE_SURGE_REPORTS"), d.surgeReports()),
                env.apply("RULE_HIGH_LOSS_USD") == null ? d.highLossUsd() : new BigDecimal(env.apply("RULE_HIGH_LOSS_USD")),
                (int) longOr(env.apply("RULE_CROSS_BRANDS"), d.crossBrands()));
    }

    private static long longOr(String value, long fallback) {
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }

}
