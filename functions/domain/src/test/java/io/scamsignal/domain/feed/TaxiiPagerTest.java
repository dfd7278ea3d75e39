package io.scamsignal.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.feed.FeedEntry.FeedPosition;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.stix.StixTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaxiiPagerTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private final NextTokens tokens = new NextTokens(KEY);

    /** The feed table as the pager sees it: append-only, read in sort-key order after a key. */
    static final class Feed {
        final List<FeedEntry> entries = new ArrayList<>();
        FeedPosition last;

        FeedEntry append(String id, String type, Instant modified, Instant now) {
            last = FeedEntry.next(last, now);
            String json = "{\"type\":\"" + type + "\",\"spec_version\":\"2.1\",\"id\":\"" + id + "\",\"created\":\""
                    + StixTime.format(T0) + "\",\"modified\":\"" + StixTime.format(modified) + "\"}";
            FeedEntry e = FeedEntry.of("indicators", last, json);
            entries.add(e);
            return e;
        }

        TaxiiPage page(TaxiiQuery q, NextTokens tokens, int maxScanned) {
            String start = q.exclusiveStartKey();
            List<FeedEntry> after = entries.stream().filter(e -> start == null || e.sortKey().compareTo(start) > 0).toList();
            return TaxiiPager.page(q, after.iterator(), VersionIndex.of(entries), tokens, maxScanned);
        }
    }

    private static String id(String type, int n) {
        return type + "--" + StixIds.v4From("test|" + n);
    }

    @Test
    void walkingByNextOrPollingByAddedAfterReturnsEachWantedEntryOnceWhileEntriesKeepArriving() {
        Random random = new Random(13);
        for (int round = 0; round < 50; round++) {
            Feed feed = new Feed();
            Map<String, Instant> versions = new HashMap<>();
            Instant clock = T0;
            List<FeedEntry> seen = new ArrayList<>();
            TaxiiQuery q = new TaxiiQuery("indicators", null, Set.of(), Set.of(), List.of(new VersionMatch.All()),
                    1 + random.nextInt(5), null);
            boolean more = true;
            int pages = 0;
            while (more || pages < 3) {
                // between two pages, some objects are added or get new versions; the clock may even step back
                for (int k = pages < 12 ? random.nextInt(4) : 0; k > 0; k--) {
                    String id = id(random.nextBoolean() ? "indicator" : "sighting", random.nextInt(8));
                    Instant version = versions.merge(id, clock, (a, b) -> a.plusMillis(1));
                    clock = clock.plusMillis(random.nextInt(3) - 1);
                    feed.append(id, id.substring(0, id.indexOf("--")), version, clock);
                }
                TaxiiPage page = feed.page(q, tokens, 1000);
                seen.addAll(page.entries());
                more = page.more();
                if (page.next() != null) {
                    q = TaxiiQuery.fromParameters("indicators", Map.of("next", page.next()), 1000, tokens);
                }
                pages++;
                if (!more && pages >= 3) {
                    break;
                }
                if (!more && round % 2 == 0) {
                    q = q.continuedAfter(seen.isEmpty() ? null : seen.getLast().position());
                } else if (!more && !seen.isEmpty()) {
                    // as a polling partner does: added_after = the date_added of the last object received
                    q = TaxiiQuery.fromParameters("indicators", Map.of("added_after",
                            StixTime.format(seen.getLast().dateAdded()), "match[version]", "all",
                            "limit", Integer.toString(q.limit())), 1000, tokens);
                }
            }
            assertThat(seen).as("round %d", round).doesNotHaveDuplicates();
            assertThat(seen).as("round %d", round).containsExactlyElementsOf(feed.entries);
        }
    }

    @Test
    void lastFirstAllAndATimestampPickVersions() {
        Feed feed = new Feed();
        String a = id("indicator", 1);
        String b = id("indicator", 2);
        feed.append(a, "indicator", T0, T0);
        feed.append(b, "indicator", T0, T0.plusSeconds(1));
        feed.append(a, "indicator", T0.plusSeconds(5), T0.plusSeconds(5));
        feed.append(a, "indicator", T0.plusSeconds(9), T0.plusSeconds(9));

        assertThat(versionsOf(feed, "last")).containsExactly(b + "@10:00:00", a + "@10:00:09");
        assertThat(versionsOf(feed, "first")).containsExactly(a + "@10:00:00", b + "@10:00:00");
        assertThat(versionsOf(feed, "all")).hasSize(4);
        assertThat(versionsOf(feed, "first,last")).hasSize(3);
        assertThat(versionsOf(feed, "2026-11-29T10:00:05.000Z")).containsExactly(a + "@10:00:05");
        assertThat(versionsOf(feed, null)).isEqualTo(versionsOf(feed, "last"));
    }

    private List<String> versionsOf(Feed feed, String match) {
        Map<String, String> params = new HashMap<>();
        if (match != null) {
            params.put("match[version]", match);
        }
        TaxiiPage page = feed.page(TaxiiQuery.fromParameters("indicators", params, 100, tokens), tokens, 1000);
        return page.entries().stream().map(e -> e.objectId() + "@" + e.version().toString().substring(11, 19)).toList();
    }

    @Test
    void addedAfterIsStrictAtMillisecondsAndMatchIdAndTypeFilter() {
        Feed feed = new Feed();
        feed.append(id("indicator", 1), "indicator", T0, T0);
        feed.append(id("sighting", 2), "sighting", T0, T0.plusMillis(1));
        feed.append(id("indicator", 3), "indicator", T0, T0.plusMillis(2));
        feed.append(id("indicator", 4), "indicator", T0, T0.plusMillis(3));

        assertThat(ids(feed, Map.of("added_after", "2026-11-29T10:00:00.002Z"))).containsExactly(id("indicator", 4));
        // finer than milliseconds: an entry of 10:00:00.002 was added after 10:00:00.001999
        assertThat(ids(feed, Map.of("added_after", "2026-11-29T10:00:00.001999Z")))
                .containsExactly(id("indicator", 3), id("indicator", 4));
        assertThat(ids(feed, Map.of("added_after", "2026-11-29T10:00:00.000Z")))
                .containsExactly(id("sighting", 2), id("indicator", 3), id("indicator", 4));
        assertThat(ids(feed, Map.of("match[type]", "sighting"))).containsExactly(id("sighting", 2));
        assertThat(ids(feed, Map.of("match[id]", id("indicator", 1) + "," + id("indicator", 4))))
                .containsExactly(id("indicator", 1), id("indicator", 4));
    }

    private List<String> ids(Feed feed, Map<String, String> params) {
        return feed.page(TaxiiQuery.fromParameters("indicators", params, 100, tokens), tokens, 1000).entries().stream()
                .map(FeedEntry::objectId).toList();
    }

    @Test
    void theTokenCarriesTheWholeQuerySoNextAloneContinuesTheFilteredWalk() {
        Feed feed = new Feed();
        for (int i = 0; i < 10; i++) {
            feed.append(id(i % 2 == 0 ? "indicator" : "sighting", i), i % 2 == 0 ? "indicator" : "sighting", T0,
                    T0.plusSeconds(i));
        }
        TaxiiQuery q = TaxiiQuery.fromParameters("indicators", Map.of("added_after", "2026-11-29T10:00:01Z",
                "match[type]", "indicator", "limit", "2"), 100, tokens);
        TaxiiPage first = feed.page(q, tokens, 1000);
        // OpenCTI follows with next alone; other parameters are ignored in favour of the token's
        TaxiiPage second = feed.page(TaxiiQuery.fromParameters("indicators",
                Map.of("next", first.next(), "match[type]", "sighting"), 100, tokens), tokens, 1000);

        assertThat(first.entries()).extracting(FeedEntry::objectId).containsExactly(id("indicator", 2), id("indicator", 4));
        assertThat(first.more()).isTrue();
        assertThat(second.entries()).extracting(FeedEntry::objectId).containsExactly(id("indicator", 6), id("indicator", 8));
        assertThat(second.more()).isFalse();
        assertThat(second.next()).isNull();
    }

    @Test
    void aScanBudgetEndsAPageEarlyWithATokenThatGoesOn() {
        Feed feed = new Feed();
        for (int i = 0; i < 10; i++) {
            feed.append(id("sighting", i), "sighting", T0, T0.plusSeconds(i));
        }
        feed.append(id("indicator", 99), "indicator", T0, T0.plusSeconds(20));
        TaxiiQuery q = TaxiiQuery.fromParameters("indicators", Map.of("match[type]", "indicator"), 100, tokens);

        TaxiiPage first = feed.page(q, tokens, 4);
        TaxiiPage rest = feed.page(tokens.decode(first.next(), "indicators"), tokens, 1000);

        assertThat(first.entries()).isEmpty();
        assertThat(first.more()).isTrue();
        assertThat(rest.entries()).extracting(FeedEntry::objectId).containsExactly(id("indicator", 99));
    }

    @Test
    void tamperedForeignOrForeignKeyTokensAreRefused() {
        TaxiiQuery q = new TaxiiQuery("indicators", T0, Set.of(), Set.of("indicator"), null, 10,
                new FeedPosition(T0, 7));
        String token = tokens.encode(q);
        assertThat(tokens.decode(token, "indicators")).isEqualTo(q);

        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"ty\":[\"indicator\"],", "").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

        for (String bad : List.of(widened, token + "x", "x" + token, token.replace('.', '!'), "", ".", "a.b.c",
                new NextTokens(otherKey).encode(q))) {
            assertThatThrownBy(() -> tokens.decode(bad, "indicators")).as(bad)
                    .isInstanceOfSatisfying(FeedRequestException.class,
                            e -> assertThat(e.code()).isEqualTo(FeedRequestException.Code.INVALID_NEXT));
        }
        assertThatThrownBy(() -> tokens.decode(token, "rings")).isInstanceOf(FeedRequestException.class);
        // after a key rotation, tokens of the previous key still continue
        assertThat(new NextTokens(otherKey, KEY).decode(token, "indicators")).isEqualTo(q);
    }

    @Test
    void aSignedTokenWithALimitAboveTheMaximumIsInvalidNext() {
        // what anyone holding the signing key could send: the limit plus one overflows in the reader
        String forged = tokens.encode(new TaxiiQuery("indicators", null, Set.of(), Set.of(), null, Integer.MAX_VALUE, null));
        assertThatThrownBy(() -> TaxiiQuery.fromParameters("indicators", Map.of("next", forged), 1000, tokens))
                .isInstanceOfSatisfying(FeedRequestException.class,
                        e -> assertThat(e.code()).isEqualTo(FeedRequestException.Code.INVALID_NEXT));
        String atMaximum = tokens.encode(new TaxiiQuery("indicators", null, Set.of(), Set.of(), null, 1000, null));
        assertThat(TaxiiQuery.fromParameters("indicators", Map.of("next", atMaximum), 1000, tokens).limit()).isEqualTo(1000);
    }

    @Test
    void badParametersGetStableCodesAndMessagesInEnglishAndGerman() {
        Map<Map<String, String>, FeedRequestException.Code> cases = Map.of(
                Map.of("limit", "0"), FeedRequestException.Code.INVALID_LIMIT,
                Map.of("limit", "ten"), FeedRequestException.Code.INVALID_LIMIT,
                Map.of("added_after", "yesterday"), FeedRequestException.Code.INVALID_ADDED_AFTER,
                Map.of("match[version]", "latest"), FeedRequestException.Code.INVALID_MATCH_VERSION,
                Map.of("match[type]", "Indicator!"), FeedRequestException.Code.INVALID_MATCH_TYPE,
                Map.of("match[id]", "indicator--nope"), FeedRequestException.Code.INVALID_MATCH_ID);
        cases.forEach((params, code) -> assertThatThrownBy(() -> TaxiiQuery.fromParameters("indicators", params, 100, tokens))
                .isInstanceOfSatisfying(FeedRequestException.class, e -> assertThat(e.code()).isEqualTo(code)));
        Set<String> texts = new HashSet<>();
        for (FeedRequestException.Code code : FeedRequestException.Code.values()) {
            FeedRequestException e = new FeedRequestException(code, "x");
            texts.add(e.message(Locale.ENGLISH));
            texts.add(e.message(Locale.GERMAN));
        }
        assertThat(texts).hasSize(2 * FeedRequestException.Code.values().length);
        assertThat(TaxiiQuery.fromParameters("indicators", Map.of("limit", "5000"), 1000, tokens).limit()).isEqualTo(1000);
    }

    @Test
    void envelopeManifestAndHeadersHaveTheTaxiiShape() throws Exception {
        Feed feed = new Feed();
        feed.append(id("indicator", 1), "indicator", T0, T0);
        feed.append(id("indicator", 2), "indicator", T0, T0.plusSeconds(1));
        TaxiiPage page = feed.page(TaxiiQuery.fromParameters("indicators", Map.of("limit", "1"), 100, tokens), tokens, 1000);

        JsonNode envelope = Json.mapper().readTree(page.envelopeJson());
        JsonNode manifest = Json.mapper().readTree(page.manifestJson());

        assertThat(envelope.get("more").asBoolean()).isTrue();
        assertThat(envelope.get("next").asText()).isEqualTo(page.next());
        assertThat(envelope.at("/objects/0/id").asText()).isEqualTo(id("indicator", 1));
        assertThat(manifest.at("/objects/0/date_added").asText()).isEqualTo("2026-11-29T10:00:00.000Z");
        assertThat(manifest.at("/objects/0/media_type").asText()).isEqualTo("application/stix+json;version=2.1");
        assertThat(page.headers()).containsEntry("X-TAXII-Date-Added-First", "2026-11-29T10:00:00.000Z")
                .containsEntry("X-TAXII-Date-Added-Last", "2026-11-29T10:00:00.000Z")
                .containsEntry("Content-Type", "application/taxii+json;version=2.1");
        assertThat(new TaxiiPage(List.of(), false, null).envelopeJson()).isEqualTo("{\"more\":false}");
    }

    @Test
    void sortKeysAndDatesAddedAreUniqueAndInAppendOrderEvenWhenTheClockStepsBack() {
        FeedPosition p = FeedEntry.next(null, T0);
        FeedPosition q = FeedEntry.next(p, T0.minusSeconds(30));
        FeedPosition r = FeedEntry.next(q, T0.plusMillis(1));
        assertThat(q.dateAdded()).isEqualTo(T0.plusMillis(1));
        assertThat(q.sortKey()).isGreaterThan(p.sortKey()).isEqualTo("2026-11-29T10:00:00.001Z#000000000002");
        assertThat(r.sortKey()).isEqualTo("2026-11-29T10:00:00.002Z#000000000003");
        assertThat(FeedEntry.next(r, T0.plusSeconds(1)).dateAdded()).isEqualTo(T0.plusSeconds(1));
        assertThat(FeedPosition.parse(q.sortKey())).isEqualTo(q);
    }

    /**
     * A partner polls with added_after = the last page's X-TAXII-Date-Added-Last. A writer that read
     * its clock before the reader's page (a slow commit, or a retry after losing the counter race)
     * commits after it: its object must come with the next poll, not sit at or behind the cursor.
     */
    @Test
    void anObjectWhoseWriterReadItsClockBeforeASlowCommitComesWithTheNextPoll() {
        Feed feed = new Feed();
        feed.append(id("indicator", 1), "indicator", T0, T0.plusMillis(5));
        TaxiiPage page = feed.page(TaxiiQuery.fromParameters("indicators", Map.of(), 100, tokens), tokens, 1000);
        String cursor = page.headers().get("X-TAXII-Date-Added-Last");
        assertThat(cursor).isEqualTo("2026-11-29T10:00:00.005Z");

        // two writers: one read 10:00:00.002 before its commit, one read the reader's very millisecond
        feed.append(id("sighting", 2), "sighting", T0, T0.plusMillis(2));
        feed.append(id("sighting", 3), "sighting", T0, T0.plusMillis(5));

        TaxiiPage poll = feed.page(TaxiiQuery.fromParameters("indicators", Map.of("added_after", cursor), 100, tokens),
                tokens, 1000);
        assertThat(poll.entries()).extracting(FeedEntry::objectId).containsExactly(id("sighting", 2), id("sighting", 3));
        assertThat(poll.headers().get("X-TAXII-Date-Added-Last")).isGreaterThan(cursor);
    }
}
