package io.scamsignal.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.ExpiryRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NumberFeedTest {

    private final NumberFeed feed = new NumberFeed(ExpiryRules.DEFAULTS);

    @Test
    void rowsCarryE164CountryTypeStatusAndValidUntil() {
        Map<String, NumberFeed.Row> rows = feed.rows(FeedSamples.all(), null, FeedSamples.NOW).stream()
                .collect(Collectors.toMap(NumberFeed.Row::e164, r -> r));

        assertThat(rows).containsOnlyKeys("+18885550142", "+447400123456", "+4930123456", "+18005550100");
        assertThat(rows.get("+18885550142")).satisfies(r -> {
            assertThat(r.country()).isEqualTo("US");
            assertThat(r.numberType()).isEqualTo("toll-free");
            assertThat(r.status()).isEqualTo("active");
            assertThat(r.distinctReporters()).isEqualTo(4);
            assertThat(r.confidence()).isEqualTo(72);
            assertThat(r.validUntil()).isEqualTo(Instant.parse("2027-05-27T10:00:00Z")); // last report + 180 days
        });
        assertThat(rows.get("+447400123456").country()).isEqualTo("GB");
        assertThat(rows.get("+447400123456").numberType()).isEqualTo("mobile");
        assertThat(rows.get("+4930123456").country()).isEqualTo("DE");
        assertThat(rows.get("+4930123456").numberType()).isEqualTo("fixed-line");
        assertThat(rows.get("+4930123456").status()).isEqualTo("revoked");
        assertThat(rows.get("+18005550100").status()).isEqualTo("expired");
        // Ofcom's drama range is in no range libphonenumber knows: country by country code, type unknown
        NumberFeed.Row drama = feed.row(FeedSamples.indicator("phone", "+447700900123", "2026-11-27T11:00:00Z",
                "2026-11-27T11:00:00Z", false), FeedSamples.NOW);
        assertThat(drama.country()).isEqualTo("GB");
        assertThat(drama.numberType()).isEqualTo("unknown");
        // it expired without any write: the expiry is its last change
        assertThat(rows.get("+18005550100").updated()).isEqualTo(Instant.parse("2026-08-28T08:00:00Z"));
    }

    @Test
    void sinceGivesTheRowsChangedAfterItIncludingExpiriesOldestFirst() {
        List<NumberFeed.Row> all = feed.rows(FeedSamples.all(), null, FeedSamples.NOW);
        List<NumberFeed.Row> recent = feed.rows(FeedSamples.all(), Instant.parse("2026-11-28T00:00:00Z"), FeedSamples.NOW);
        List<NumberFeed.Row> expiredSince = feed.rows(FeedSamples.all(), Instant.parse("2026-08-01T00:00:00Z"),
                Instant.parse("2026-09-01T00:00:00Z"));

        assertThat(all).extracting(NumberFeed.Row::updated).isSorted();
        assertThat(recent).extracting(NumberFeed.Row::e164).containsExactly("+18885550142", "+4930123456");
        assertThat(expiredSince).extracting(NumberFeed.Row::e164).containsExactly("+18005550100");
        // what a client that always passes the latest updated it saw gets in total: every row, once
        Instant since = null;
        List<String> seen = new ArrayList<>();
        for (Instant now : List.of(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-11-27T12:00:00Z"),
                FeedSamples.NOW)) {
            List<FeedIndicator> known = FeedSamples.all().stream().filter(i -> !i.changedAt().isAfter(now)).toList();
            List<NumberFeed.Row> page = feed.rows(known, since, now);
            page.forEach(r -> seen.add(r.e164() + "/" + r.status()));
            since = page.isEmpty() ? since : page.getLast().updated();
        }
        assertThat(seen).contains("+18005550100/active", "+18005550100/expired", "+4930123456/revoked");
        assertThatThrownBy(() -> NumberFeed.parseSince("last week")).isInstanceOf(FeedRequestException.class);
        assertThat(NumberFeed.parseSince(" ")).isNull();
    }

    @Test
    void csvFollowsRfc4180WithTheDocumentedHeader() {
        NumberFeed.Row odd = new NumberFeed.Row("+18885550142", "US", "toll,free \"x\"", Instant.EPOCH, Instant.EPOCH,
                1, 50, "active", Instant.EPOCH, Instant.EPOCH, List.of("Contoso, Ltd", "public"));
        String csv = NumberFeed.csv(List.of(odd));

        assertThat(csv).startsWith("e164,country,number_type,first_reported,last_reported,distinct_reporters,"
                + "confidence,status,valid_until,updated,sources\r\n");
        assertThat(csv).endsWith("\r\n").contains(",\"toll,free \"\"x\"\"\",");
        List<List<String>> parsed = parseCsv(NumberFeed.csv(feed.rows(FeedSamples.all(), null, FeedSamples.NOW)));
        assertThat(parsed.getFirst()).isEqualTo(NumberFeed.COLUMNS);
        assertThat(parsed).hasSize(5).allSatisfy(r -> assertThat(r).hasSize(NumberFeed.COLUMNS.size()));
        assertThat(parseCsv(csv).get(1).get(2)).isEqualTo("toll,free \"x\"");
        assertThat(parseCsv(csv).get(1).get(10)).isEqualTo("Contoso, Ltd;public");
    }

    @Test
    void jsonLinesHaveOneObjectPerRowWithTheSameNames() throws Exception {
        String lines = NumberFeed.jsonLines(feed.rows(FeedSamples.all(), null, FeedSamples.NOW));
        List<String> split = lines.lines().toList();
        assertThat(split).hasSize(4);
        for (String line : split) {
            JsonNode n = Json.mapper().readTree(line);
            assertThat(iterable(n.fieldNames())).containsExactlyElementsOf(NumberFeed.COLUMNS);
            assertThat(n.get("sources").isArray()).isTrue();
        }
        assertThat(split).anySatisfy(l -> assertThat(Json.mapper().readTree(l).get("sources").toString())
                .isEqualTo("[\"Contoso\",\"public\"]"));
        assertThat(lines).endsWith("\n");
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** A strict RFC 4180 reader, so the test does not just mirror the writer. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '\r' || c == '"') {
                throw new IllegalArgumentException("not RFC 4180 at " + i);
            } else {
                cell.append(c);
            }
        }
        if (!row.isEmpty() || !cell.isEmpty()) {
            throw new IllegalArgumentException("last line lacks CRLF");
        }
        return rows;
    }
}
