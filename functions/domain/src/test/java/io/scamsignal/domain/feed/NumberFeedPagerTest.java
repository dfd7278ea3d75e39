package io.scamsignal.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scamsignal.domain.stix.ExpiryRules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NumberFeedPagerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private final NextTokens tokens = new NextTokens(KEY);
    private final NumberFeed feed = new NumberFeed(ExpiryRules.DEFAULTS);
    // every test's numbers are phones: the live index's bound is a phone's validity

    /** The two indexes as alerting keeps them: the live numbers by latest write, every number settled. */
    private static List<NumberFeedPager.Candidate> byWrite(List<FeedIndicator> all) {
        return all.stream().filter(NumberFeedPagerTest::live).map(i -> candidate(i, false))
                .sorted(Comparator.comparing(NumberFeedPager.Candidate::key)).toList();
    }

    /** The live index as the function reads it: from the query's live start key on. */
    private static java.util.Iterator<NumberFeedPager.Candidate> live(List<FeedIndicator> all, NumberFeedPager.Query q,
                                                                      Instant now) {
        String start = q.liveStartKey(now, ExpiryRules.DEFAULTS.of("phone"));
        return byWrite(all).stream().filter(c -> c.key().compareTo(start) > 0).iterator();
    }

    private static List<NumberFeedPager.Candidate> byExpiry(List<FeedIndicator> all) {
        return all.stream().map(i -> candidate(i, true)).sorted(Comparator.comparing(NumberFeedPager.Candidate::key)).toList();
    }

    private static Instant written(FeedIndicator i) {
        return i.changedAt().isAfter(i.lastSeen()) ? i.changedAt() : i.lastSeen();
    }

    private static boolean live(FeedIndicator i) {
        return !i.revoked() && !i.benign() && i.validUntil(ExpiryRules.DEFAULTS).isAfter(written(i));
    }

    private static NumberFeedPager.Candidate candidate(FeedIndicator i, boolean expiry) {
        String writeKey = NumberFeedPager.key(written(i), i.value());
        String expiryKey = live(i) ? NumberFeedPager.key(i.validUntil(ExpiryRules.DEFAULTS), i.value()) : writeKey;
        return new NumberFeedPager.Candidate(expiry ? expiryKey : writeKey, writeKey, expiryKey, i);
    }

    /** At most as many reads a page as one page's rows and one more of each index: any skip would show. */
    private java.util.function.IntUnaryOperator scanned = max -> 5 * max;

    private List<NumberFeed.Row> walk(List<FeedIndicator> all, Map<String, String> first, int maxLimit, Instant now,
                                      List<Integer> pageSizes) {
        List<NumberFeed.Row> rows = new ArrayList<>();
        Map<String, String> params = new HashMap<>(first);
        for (int pages = 0; pages < 10_000; pages++) {
            NumberFeedPager.Query q = NumberFeedPager.Query.fromParameters(params, maxLimit, tokens);
            NumberFeedPager.Page page = NumberFeedPager.page(q, live(all, q, now), byExpiry(all).iterator(), feed,
                    now, tokens, scanned.applyAsInt(maxLimit));
            rows.addAll(page.rows());
            pageSizes.add(page.rows().size());
            if (!page.more()) {
                return rows;
            }
            params = Map.of("next", page.next());
        }
        throw new AssertionError("the walk did not end");
    }

    private static List<FeedIndicator> randomNumbers(Random random, int n) {
        List<FeedIndicator> out = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int k = 0; k < n; k++) {
            Instant alerted = base.minus(Duration.ofDays(300)).plus(Duration.ofMinutes(random.nextInt(600 * 24 * 60)));
            Instant changed = random.nextBoolean() ? alerted : alerted.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            Instant lastSeen = alerted.minus(Duration.ofMinutes(random.nextInt(600)));
            out.add(new FeedIndicator("indicator--" + new java.util.UUID(0, k), "phone", "+1888555" + String.format("%04d", k),
                    new TreeSet<>(List.of("microsoft")), List.of("distinct_reporters"), 60, lastSeen.minusSeconds(3600),
                    lastSeen, 3, alerted, changed, random.nextInt(5) == 0, new TreeSet<>(List.of("public")),
                    random.nextInt(9) == 0));
        }
        return out;
    }

    @Test
    void aPagedWalkGivesEveryRowOnceInTheOrderOfTheWholeFeedIncludingExpiries() {
        Random random = new Random(42);
        for (int round = 0; round < 30; round++) {
            List<FeedIndicator> all = randomNumbers(random, 1 + random.nextInt(60));
            Instant now = Instant.parse("2026-11-29T12:00:00Z");
            int limit = 1 + random.nextInt(7);
            Instant since = random.nextBoolean() ? null : Instant.parse("2026-06-01T00:00:00Z");
            Map<String, String> first = new HashMap<>(Map.of("limit", Integer.toString(limit)));
            if (since != null) {
                first.put("since", since.toString());
            }
            List<Integer> sizes = new ArrayList<>();
            List<NumberFeed.Row> paged = walk(all, first, 50, now, sizes);
            List<NumberFeed.Row> whole = feed.rows(all, since, now);

            assertThat(paged).extracting(r -> r.e164() + "@" + r.updated())
                    .containsExactlyElementsOf(whole.stream().map(r -> r.e164() + "@" + r.updated()).toList());
            assertThat(paged).extracting(NumberFeed.Row::status)
                    .containsExactlyElementsOf(whole.stream().map(NumberFeed.Row::status).toList());
            assertThat(sizes).allMatch(s -> s <= limit);
            // pages are full but perhaps the last: no page of a walk is padded short without reason
            assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(s -> s == limit);
        }
    }

    @Test
    void aRowThatExpiresAfterAWalkShowsOnTheNextWalkFromItsToken() {
        FeedIndicator n = FeedSamples.indicator("phone", "+18885550142", "2026-01-10T09:00:00Z", "2026-01-10T09:00:00Z", false);
        Instant validUntil = n.validUntil(ExpiryRules.DEFAULTS);
        Instant before = validUntil.minusSeconds(60);
        NumberFeedPager.Page first = NumberFeedPager.page(new NumberFeedPager.Query(null, 1, null),
                byWrite(List.of(n)).iterator(), byExpiry(List.of(n)).iterator(), feed, before, tokens, 10);
        assertThat(first.rows()).extracting(NumberFeed.Row::status).containsExactly("active");
        // the client keeps the last updated it saw and asks again after the expiry
        Instant since = first.rows().getLast().updated();
        NumberFeedPager.Page later = NumberFeedPager.page(new NumberFeedPager.Query(since, 1, null),
                byWrite(List.of(n)).iterator(), byExpiry(List.of(n)).iterator(), feed, validUntil.plusSeconds(60), tokens, 10);
        assertThat(later.rows()).extracting(NumberFeed.Row::status).containsExactly("expired");
        assertThat(later.rows().getFirst().updated()).isEqualTo(validUntil);
        assertThat(later.more()).isFalse();
    }

    @Test
    void aLimitAboveTheMaximumIsLoweredAndABadOneIsRefused() {
        assertThat(NumberFeedPager.Query.fromParameters(Map.of("limit", "5000"), 1000, tokens).limit()).isEqualTo(1000);
        assertThat(NumberFeedPager.Query.fromParameters(Map.of(), 1000, tokens).limit()).isEqualTo(1000);
        for (String bad : List.of("0", "-3", "ten", "1.5")) {
            assertThatThrownBy(() -> NumberFeedPager.Query.fromParameters(Map.of("limit", bad), 1000, tokens))
                    .isInstanceOfSatisfying(FeedRequestException.class,
                            e -> assertThat(e.code()).isEqualTo(FeedRequestException.Code.INVALID_LIMIT));
        }
        assertThatThrownBy(() -> NumberFeedPager.Query.fromParameters(Map.of("since", "yesterday"), 1000, tokens))
                .isInstanceOfSatisfying(FeedRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(FeedRequestException.Code.INVALID_SINCE));
    }

    @Test
    void tokensAreSignedBoundToTheNumberFeedAndToTheMaximumPage() {
        List<FeedIndicator> all = randomNumbers(new Random(7), 10);
        NumberFeedPager.Page page = NumberFeedPager.page(new NumberFeedPager.Query(null, 3, null),
                byWrite(all).iterator(), byExpiry(all).iterator(), feed, Instant.parse("2026-11-29T12:00:00Z"), tokens, 50);
        String next = page.next();
        assertThat(next).isNotNull();
        assertThat(NumberFeedPager.Query.fromParameters(Map.of("next", next), 1000, tokens).limit()).isEqualTo(3);

        String tampered = next.substring(0, 5) + (next.charAt(5) == 'A' ? 'B' : 'A') + next.substring(6);
        String otherKey = new NextTokens("another key of at least 32 bytes!!".getBytes()).sign(
                new NumberFeedPager.Token(1, NumberFeedPager.FEED, null, 3, NumberFeedPager.key(Instant.EPOCH, "+1")));
        String taxii = tokens.encode(new TaxiiQuery(TaxiiResources.Collection.INDICATORS.id(), null, java.util.Set.of(),
                java.util.Set.of(), null, 3, null));
        for (String bad : List.of(tampered, otherKey, taxii, "garbage")) {
            assertThatThrownBy(() -> NumberFeedPager.Query.fromParameters(Map.of("next", bad), 1000, tokens))
                    .isInstanceOfSatisfying(FeedRequestException.class,
                            e -> assertThat(e.code()).isEqualTo(FeedRequestException.Code.INVALID_NEXT));
        }
        // a number token is no TAXII token either
        assertThatThrownBy(() -> tokens.decode(next, TaxiiResources.Collection.INDICATORS.id()))
                .isInstanceOf(FeedRequestException.class);
        // issued for pages of 3: refused once the maximum is lower
        assertThatThrownBy(() -> NumberFeedPager.Query.fromParameters(Map.of("next", next), 2, tokens))
                .isInstanceOf(FeedRequestException.class);
    }

    @Test
    void numbersThatExpiredLongAgoCostNoReadsBeyondTheirOwnRows() {
        List<FeedIndicator> all = new ArrayList<>();
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        for (int k = 0; k < 2000; k++) {
            Instant t = base.plus(Duration.ofMinutes(97L * k));
            all.add(new FeedIndicator("indicator--" + new java.util.UUID(1, k), "phone", "+1877555" + String.format("%04d", k),
                    new TreeSet<>(List.of("microsoft")), List.of("distinct_reporters"), 60, t.minusSeconds(60), t, 3, t, t,
                    false, new TreeSet<>(List.of("public"))));
        }
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        NumberFeedPager.Query q = new NumberFeedPager.Query(null, 50, null);
        // a page may examine its rows and one more: nothing else
        NumberFeedPager.Page page = NumberFeedPager.page(q, live(all, q, now), byExpiry(all).iterator(), feed, now, tokens, 51);
        assertThat(page.rows()).hasSize(50).allMatch(r -> r.status().equals("expired"));
        assertThat(page.more()).isTrue();
    }

    @Test
    void aBenignNumberShowsOnceAtItsWriteAndNeverExpires() {
        FeedIndicator benign = new FeedIndicator("indicator--" + new java.util.UUID(2, 1), "phone", "+18009359935",
                new TreeSet<>(List.of("Chase")), List.of(), 0, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), 3, Instant.parse("2026-01-02T00:00:00Z"),
                Instant.parse("2026-01-02T00:00:00Z"), false, new TreeSet<>(List.of("public")), true);
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        NumberFeedPager.Query q = new NumberFeedPager.Query(null, 10, null);
        NumberFeedPager.Page page = NumberFeedPager.page(q, live(List.of(benign), q, now), byExpiry(List.of(benign)).iterator(),
                feed, now, tokens, 50);
        assertThat(page.rows()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("benign");
            assertThat(r.confidence()).isZero();
            assertThat(r.updated()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
        });
    }
}
