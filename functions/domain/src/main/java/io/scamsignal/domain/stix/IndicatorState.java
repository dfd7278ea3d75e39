package io.scamsignal.domain.stix;

import java.time.Instant;
import java.util.Objects;

/**
 * What the aggregate keeps so that one ScamSignal indicator stays one STIX indicator across its
 * alerts: the id ({@code stixId}), the first version's time ({@code stixCreated}), the current
 * version's time ({@code stixModified}) and whether it was revoked ({@code stixRevoked}). STIX
 * identifies a version by (id, modified), so every change of the indicator's alert state (a new
 * alert, an escalation, a withdrawal) must advance {@code modified}, strictly and at millisecond
 * precision, or a consumer keeps the old version.
 *
 * <p>A ring's {@code campaign} (rings collection) keeps the same kind of state, under
 * {@code stix#ring#<ringId>}.
 *
 * <p>A revoked object stays revoked for ever (STIX 2.1 section 3.6): if a withdrawn indicator is
 * reported again and alerts anew, it gets a new id ({@link #reopened}).
 */
public record IndicatorState(String stixId, Instant created, Instant modified, boolean revoked) {

    public IndicatorState {
        Objects.requireNonNull(stixId, "stixId");
        // a ring's campaign in the rings collection is versioned the same way (StixCampaign)
        if (!stixId.startsWith("indicator--") && !stixId.startsWith("campaign--")) {
            throw new IllegalArgumentException("not an indicator or campaign id: " + stixId);
        }
        created = StixTime.millis(created);
        modified = StixTime.millis(modified);
        if (modified.isBefore(created)) {
            throw new IllegalArgumentException("modified before created");
        }
    }

    /** The first version, when the indicator first alerts; {@code stixId} from {@link StixIds#newIndicatorId()}. */
    public static IndicatorState first(String stixId, Instant now) {
        return new IndicatorState(stixId, now, now, false);
    }

    /** The next version after an alert-state change at {@code now}. */
    public IndicatorState changed(Instant now) {
        if (revoked) {
            throw new IllegalStateException("a revoked indicator has no further versions; reopen it with a new id");
        }
        return new IndicatorState(stixId, created, after(now), false);
    }

    /** The final version: withdrawn as a false positive. Revoking twice changes nothing. */
    public IndicatorState revoke(Instant now) {
        return revoked ? this : new IndicatorState(stixId, created, after(now), true);
    }

    /** A new indicator for a value whose earlier indicator was revoked. */
    public IndicatorState reopened(String newStixId, Instant now) {
        if (newStixId.equals(stixId)) {
            throw new IllegalArgumentException("a reopened indicator needs a new id");
        }
        return first(newStixId, now);
    }

    /** {@code now} at millisecond precision, but at least one millisecond after the current version. */
    private Instant after(Instant now) {
        Instant t = StixTime.millis(now);
        return t.isAfter(modified) ? t : modified.plusMillis(1);
    }
}
