package io.scamsignal.domain.feed;

import io.scamsignal.domain.feed.FeedEntry.FeedPosition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts a collection's entries into TAXII pages. The store hands over the entries after
 * {@link TaxiiQuery#exclusiveStartKey()} in sort-key order, lazily; the pager filters them, stops
 * at the page size, and sets {@code more}/{@code next}. The position in the token is the last
 * entry examined, not the last returned: entries are append-only and in key order, so continuing
 * after that key neither repeats nor skips one, also while new ones are appended (they get later
 * keys) - provided an entry becomes visible no later than every entry with a later key, which the
 * feed table's append guarantees by writing counter and entry in one transaction.
 *
 * <p>{@code maxScanned} bounds the reads of one request when filters reject most entries: the page
 * then ends early, with {@code more} and a token to go on.
 */
public final class TaxiiPager {

    private TaxiiPager() {
    }

    public static TaxiiPage page(TaxiiQuery query, Iterator<FeedEntry> candidates, VersionIndex versions,
                                 NextTokens tokens, int maxScanned) {
        List<FeedEntry> page = new ArrayList<>();
        FeedPosition lastExamined = query.after();
        int scanned = 0;
        while (candidates.hasNext()) {
            if (scanned >= maxScanned) {
                return new TaxiiPage(page, true, tokens.encode(query.continuedAfter(lastExamined)));
            }
            FeedEntry e = candidates.next();
            if (!query.inRange(e)) {
                // the store should not hand these over; skipping keeps a sloppy range query correct
                continue;
            }
            scanned++;
            if (!wanted(query, e, versions)) {
                lastExamined = e.position();
                continue;
            }
            if (page.size() == query.limit()) {
                // a further match exists: the page is full and there is more, from right after the
                // last entry examined (this one is not)
                return new TaxiiPage(page, true, tokens.encode(query.continuedAfter(lastExamined)));
            }
            page.add(e);
            lastExamined = e.position();
        }
        return new TaxiiPage(page, false, null);
    }

    private static boolean wanted(TaxiiQuery query, FeedEntry e, VersionIndex versions) {
        if (!query.matchesIdAndType(e)) {
            return false;
        }
        VersionIndex.Span span = versions.span(e.objectId()).orElse(new VersionIndex.Span(e.version(), e.version()));
        for (VersionMatch m : query.versions()) {
            if (m.matches(e.version(), span.first(), span.last())) {
                return true;
            }
        }
        return false;
    }
}
