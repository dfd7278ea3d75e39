package io.scamsignal.domain.alert;

import io.scamsignal.domain.ring.RingEvent;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which ring alerts a ring's head calls for. Pure: the same head, the same triggers, so the
 * exactly-once claim on the alert id (ring, rule, level) publishes each once. A ring of one
 * indicator is no ring to alert on: that indicator has its own alerts. Every rule counts effective
 * reporters (at most the cap per network) and needs reporters on at least {@code minNetworks}
 * networks; cross_brand also needs the first reporter level and counts only brands named from at
 * least two networks, so one person on one network, whatever e-mails or brands they give, causes
 * no ring alert.
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
        public static final String SPLIT = "ring_split";
    }

    public List<RingTrigger> evaluate(RingItems.Head ring) {
        if (!ring.live() || ring.members() < config.minMembers() || ring.networks() < config.minNetworks()) {
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
        if (ring.corroboratedBrands().size() >= config.crossBrands() && alertable(ring)
                && ring.effectiveReporters() >= config.crossBrandMinReporters()) {
            triggers.add(new RingTrigger(RingTrigger.CROSS_BRAND, Severity.HIGH, Integer.toString(config.crossBrands()), null));
        }
        return triggers;
    }

    /**
     * The alerts a head change calls for, from the head's stream images ({@code oldImage} null for a
     * new head): those of {@link #evaluate(RingItems.Head)}, except for a part an operator split off
     * ({@link RingSplit}, a ring at its split home). Its id may have alerted before it was absorbed
     * (its campaign revoked then), so its reporter levels count from the split: ring_reporters comes
     * when it crosses a level after the split, named by the head version of the crossing (once per
     * crossing, whatever the retries; the claim publishes the campaign again, reopened if revoked),
     * and not while it stays at a level. The level it is at when split off is {@link #splits}'s.
     */
    public List<RingTrigger> evaluate(RingItems.Head oldImage, RingItems.Head newImage) {
        List<RingTrigger> triggers = evaluate(newImage);
        if (!newImage.live() || !newImage.home().equals(RingSplit.homeOf(newImage.founderReportId()))) {
            return triggers;
        }
        // the split itself writes the part's head (new, over a tombstone, or unmarking a split in steps)
        boolean sinceSplit = oldImage != null && oldImage.live() && oldImage.movingTo() == null
                && oldImage.home().equals(newImage.home());
        String before = sinceSplit ? reportersLevel(evaluate(oldImage)) : null;
        List<RingTrigger> out = new ArrayList<>();
        for (RingTrigger t : triggers) {
            if (!t.rule().equals(RingTrigger.REPORTERS)) {
                out.add(t);
            } else if (sinceSplit && !t.level().equals(before)) {
                out.add(new RingTrigger(t.rule(), t.severity(), t.level() + "@v" + newImage.version(), null));
            }
        }
        return out;
    }

    private static String reportersLevel(List<RingTrigger> triggers) {
        return triggers.stream().filter(t -> t.rule().equals(RingTrigger.REPORTERS)).map(RingTrigger::level)
                .findFirst().orElse(null);
    }

    /**
     * ring_merged for each merge of a plan, once the surviving ring is one partners hear about (at its
     * first reporter level); merges of rings below it concern nobody yet. An absorbed ring that was
     * alerted on always qualifies: the merged ring has at least its reporters.
     */
    public List<RingTrigger> merges(RingItems.Head survivor, List<RingEvent> events) {
        if (!alertable(survivor)) {
            return List.of();
        }
        return events.stream()
                .flatMap(e -> switch (e) {
                    case RingEvent.Merged m when m.ringId().equals(survivor.ringId()) -> Stream.of(m.mergedRingId());
                    case RingEvent.Renamed r when r.ringId().equals(survivor.ringId()) -> Stream.of(r.previousRingId());
                    default -> Stream.<String>empty();
                })
                .map(id -> new RingTrigger(RingTrigger.MERGED, Severity.MEDIUM, "merge", id))
                .toList();
    }

    /**
     * The same from a head item's stream images, for an alerting function fed by the ring table's
     * stream: a head that became a tombstone was merged into {@code survivor} (read by its
     * {@code mergedInto} home); a live head whose ring id changed was renamed (its old id now answers
     * with the new one, which partners learn as a merge).
     */
    public List<RingTrigger> merges(RingItems.Head oldImage, RingItems.Head newImage, RingItems.Head survivor) {
        if (oldImage == null || !oldImage.live() || survivor == null) {
            return List.of();
        }
        if (!newImage.live()) {
            return merges(survivor, List.of(new RingEvent.Merged(survivor.ringId(), newImage.ringId())));
        }
        if (!oldImage.ringId().equals(newImage.ringId())) {
            return merges(newImage, List.of(new RingEvent.Renamed(newImage.ringId(), oldImage.ringId())));
        }
        return List.of();
    }

    /**
     * ring_split when an operator withdrew a link and split a ring ({@code RingSplit}), from a head's
     * stream images, for rings partners hear about: the founder's part (same id, fewer reports than
     * before) when the ring was at its first reporter level before the split, and each split-off
     * part (a new head at its split home) at that level itself. The level is the head's version, so
     * each split is one alert per part, whatever the retries.
     */
    public List<RingTrigger> splits(RingItems.Head oldImage, RingItems.Head newImage) {
        if (newImage == null || !newImage.live() || newImage.merging() || newImage.members() < config.minMembers()) {
            return List.of();
        }
        boolean shrunk = oldImage != null && oldImage.live() && oldImage.ringId().equals(newImage.ringId())
                && newImage.reports() < oldImage.reports() && alertable(oldImage);
        // a split in steps writes a part's head marked movingTo the ring's home first; merges never
        // unmark such a head (the absorbed ring becomes a tombstone)
        boolean splitOff = (oldImage == null || !oldImage.live() || oldImage.movingTo() != null)
                && newImage.home().equals(RingSplit.homeOf(newImage.founderReportId())) && alertable(newImage);
        if (!shrunk && !splitOff) {
            return List.of();
        }
        return List.of(new RingTrigger(RingTrigger.SPLIT, Severity.MEDIUM, "v" + newImage.version(), null));
    }

    private boolean alertable(RingItems.Head ring) {
        return ring.live() && ring.members() >= config.minMembers() && ring.networks() >= config.minNetworks()
                && ring.effectiveReporters() >= config.reporterLevels().get(0);
    }
}
