package io.scamsignal.domain.alert;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import java.util.ArrayList;
import java.util.List;

/** Which rules an indicator's current aggregate satisfies. Pure: the same aggregate, the same answer. */
public final class AlertRules {

    private final AlertRuleConfig config;

    public AlertRules(AlertRuleConfig config) {
        this.config = config;
    }

    public List<AlertTrigger> evaluate(IndicatorAggregate aggregate) {
        // one person alone must never get a number or domain flagged, and a brand's own never is
        if (aggregate.indicator().allowListed() || aggregate.distinctReporters() < config.minDistinctReporters()) {
            return List.of();
        }
        List<AlertTrigger> triggers = new ArrayList<>();
        if (aggregate.distinctReporters7d() >= config.distinctReporters()) {
            triggers.add(trigger(AlertRule.DISTINCT_REPORTERS, config.distinctReporters()));
        }
        if (aggregate.reports24h() >= config.surgeReports()) {
            triggers.add(trigger(AlertRule.REPORT_SURGE, config.surgeReports()));
        }
        if (aggregate.lossUsd().compareTo(config.highLossUsd()) >= 0) {
            triggers.add(new AlertTrigger(AlertRule.HIGH_LOSS, AlertRule.HIGH_LOSS.severity(),
                    config.highLossUsd().stripTrailingZeros().toPlainString()));
        }
        if (aggregate.brands().size() >= config.crossBrands()) {
            triggers.add(trigger(AlertRule.CROSS_BRAND, config.crossBrands()));
        }
        return triggers;
    }

    private static AlertTrigger trigger(AlertRule rule, long level) {
        return new AlertTrigger(rule, rule.severity(), Long.toString(level));
    }
}
