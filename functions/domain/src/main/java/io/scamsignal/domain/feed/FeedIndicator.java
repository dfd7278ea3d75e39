package io.scamsignal.domain.feed;

import io.scamsignal.domain.stix.ExpiryRules;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One alerted indicator as the MISP and number feeds see it: aggregate figures, the alert state and
 * its times; nothing about any reporter. {@code type} is an
 * {@link io.scamsignal.domain.indicator.IndicatorType}'s wire name.
 *
 * @param stixId     the indicator's stable STIX id (the aggregate's {@code stixId}); feeds derive their ids from it
 * @param alertedAt  when it first alerted (the aggregate's {@code stixCreated}); its MISP event is that day's
 * @param changedAt  its latest alert-state change (the aggregate's {@code stixModified})
 * @param revoked    withdrawn as a false positive
 * @param sources    the channels whose reports counted, as of its latest alert: partner organisations'
 *                   names and {@code public} (the public API); empty for alerts before sources were kept
 * @param benign     a number on a benign list (a brand's, a curated one, an operator's entry) that enough
 *                   reporters on enough networks named to alert were it not benign: shown, never alerted
 */
public record FeedIndicator(String stixId, String type, String value, SortedSet<String> brands, List<String> rules,
                            int confidence, Instant firstSeen, Instant lastSeen, long distinctReporters,
                            Instant alertedAt, Instant changedAt, boolean revoked, SortedSet<String> sources,
                            boolean benign) {

    /** Not benign. */
    public FeedIndicator(String stixId, String type, String value, SortedSet<String> brands, List<String> rules,
                         int confidence, Instant firstSeen, Instant lastSeen, long distinctReporters,
                         Instant alertedAt, Instant changedAt, boolean revoked, SortedSet<String> sources) {
        this(stixId, type, value, brands, rules, confidence, firstSeen, lastSeen, distinctReporters, alertedAt,
                changedAt, revoked, sources, false);
    }

    /** Without sources (alerted before they were kept). */
    public FeedIndicator(String stixId, String type, String value, SortedSet<String> brands, List<String> rules,
                         int confidence, Instant firstSeen, Instant lastSeen, long distinctReporters,
                         Instant alertedAt, Instant changedAt, boolean revoked) {
        this(stixId, type, value, brands, rules, confidence, firstSeen, lastSeen, distinctReporters, alertedAt,
                changedAt, revoked, null);
    }

    public enum Status {
        ACTIVE, EXPIRED, REVOKED, BENIGN;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FeedIndicator {
        Objects.requireNonNull(stixId, "stixId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        brands = Collections.unmodifiableSortedSet(new TreeSet<>(brands));
        rules = List.copyOf(rules);
        sources = Collections.unmodifiableSortedSet(sources == null ? new TreeSet<>() : new TreeSet<>(sources));
        if (confidence < 0 || confidence > 100) {
            throw new IllegalArgumentException("confidence must be 0..100");
        }
        if (changedAt.isBefore(alertedAt)) {
            throw new IllegalArgumentException("changedAt before alertedAt");
        }
    }

    public Instant validUntil(ExpiryRules expiry) {
        return expiry.validUntil(type, lastSeen);
    }

    /** Benign while on a benign list; revoked for ever once withdrawn; otherwise active until valid-until, then expired. */
    public Status status(Instant now, ExpiryRules expiry) {
        if (benign) {
            return Status.BENIGN;
        }
        if (revoked) {
            return Status.REVOKED;
        }
        return now.isBefore(validUntil(expiry)) ? Status.ACTIVE : Status.EXPIRED;
    }

    /**
     * When the indicator last changed as a feed shows it: a state change, a later report, or, once
     * passed, its expiry, which happens without any write but changes its status all the same.
     */
    public Instant updated(Instant now, ExpiryRules expiry) {
        Instant t = changedAt.isAfter(lastSeen) ? changedAt : lastSeen;
        Instant until = validUntil(expiry);
        return !revoked && !benign && !until.isAfter(now) && until.isAfter(t) ? until : t;
    }
}
