package io.scamsignal.domain.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pages of the number feed, in the order of the rows' {@code updated} (then the number), read from
 * two sorted indexes of the alerted phone numbers instead of all of them:
 *
 * <ul>
 * <li>live: the numbers neither withdrawn nor benign, keyed {@link #key(Instant, String)} by the time
 * of their latest write (an alert) and the number;</li>
 * <li>settled: the live numbers keyed by their valid-until, the withdrawn and benign ones by their
 * latest write (they never expire).</li>
 * </ul>
 *
 * A row's {@code updated} is its write time, or its valid-until once that has passed and is later
 * (an expiry changes the row without a write). The pager merges the two in key order and takes a
 * number from the index whose key is its {@code updated} now, so each number shows once, at its
 * place. A live number written more than a phone's validity ago has expired, so the live index is
 * read only from then on ({@link Query#liveStartKey}): what the live index hands over is nearly
 * always taken, and a page reads about its rows and one more of each index, however many numbers
 * expired long ago. The token's position is the last key examined, so a walk neither repeats nor
 * skips a row while numbers keep changing; {@code maxScanned} bounds a page's reads all the same.
 */
public final class NumberFeedPager {

    /** Fixed width, so that the keys sort as the instants do. */
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Sorts after every number ({@code +} and digits): the key just after every key of an instant. */
    private static final String AFTER_ALL_NUMBERS = "~";
    /** The token's feed name: a TAXII token (a collection id) is refused here, and a number token there. */
    static final String FEED = "numbers";
    private static final int VERSION = 1;

    private NumberFeedPager() {
    }

    /** An index key: the instant at fixed width, {@code #}, the E.164 number. */
    public static String key(Instant at, String e164) {
        return KEY_TIME.format(at) + "#" + e164;
    }

    /** The instant of an index key. */
    public static Instant keyTime(String key) {
        return Instant.from(KEY_TIME.parse(key.substring(0, key.indexOf('#'))));
    }

    /**
     * A number feed request: rows updated after {@code since} (null: from the start), at most
     * {@code limit}, continuing after {@code after} (an index key; null on the first page).
     */
    public record Query(Instant since, int limit, String after) {
        public Query {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }

        /** The exclusive lower bound of the keys to read: after since's instant, after the position. */
        public String exclusiveStartKey() {
            String fromSince = since == null ? null : KEY_TIME.format(since) + "#" + AFTER_ALL_NUMBERS;
            if (fromSince == null) {
                return after;
            }
            return after == null || fromSince.compareTo(after) > 0 ? fromSince : after;
        }

        /**
         * The exclusive lower bound of the live index's keys: also after {@code now - validity}, since
         * a live number written before then has expired and belongs at its expiry in the settled index.
         */
        public String liveStartKey(Instant now, java.time.Duration validity) {
            String fromValidity = KEY_TIME.format(now.minus(validity));
            String start = exclusiveStartKey();
            return start == null || fromValidity.compareTo(start) > 0 ? fromValidity : start;
        }

        /** The inclusive upper bound: nothing updated after now. */
        public static String endKey(Instant now) {
            return KEY_TIME.format(now) + "#" + AFTER_ALL_NUMBERS;
        }

        /**
         * The query of a request's {@code since}, {@code limit} and {@code next}: a limit above
         * {@code maxLimit} is lowered to it, none means {@code maxLimit}; with {@code next} the token's
         * query is used and the others are ignored.
         */
        public static Query fromParameters(Map<String, String> params, int maxLimit, NextTokens tokens) {
            String next = params.get("next");
            if (next != null && !next.isEmpty()) {
                Token t = tokens.verify(next, Token.class);
                if (t.v() != VERSION || !FEED.equals(t.c()) || t.l() < 1 || t.l() > maxLimit || t.at() == null
                        || t.at().indexOf('#') < 0) {
                    throw NextTokens.invalid(next);
                }
                try {
                    keyTime(t.at());
                    return new Query(t.s() == null ? null : Instant.parse(t.s()), t.l(), t.at());
                } catch (DateTimeParseException e) {
                    throw NextTokens.invalid(next);
                }
            }
            Instant since = NumberFeed.parseSince(params.get("since"));
            int limit = maxLimit;
            String l = params.get("limit");
            if (l != null && !l.isEmpty()) {
                try {
                    limit = Math.min(Integer.parseInt(l.trim()), maxLimit);
                } catch (NumberFormatException e) {
                    throw new FeedRequestException(FeedRequestException.Code.INVALID_LIMIT, l);
                }
                if (limit < 1) {
                    throw new FeedRequestException(FeedRequestException.Code.INVALID_LIMIT, l);
                }
            }
            return new Query(since, limit, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Token(int v, String c, String s, int l, String at) {
    }

    /**
     * A number as an index hands it over: the index's key, the number's write key and expiry key
     * (null once withdrawn) as stored, and what the feed shows of it.
     */
    public record Candidate(String key, String writeKey, String expiryKey, FeedIndicator indicator) {
        public Candidate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(writeKey, "writeKey");
            Objects.requireNonNull(indicator, "indicator");
        }

        /** The key at which the row belongs now: its expiry once passed and later than its write, else its write. */
        String placeNow(Instant now) {
            if (expiryKey != null && !indicator.revoked() && !indicator.benign() && !keyTime(expiryKey).isAfter(now)
                    && expiryKey.compareTo(writeKey) > 0) {
                return expiryKey;
            }
            return writeKey;
        }
    }

    /** A page: its rows and, when there may be more, the token that continues it. */
    public record Page(List<NumberFeed.Row> rows, String next) {
        public Page {
            rows = List.copyOf(rows);
        }

        public boolean more() {
            return next != null;
        }
    }

    /**
     * One page from the two indexes' candidates after the query's start key and not after now, each
     * in key order.
     */
    public static Page page(Query query, Iterator<Candidate> byWrite, Iterator<Candidate> byExpiry, NumberFeed feed,
                            Instant now, NextTokens tokens, int maxScanned) {
        List<NumberFeed.Row> rows = new ArrayList<>();
        String start = query.exclusiveStartKey();
        String end = Query.endKey(now);
        String lastExamined = query.after();
        Candidate a = advance(byWrite, start, end);
        Candidate b = advance(byExpiry, start, end);
        int scanned = 0;
        while (a != null || b != null) {
            boolean takeA = b == null || (a != null && a.key().compareTo(b.key()) <= 0);
            Candidate c = takeA ? a : b;
            if (scanned >= maxScanned || (rows.size() == query.limit() && c.key().equals(c.placeNow(now)))) {
                // a further row exists (or the reads are spent): more, from the last key examined
                return new Page(rows, tokens.sign(new Token(VERSION, FEED,
                        query.since() == null ? null : query.since().toString(), query.limit(),
                        lastExamined == null ? start : lastExamined)));
            }
            scanned++;
            if (c.key().equals(c.placeNow(now))) {
                NumberFeed.Row row = feed.row(c.indicator(), now);
                rows.add(new NumberFeed.Row(row.e164(), row.country(), row.numberType(), row.firstReported(),
                        row.lastReported(), row.distinctReporters(), row.confidence(), row.status(), row.validUntil(),
                        keyTime(c.key()), row.sources()));
            }
            lastExamined = c.key();
            if (takeA) {
                a = advance(byWrite, start, end);
            } else {
                b = advance(byExpiry, start, end);
            }
        }
        return new Page(rows, null);
    }

    private static Candidate advance(Iterator<Candidate> it, String start, String end) {
        while (it.hasNext()) {
            Candidate c = it.next();
            // the store should not hand these over; skipping keeps a sloppy range query correct
            if ((start == null || c.key().compareTo(start) > 0) && c.key().compareTo(end) <= 0) {
                return c;
            }
        }
        return null;
    }
}
