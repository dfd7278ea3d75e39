package io.scamsignal.domain.storage;

import io.scamsignal.domain.feed.NumberFeedPager;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.stix.ExpiryRules;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The index keys of a {@code current#collection} item (FeedTableKeys), from what the item holds:
 * the one computation that alerting's writes and the operators' backfill both use.
 */
public final class CurrentItemKeys {

    private CurrentItemKeys() {
    }

    /** The day of an indicator's MISP event: the UTC day its STIX indicator was created (first alerted). */
    public static LocalDate mispDay(Instant created) {
        return LocalDate.ofInstant(created, ZoneOffset.UTC);
    }

    /**
     * A number's keys in NumbersByWrite and NumbersByExpiry: {@code writeSk} (numWriteSk), {@code expirySk}
     * (numExpirySk), and {@code live}: whether numWritePk is set (a live number) or removed (withdrawn,
     * benign, or already expired when written).
     */
    public record NumberKeys(String writeSk, String expirySk, boolean live) {
    }

    /**
     * The keys an alert's write gives a number: it is at the time of the write (its STIX version's
     * {@code modified}, or its last report when later) until its valid-until, then at its valid-until;
     * a withdrawn one, or one already expired when written, stays at its write. Empty for a type the
     * number feed does not list.
     *
     * @param lastSeen the alert's last report; null for a withdrawal, which carries no figures
     */
    public static Optional<NumberKeys> alerted(String type, String value, Instant modified, Instant lastSeen,
                                               boolean revoked, ExpiryRules expiry) {
        if (IndicatorType.fromWire(type).filter(IndicatorType::inNumberFeed).isEmpty()) {
            return Optional.empty();
        }
        Instant written = lastSeen != null && lastSeen.isAfter(modified) ? lastSeen : modified;
        String writeKey = NumberFeedPager.key(written, value);
        Instant validUntil = lastSeen == null ? null : expiry.validUntil(type, lastSeen);
        if (revoked || validUntil == null || !validUntil.isAfter(written)) {
            return Optional.of(new NumberKeys(writeKey, writeKey, false));
        }
        return Optional.of(new NumberKeys(writeKey, NumberFeedPager.key(validUntil, value), true));
    }

    /** The keys of a benign number, written at {@code written}: settled there, never live, never expiring. */
    public static NumberKeys benign(String value, Instant written) {
        String writeKey = NumberFeedPager.key(written, value);
        return new NumberKeys(writeKey, writeKey, false);
    }
}
