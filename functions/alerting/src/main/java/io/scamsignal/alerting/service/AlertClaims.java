package io.scamsignal.alerting.service;

import io.scamsignal.domain.aggregate.IndicatorAggregate;
import io.scamsignal.domain.alert.AlertMessage;
import io.scamsignal.domain.alert.RingAlertMessage;
import io.scamsignal.domain.stix.IndicatorState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The durable record of every alert: claimed before it is published, marked sent after. A claim
 * is held by an owner (the stream record that made it) for a lease; a retry of the same record
 * takes its own claim back at once, anyone else only once the lease has run out.
 */
public interface AlertClaims {

    sealed interface Result {
        /** Publish this message: the stored one, so a re-publish after a crash is the same alert. */
        record Claimed(AlertMessage message) implements Result {
        }

        record AlreadySent() implements Result {
        }

        record HeldElsewhere() implements Result {
        }
    }

    /** The outcome of a ring alert's claim: Claimed carries the stored ring message. */
    sealed interface RingResult {
        record Claimed(RingAlertMessage message) implements RingResult {
        }

        record AlreadySent() implements RingResult {
        }

        record HeldElsewhere() implements RingResult {
        }
    }

    /**
     * A ring alert's claim, on the same items and with the same lease as {@link #claim}, without STIX
     * (see the overload with {@link RingStixObjects} for the rings collection).
     */
    default RingResult claimRing(String alertId, Supplier<RingAlertMessage> candidate, String owner, Instant now) {
        throw new UnsupportedOperationException("these claims take no ring alerts");
    }

    /**
     * The STIX objects of a ring alert for the rings collection, given its campaign's next state and
     * the STIX indicator ids (by indicator key) of the indicators the alert names that have one.
     */
    @FunctionalInterface
    interface RingStixObjects {
        List<Map<String, Object>> objects(IndicatorState campaign, RingAlertMessage message, Map<String, String> indicatorIds);
    }

    /**
     * As {@link #claimRing(String, Supplier, String, Instant)}, for a store with the partner feed: the
     * ring's campaign state ({@code stix#ring#<ringId>}) and {@code stix}'s objects go to the rings
     * collection in the same transaction as the claim, exactly once like an indicator alert's.
     */
    default RingResult claimRing(String alertId, Supplier<RingAlertMessage> candidate, RingStixObjects stix,
                                 String owner, Instant now) {
        return claimRing(alertId, candidate, owner, now);
    }

    /**
     * A ring was merged into another (or renamed): the final, revoked version of its campaign and the
     * objects {@code objects} renders for it, once; nothing if it never had a campaign or is revoked.
     */
    default void revokeRingStix(String ringId, Function<IndicatorState, List<Map<String, Object>>> objects,
                                Instant now) {
    }

    /** {@code candidate} is built only when a new claim is written, so settled alerts cost one read. */
    Result claim(String alertId, Supplier<AlertMessage> candidate, String owner, Instant now);

    /**
     * As {@link #claim(String, Supplier, String, Instant)}, for a store that keeps the indicator's
     * STIX state: {@code candidate} gets the indicator's next STIX version (its id minted on the first
     * alert, kept after), and the state and the message's STIX objects are stored in the same write
     * as the claim, so a redelivered record neither mints a second id nor appends anything twice. A
     * store without STIX state passes null (the message then derives the id from the key).
     */
    default Result claim(String alertId, String indicatorKey, Function<IndicatorState, AlertMessage> candidate,
                         String owner, Instant now) {
        return claim(alertId, () -> candidate.apply(null), owner, now);
    }

    /**
     * The indicator was withdrawn as a false positive: store its final, revoked STIX version and
     * append the objects {@code objects} renders for it, once; nothing if it never alerted or is
     * already revoked.
     */
    default void revokeStix(String indicatorKey, Function<IndicatorState, List<Map<String, Object>>> objects,
                            Instant now) {
    }

    /**
     * A number on a benign list that passed the reporter thresholds: shown in the number feed as
     * {@code benign} with its figures (no STIX, no alert; a number that alerted before keeps its MISP
     * attribute, which shows the change, and its event's timestamp moves with it). Idempotent: a
     * replay writes the same figures again.
     */
    default void showBenign(IndicatorAggregate aggregate, Instant now) {
    }

    void markSent(String alertId, String publishedMessageId, Instant now);

    /** Ids of the alerts sent about an indicator (its key, type#value). */
    default List<String> sentAlerts(String indicatorKey) {
        return List.of();
    }

    /** Claims the retraction of a sent alert, as {@link #claim} claims an alert; Claimed carries the alert. */
    default Result claimRetraction(String alertId, String owner, Instant now) {
        return new Result.AlreadySent();
    }

    default void markRetracted(String alertId, Instant now) {
    }
}
