package io.scamsignal.domain.feed;

import io.scamsignal.domain.feed.FeedEntry.FeedPosition;
import io.scamsignal.domain.stix.StixTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A TAXII 2.1 objects (or manifest) request on one collection: the filters, the page size and,
 * when it continues an earlier page, the position after which to go on. A {@code next} token
 * carries all of it (OpenCTI's connector sends {@code next} without {@code added_after}), so a
 * follow-up request is answered from the token alone.
 *
 * @param addedAfter only entries added strictly after this, or null
 * @param ids        {@code match[id]}, empty for any
 * @param types      {@code match[type]}, empty for any
 * @param after      the last position the previous page examined, or null on the first page
 */
public record TaxiiQuery(String collection, Instant addedAfter, Set<String> ids, Set<String> types,
                         List<VersionMatch> versions, int limit, FeedPosition after) {

    private static final Pattern STIX_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,248}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern STIX_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,249}");

    public TaxiiQuery {
        Objects.requireNonNull(collection, "collection");
        ids = Set.copyOf(new TreeSet<>(ids));
        types = Set.copyOf(new TreeSet<>(types));
        versions = versions == null || versions.isEmpty() ? VersionMatch.DEFAULT : List.copyOf(versions);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /**
     * The query of a request's parameters ({@code added_after}, {@code limit}, {@code match[id]},
     * {@code match[type]}, {@code match[version]}, {@code next}); a limit above {@code maxLimit} is
     * lowered to it, no limit means {@code maxLimit}. With {@code next} the token's query is used
     * and the other parameters are ignored; a token whose limit exceeds {@code maxLimit} is
     * {@code invalid_next}.
     */
    public static TaxiiQuery fromParameters(String collection, Map<String, String> params, int maxLimit,
                                            NextTokens tokens) {
        String next = params.get("next");
        if (next != null && !next.isEmpty()) {
            TaxiiQuery fromToken = tokens.decode(next, collection);
            if (fromToken.limit() > maxLimit) {
                // never issued: a token signed with a leaked key, or from before the page size was lowered
                throw new FeedRequestException(FeedRequestException.Code.INVALID_NEXT,
                        next.length() > 40 ? next.substring(0, 40) + "…" : next);
            }
            return fromToken;
        }
        Instant addedAfter = null;
        String aa = params.get("added_after");
        if (aa != null && !aa.isEmpty()) {
            try {
                addedAfter = Instant.parse(aa);
            } catch (DateTimeParseException e) {
                throw new FeedRequestException(FeedRequestException.Code.INVALID_ADDED_AFTER, aa);
            }
        }
        int limit = maxLimit;
        String l = params.get("limit");
        if (l != null && !l.isEmpty()) {
            try {
                limit = Math.min(Integer.parseInt(l), maxLimit);
            } catch (NumberFormatException e) {
                throw new FeedRequestException(FeedRequestException.Code.INVALID_LIMIT, l);
            }
            if (limit < 1) {
                throw new FeedRequestException(FeedRequestException.Code.INVALID_LIMIT, l);
            }
        }
        Set<String> ids = list(params.get("match[id]"), STIX_ID, FeedRequestException.Code.INVALID_MATCH_ID);
        Set<String> types = list(params.get("match[type]"), STIX_TYPE, FeedRequestException.Code.INVALID_MATCH_TYPE);
        return new TaxiiQuery(collection, addedAfter, ids, types, VersionMatch.parseList(params.get("match[version]")),
                limit, null);
    }

    private static Set<String> list(String value, Pattern pattern, FeedRequestException.Code code) {
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String v : value.split(",")) {
            String t = v.trim();
            if (!pattern.matcher(t).matches()) {
                throw new FeedRequestException(code, t);
            }
            out.add(t);
        }
        return out;
    }

    /** The same query, continued after {@code position}. */
    public TaxiiQuery continuedAfter(FeedPosition position) {
        return new TaxiiQuery(collection, addedAfter, ids, types, versions, limit, position);
    }

    /**
     * The exclusive lower bound of the sort keys to read, null for the start of the collection:
     * after the previous page's position, and after every key of added_after's millisecond, since
     * date_added has millisecond precision and an entry of that millisecond was added at or before
     * added_after, not strictly after it ({@code #~} sorts after every {@code #<digits>}).
     */
    public String exclusiveStartKey() {
        String fromAddedAfter = addedAfter == null ? null
                : StixTime.format(StixTime.millis(addedAfter)) + "#~";
        String fromPosition = after == null ? null : after.sortKey();
        if (fromAddedAfter == null) {
            return fromPosition;
        }
        if (fromPosition == null) {
            return fromAddedAfter;
        }
        return fromAddedAfter.compareTo(fromPosition) > 0 ? fromAddedAfter : fromPosition;
    }

    /** Whether an entry lies in the range to read: this collection, after the start key. */
    public boolean inRange(FeedEntry e) {
        String key = exclusiveStartKey();
        return e.collection().equals(collection) && (key == null || e.sortKey().compareTo(key) > 0);
    }

    /** Whether an entry passes match[id] and match[type] (match[version] needs the object's history). */
    public boolean matchesIdAndType(FeedEntry e) {
        return (ids.isEmpty() || ids.contains(e.objectId())) && (types.isEmpty() || types.contains(e.type()));
    }

    /** For logs: the query without the token. */
    @Override
    public String toString() {
        return "TaxiiQuery[" + collection + ", added_after=" + addedAfter + ", ids=" + ids + ", types=" + types
                + ", versions=" + Arrays.toString(versions.stream().map(VersionMatch::wire).toArray()) + ", limit="
                + limit + ", after=" + (after == null ? null : after.sortKey()) + "]";
    }
}
