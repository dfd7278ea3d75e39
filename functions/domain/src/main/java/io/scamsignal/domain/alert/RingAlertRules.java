package io.scamsignal.domain.alert;

import io.scamsignal.domain.ring.RingEvent;
import io.scamsignal.domain.ring.RingItems;
import java.util.ArrayList;
import java.util.List;

/**
 * Which ring alerts a ring's head calls for. Pure: the same head, the same triggers, so the
 * exactly-once claim on the alert id (ring, rule, level) publishes each once. A ring of one
 * indicator is no ring to alert on: that indicator has its own alerts.
 */
public final class RingAlertRules {

    private static final Severity[] ESCALATION = {Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
    private final RingAlertConfig config;

    public RingAlertRules(RingAlertConfig config) {
        this.config = config;
    }

    /** A ring rule met: {@code level} is the threshold crossed; {@code mergedRingId} only for ring_merged. */
    public record RingTrigger(String rule, Severity severity, String level, String mergedRingId) {
        public static final String REPORTERS = "ring_reporters";
        public static final String CROSS_BRAND = "cross_brand";
        public static final String MERGED = "ring_merged";
    }

    public List<RingTrigger> evaluate(RingItems.Head ring) {
        if (!ring.live() || ring.members() < config.minMembers()) {
            return List.of();
        }
        List<RingTrigger> triggers = new ArrayList<>();
        List<Long> levels = config.reporterLevels();
        for (int i = levels.size() - 1; i >= 0; i--) {
            if (ring.effectiveReporters() >= levels.get(i)) {
                triggers.add(new RingTrigger(RingTrigger.REPORTERS, ESCALATION[Math.min(i, ESCALATION.length - 1)],
                        Long.toString(levels.get(i)), null));
                break;
            }
        }
        if (ring.brands().size() >= config.crossBrands() && ring.effectiveReporters() >= config.crossBrandMinReporters()) {
            triggers.add(new RingTrigger(RingTrigger.CROSS_BRAND, Severity.HIGH, Integer.toString(config.crossBrands()), null));
        }
        return triggers;
    }

    /**
     * ring_merged for each merge of a plan, once the surviving ring is one partners hear about (at its
     * first reporter level); merges of rings below it concern nobody yet.
     */
    public List<RingTrigger> merges(RingItems.Head survivor, List<RingEvent> events) {
        if (!survivor.live() || survivor.members() < config.minMembers()
                || survivor.effectiveReporters() < config.reporterLevels().get(0)) {
            return List.of();
        }
        return events.stream().filter(e -> e instanceof RingEvent.Merged)
                .map(e -> (RingEvent.Merged) e)
                .filter(m -> m.ringId().equals(survivor.ringId()))
                .map(m -> new RingTrigger(RingTrigger.MERGED, Severity.MEDIUM, "merge", m.mergedRingId()))
                .toList();
    }
}
