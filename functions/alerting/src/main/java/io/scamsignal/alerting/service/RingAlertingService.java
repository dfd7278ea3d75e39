package io.scamsignal.alerting.service;

import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.alert.RingAlertRules;
import io.scamsignal.domain.alert.RingStix;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.stix.StixExporter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A ring's head changed: publish each ring alert its rules now call for (ring_reporters,
 * cross_brand; after an operator's split only ring_split, for each part) and, when the head was
 * merged into another ring or renamed, ring_merged, each exactly once in effect through the alert
 * claims. Ring alerts carry aggregates only.
 *
 * <p>With the partner feed, each claimed ring alert appends the ring's STIX {@code campaign} (a new
 * version) and {@code indicates} relationships to the rings collection in the claim's transaction;
 * on ring_merged the absorbed ring's campaign is revoked.
 */
public final class RingAlertingService {

    private final RingAlertRules rules;
    private final AlertClaims claims;
    private final AlertPublisher publisher;
    private final RingReader rings;
    private final Clock clock;
    private final StixExporter stix;

    public RingAlertingService(RingAlertRules rules, AlertClaims claims, AlertPublisher publisher, RingReader rings,
                               Clock clock) {
        this(rules, claims, publisher, rings, clock, StixExporter.defaults());
    }

    /** @param stix the TLP marking of the rings collection's objects (as for indicators) */
    public RingAlertingService(RingAlertRules rules, AlertClaims claims, AlertPublisher publisher, RingReader rings,
                               Clock clock, StixExporter stix) {
        this.stix = stix;
        this.rules = rules;
        this.claims = claims;
        this.publisher = publisher;
        this.rings = rings;
        this.clock = clock;
    }

    /**
     * @param oldHead null for a new ring
     * @param owner   a name of the triggering change that is the same on every retry of it
     */
    public AlertingService.Outcome onHeadChanged(RingItems.Head oldHead, RingItems.Head newHead, String owner) {
        if (newHead.merging()) {
            // marked for a merge in steps: counts frozen, members half moved; the finished head decides
            return new AlertingService.Outcome(List.of(), List.of(), List.of());
        }
        List<Triggered> triggered = new ArrayList<>();
        // a split part's levels are no levels reached: its one alert is ring_split
        List<RingAlertRules.RingTrigger> split = rules.splits(oldHead, newHead);
        (split.isEmpty() ? rules.evaluate(oldHead, newHead) : split).forEach(t -> triggered.add(new Triggered(t, newHead)));
        if (oldHead != null && oldHead.live()) {
            // a tombstone points at its survivor's home; a rename is its own survivor
            RingItems.Head survivor = newHead.live() ? newHead
                    : rings.head(newHead.mergedInto()).filter(RingItems.Head::live).orElse(null);
            if (survivor != null) {
                rules.merges(oldHead, newHead, survivor).forEach(t -> triggered.add(new Triggered(t, survivor)));
            }
        }
        List<String> published = new ArrayList<>();
        List<String> alreadySent = new ArrayList<>();
        List<String> heldElsewhere = new ArrayList<>();
        for (Triggered t : triggered) {
            Instant now = clock.instant();
            String alertId = RingAlertMessage.alertId(t.ring().ringId(), t.trigger());
            Supplier<RingAlertMessage> candidate = () -> RingAlertMessage.create(t.trigger(), t.ring(),
                    rings.members(t.ring().home()), now);
            String merged = t.trigger().mergedRingId();
            if (merged != null && !merged.equals(t.ring().ringId())) {
                // the absorbed (or renamed) ring's campaign gets its final, revoked version first; once
                // revoked this does nothing, so a retried record revokes nothing twice
                claims.revokeRingStix(merged, state -> {
                    List<Map<String, Object>> objects = new ArrayList<>(stix.referencedObjects(List.of()));
                    objects.add(stix.mergedCampaign(state, merged, t.ring().ringId()));
                    return objects;
                }, now);
            }
            switch (claims.claimRing(alertId, candidate,
                    (state, message, indicatorIds) -> RingStix.objects(stix, state, message, indicatorIds.values(), now),
                    owner + "|" + t.trigger().rule(), now)) {
                case AlertClaims.RingResult.Claimed claimed -> {
                    String messageId = publisher.publishRing(claimed.message());
                    claims.markSent(alertId, messageId, clock.instant());
                    published.add(alertId);
                }
                case AlertClaims.RingResult.AlreadySent sent -> alreadySent.add(alertId);
                case AlertClaims.RingResult.HeldElsewhere held -> heldElsewhere.add(alertId);
            }
        }
        return new AlertingService.Outcome(published, alreadySent, heldElsewhere);
    }

    private record Triggered(RingAlertRules.RingTrigger trigger, RingItems.Head ring) {
    }
}
