package io.scamsignal.domain.alert;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rules an indicator's current aggregate satisfies. Pure: the same aggregate, the same
 * answer, so a replayed stream record names the same alerts. Windows and periods are read from
 * the aggregate's own last report time, never from the clock.
 */
public final class AlertRules {

    private static final long DAY = 86_400;
    private static final Severity[] ESCALATION = {Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
    private final AlertRuleConfig config;

    public AlertRules(AlertRuleConfig config) {
        this.config = config;
    }

    public List<AlertTrigger> evaluate(IndicatorAggregate aggregate) {
        // one person alone must never get a number or domain flagged, and a brand's own never is
        if (aggregate.indicator().allowListed() || aggregate.isFalsePositive()
                || aggregate.distinctReporters() < config.minDistinctReporters()) {
            return List.of();
        }
        long day = Math.floorDiv(aggregate.lastSeen().getEpochSecond(), DAY);
        List<AlertTrigger> triggers = new ArrayList<>();
        List<Long> levels = config.distinctReporterLevels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (aggregate.distinctReporters7d() >= levels.get(i)) {
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
