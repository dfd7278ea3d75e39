package io.scamsignal.domain.feed;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.ExpiryRules;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The number feed for telecom abuse desks: one row per alerted phone number, as CSV (RFC 4180,
 * header row, CRLF) or JSON lines. Columns, in this order:
 *
 * <ul>
 * <li>{@code e164}: the number, E.164 ({@code +18885550142})</li>
 * <li>{@code country}: the ISO 3166-1 region libphonenumber assigns ({@code US}), {@code 001} for
 * non-geographic numbers, empty if unknown</li>
 * <li>{@code number_type}: libphonenumber's type: toll-free, mobile, fixed-line, fixed-line-or-mobile,
 * premium-rate, shared-cost, voip, personal-number, pager, uan, voicemail, unknown</li>
 * <li>{@code first_reported}, {@code last_reported}: the first and latest report, UTC, ISO 8601</li>
 * <li>{@code distinct_reporters}: how many different people reported it</li>
 * <li>{@code confidence}: 0–100, the alert's confidence score</li>
 * <li>{@code status}: active, expired (past valid_until), revoked (withdrawn as a false positive) or
 * benign (a legitimate number on a benign list, e.g. a bank's or a brand's own, that as many reporters
 * on as many networks named as an alert needs: a real line being spoofed; never alerted, never to
 * block; its confidence is 0)</li>
 * <li>{@code valid_until}: until when blocking it is advised</li>
 * <li>{@code updated}: when the row last changed (a report, a state change, or its expiry)</li>
 * <li>{@code sources}: the channels whose reports counted, as of its latest alert: partner
 * organisations' names and {@code public} (the public API), sorted, separated by {@code ;} in the
 * CSV, an array in JSON lines; last, so that readers of the earlier columns by position keep working</li>
 * </ul>
 *
 * <p>{@code since}: a request with {@code since=T} gets the rows whose {@code updated} lies after T,
 * up to now, oldest first; a client that passes the latest {@code updated} it has seen misses no
 * change, including expiries, which happen without a write.
 */
public record NumberFeed(ExpiryRules expiry) {

    public static final List<String> COLUMNS = List.of("e164", "country", "number_type", "first_reported",
            "last_reported", "distinct_reporters", "confidence", "status", "valid_until", "updated", "sources");

    public record Row(String e164, String country, String numberType, Instant firstReported, Instant lastReported,
                      long distinctReporters, int confidence, String status, Instant validUntil, Instant updated,
                      List<String> sources) {

        public Row {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        List<String> cells() {
            return List.of(e164, country, numberType, firstReported.toString(), lastReported.toString(),
                    Long.toString(distinctReporters), Integer.toString(confidence), status, validUntil.toString(),
                    updated.toString(), String.join(";", sources));
        }
    }

    public NumberFeed {
        Objects.requireNonNull(expiry, "expiry");
    }

    public Row row(FeedIndicator i, Instant now) {
        if (!IndicatorType.ofWire(i.type()).inNumberFeed()) {
            throw new IllegalArgumentException("not a phone number: " + i.type());
        }
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        String country = "";
        String type = "unknown";
        try {
            PhoneNumber n = util.parse(i.value(), "ZZ");
            String region = util.getRegionCodeForNumber(n);
            if (region == null) {
                // a number outside every known range still has a country code: its main country
                region = util.getRegionCodeForCountryCode(n.getCountryCode());
            }
            country = "ZZ".equals(region) ? "" : region;
            type = util.getNumberType(n).name().toLowerCase(Locale.ROOT).replace('_', '-');
        } catch (NumberParseException e) {
            // stored numbers are E.164 already; an unparseable one keeps an empty country and type unknown
        }
        return new Row(i.value(), country, type, i.firstSeen(), i.lastSeen(), i.distinctReporters(), i.confidence(),
                i.status(now, expiry).wire(), i.validUntil(expiry), i.updated(now, expiry), List.copyOf(i.sources()));
    }

    /** The rows of the phone indicators updated after {@code since} (null: all) and not after now, oldest first. */
    public List<Row> rows(List<FeedIndicator> indicators, Instant since, Instant now) {
        return indicators.stream().filter(i -> IndicatorType.fromWire(i.type()).filter(IndicatorType::inNumberFeed).isPresent()).map(i -> row(i, now))
                .filter(r -> (since == null || r.updated().isAfter(since)) && !r.updated().isAfter(now))
                .sorted(Comparator.comparing(Row::updated).thenComparing(Row::e164)).toList();
    }

    /** A request's {@code since}: empty or absent for the whole feed, else an ISO-8601 instant. */
    public static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw new FeedRequestException(FeedRequestException.Code.INVALID_SINCE, since);
        }
    }

    /** RFC 4180: CRLF line breaks, a header row, fields with a comma, quote or line break quoted. */
    public static String csv(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS);
        for (Row r : rows) {
            line(out, r.cells());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            String v = cells.get(c);
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
                out.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                out.append(v);
            }
        }
        out.append("\r\n");
    }

    /** JSON lines: one object per row with the CSV's column names, each line ending in LF. */
    public static String jsonLines(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("e164", r.e164());
            m.put("country", r.country());
            m.put("number_type", r.numberType());
            m.put("first_reported", r.firstReported().toString());
            m.put("last_reported", r.lastReported().toString());
            m.put("distinct_reporters", r.distinctReporters());
            m.put("confidence", r.confidence());
            m.put("status", r.status());
            m.put("valid_until", r.validUntil().toString());
            m.put("updated", r.updated().toString());
            m.put("sources", r.sources());
            out.append(Json.write(m)).append('\n');
        }
        return out.toString();
    }
}
