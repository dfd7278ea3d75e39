package io.scamsignal.domain.feed;

import io.scamsignal.domain.indicator.IndicatorType;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.stix.ExpiryRules;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.stix.Tlp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The MISP feed: one event per UTC day holding the indicators that first alerted that day, a
 * {@code manifest.json} of the events and a {@code hashes.csv} of the attribute values, the layout
 * MISP's "MISP feed" source type reads (as PyMISP's {@code feed_meta_generator} writes it).
 *
 * <p>An indicator stays in the event of the day it first alerted. When it changes (revoked,
 * alerted again) that event's timestamp moves, so MISP fetches it again from the manifest and
 * updates the attribute in place (same uuid) instead of adding a second one. An expiry, which
 * happens without a write, does not move it.
 */
public record MispFeed(Tlp tlp, String orgName, UUID orgUuid, ExpiryRules expiry) {

    /** MISP's sane default: 2 = medium. */
    static final String THREAT_LEVEL_MEDIUM = "2";
    /** 2 = completed: the alert rules decided. */
    static final String ANALYSIS_COMPLETED = "2";
    /** Attribute distribution 5: inherit the event's. */
    static final String INHERIT = "5";

    private static final Pattern BTC = Pattern.compile("(bc1[02-9ac-hj-np-z]{11,71}|[13][1-9A-HJ-NP-Za-km-z]{25,34})");
    private static final Pattern XMR = Pattern.compile("[48][1-9A-HJ-NP-Za-km-z]{94}([1-9A-HJ-NP-Za-km-z]{11})?");
    private static final Pattern DASH = Pattern.compile("X[1-9A-HJ-NP-Za-km-z]{33}");

    public MispFeed {
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(orgName, "orgName");
        Objects.requireNonNull(orgUuid, "orgUuid");
        Objects.requireNonNull(expiry, "expiry");
    }

    public static MispFeed defaults() {
        return new MispFeed(Tlp.GREEN, "ScamSignal", UUID.fromString("ed327f9e-ff58-44a3-9bc0-769c9ed16ea9"),
                ExpiryRules.DEFAULTS);
    }

    /** The event uuid of a day: the same every time the feed is generated. */
    public static String eventUuid(LocalDate day) {
        return StixIds.v4From("scamsignal:misp:event|" + day).toString();
    }

    /** An attribute's uuid: one per indicator, kept across regenerations. */
    public static String attributeUuid(String stixId) {
        return StixIds.v4From("scamsignal:misp:attribute|" + stixId).toString();
    }

    /** The indicators grouped into their events' days. */
    public static SortedMap<LocalDate, List<FeedIndicator>> byDay(List<FeedIndicator> indicators) {
        SortedMap<LocalDate, List<FeedIndicator>> days = new TreeMap<>();
        for (FeedIndicator i : indicators) {
            days.computeIfAbsent(LocalDate.ofInstant(i.alertedAt(), ZoneOffset.UTC), d -> new ArrayList<>()).add(i);
        }
        return days;
    }

    /** The event of one day, as {@code {"Event": {...}}}, its timestamp the latest change of its indicators. */
    public Map<String, Object> event(LocalDate day, List<FeedIndicator> indicators, Instant now) {
        long timestamp = indicators.stream().mapToLong(i -> i.changedAt().getEpochSecond()).max()
                .orElse(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        return event(day, indicators, now, new DaySummary(day, timestamp, new TreeSet<>()));
    }

    /**
     * The event of one day with the timestamp and tags its {@link DaySummary} keeps too, so that the
     * event and its manifest entry agree, as MISP expects.
     */
    public Map<String, Object> event(LocalDate day, List<FeedIndicator> indicators, Instant now, DaySummary summary) {
        long timestamp = summary.timestamp();
        List<FeedIndicator> sorted = indicators.stream().sorted(Comparator.comparing(FeedIndicator::alertedAt)
                .thenComparing(FeedIndicator::stixId)).toList();
        TreeSet<String> tags = new TreeSet<>(summary.tags());
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (FeedIndicator i : sorted) {
            attributes.add(attribute(i, now));
            i.brands().forEach(b -> tags.add(brandTag(b)));
            i.rules().forEach(r -> tags.add(ruleTag(r)));
            i.sources().forEach(src -> tags.add(sourceTag(src)));
        }
        List<Map<String, Object>> tagList = new ArrayList<>();
        tagList.add(Map.of("name", tlp.mispTag()));
        tags.forEach(t -> tagList.add(Map.of("name", t)));

        Map<String, Object> e = new LinkedHashMap<>();
        e.put("uuid", eventUuid(day));
        e.put("info", info(day));
        e.put("date", day.toString());
        e.put("threat_level_id", THREAT_LEVEL_MEDIUM);
        e.put("analysis", ANALYSIS_COMPLETED);
        e.put("distribution", tlp.mispDistribution());
        e.put("published", true);
        e.put("timestamp", Long.toString(timestamp));
        e.put("publish_timestamp", Long.toString(timestamp));
        e.put("Orgc", orgc());
        e.put("Tag", tagList);
        e.put("Attribute", attributes);
        return Map.of("Event", e);
    }

    private Map<String, Object> orgc() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", orgName);
        o.put("uuid", orgUuid.toString());
        return o;
    }

    private Map<String, Object> attribute(FeedIndicator i, Instant now) {
        String[] typeAndCategory = typeAndCategory(i.type(), i.value());
        FeedIndicator.Status status = i.status(now, expiry);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("uuid", attributeUuid(i.stixId()));
        a.put("type", typeAndCategory[0]);
        a.put("category", typeAndCategory[1]);
        // only what a consumer should still act on is flagged for detection
        a.put("to_ids", status == FeedIndicator.Status.ACTIVE);
        a.put("distribution", INHERIT);
        a.put("timestamp", Long.toString(i.changedAt().getEpochSecond()));
        a.put("value", mispValue(i.type(), i.value()));
        a.put("comment", comment(i, status));
        a.put("first_seen", i.firstSeen().toString());
        a.put("last_seen", i.lastSeen().toString());
        List<Map<String, Object>> tags = new ArrayList<>();
        i.brands().forEach(b -> tags.add(Map.of("name", brandTag(b))));
        i.rules().forEach(r -> tags.add(Map.of("name", ruleTag(r))));
        i.sources().forEach(src -> tags.add(Map.of("name", sourceTag(src))));
        if (!tags.isEmpty()) {
            a.put("Tag", tags);
        }
        return a;
    }

    private String comment(FeedIndicator i, FeedIndicator.Status status) {
        String base = "Tech-support scam " + i.type().replace('_', ' ') + "; reported by " + i.distinctReporters()
                + (i.distinctReporters() == 1 ? " person" : " people") + "; confidence " + i.confidence()
                + "; valid until " + i.validUntil(expiry) + "; STIX " + i.stixId();
        return switch (status) {
            case ACTIVE -> base;
            case EXPIRED -> "Expired. " + base;
            case REVOKED -> "Withdrawn as a false positive. " + base;
            case BENIGN -> "On a benign list: a legitimate number, not to block. " + base;
        };
    }

    /** MISP's machine tags: namespace:predicate="value". */
    static String brandTag(String brand) {
        return "scamsignal:brand=\"" + brand.replace("\"", "") + "\"";
    }

    static String ruleTag(String rule) {
        return "scamsignal:rule=\"" + rule.replace("\"", "") + "\"";
    }

    /** A channel whose reports counted: a partner organisation's name, or {@code public}. */
    static String sourceTag(String source) {
        return "scamsignal:source=\"" + source.replace("\"", "") + "\"";
    }

    /**
     * MISP's attribute type and category, as the indicator type declares them ({@link IndicatorType#misp()}):
     * a coin's own type when the address format tells it.
     */
    static String[] typeAndCategory(String indicatorType, String value) {
        IndicatorType.Misp misp = IndicatorType.ofWire(indicatorType).misp();
        return new String[] {misp.coinByAddress() ? walletType(value) : misp.type(), misp.category()};
    }

    static String walletType(String value) {
        String address = bareWallet(value);
        if (BTC.matcher(address).matches()) {
            return "btc";
        }
        if (XMR.matcher(address).matches()) {
            return "xmr";
        }
        if (DASH.matcher(address).matches()) {
            return "dash";
        }
        return "text";
    }

    /** A wallet value may carry its network as a prefix ({@code btc:bc1…}); MISP's coin types want the address. */
    private static String bareWallet(String value) {
        int colon = value.indexOf(':');
        return colon > 0 && colon < 12 ? value.substring(colon + 1) : value;
    }

    private static String mispValue(String indicatorType, String value) {
        return IndicatorType.ofWire(indicatorType).misp().coinByAddress() && !"text".equals(walletType(value))
                ? bareWallet(value) : value;
    }

    /** The manifest entry of an event, as PyMISP's {@code MISPEvent.manifest} computes it. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> manifestEntry(Map<String, Object> event) {
        Map<String, Object> e = (Map<String, Object>) event.get("Event");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Orgc", e.get("Orgc"));
        m.put("Tag", e.get("Tag"));
        m.put("info", e.get("info"));
        m.put("date", e.get("date"));
        m.put("analysis", e.get("analysis"));
        m.put("threat_level_id", e.get("threat_level_id"));
        m.put("timestamp", e.get("timestamp"));
        return m;
    }

    /**
     * What the manifest needs of one day's event, kept on write so that the manifest reads one small
     * item per day and no attribute: the day, its timestamp (epoch seconds, raised on every change of
     * one of its indicators) and the tags its indicators ever carried (brand, rule, source).
     */
    public record DaySummary(LocalDate day, long timestamp, SortedSet<String> tags) {
        public DaySummary {
            Objects.requireNonNull(day, "day");
            tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
        }
    }

    /** The event tags of an indicator's brands, rules and sources, as its event lists them. */
    public static SortedSet<String> tags(Collection<String> brands, Collection<String> rules, Collection<String> sources) {
        SortedSet<String> tags = new TreeSet<>();
        brands.forEach(b -> tags.add(brandTag(b)));
        rules.forEach(r -> tags.add(ruleTag(r)));
        sources.forEach(src -> tags.add(sourceTag(src)));
        return tags;
    }

    /** The manifest entry of a day's event from its summary; the same as {@link #manifestEntry(Map)} of the event. */
    public Map<String, Object> manifestEntry(DaySummary summary) {
        List<Map<String, Object>> tagList = new ArrayList<>();
        tagList.add(Map.of("name", tlp.mispTag()));
        summary.tags().forEach(t -> tagList.add(Map.of("name", t)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Orgc", orgc());
        m.put("Tag", tagList);
        m.put("info", info(summary.day()));
        m.put("date", summary.day().toString());
        m.put("analysis", ANALYSIS_COMPLETED);
        m.put("threat_level_id", THREAT_LEVEL_MEDIUM);
        m.put("timestamp", Long.toString(summary.timestamp()));
        return m;
    }

    /** {@code manifest.json} from the days' summaries: event uuid to manifest entry, by day. */
    public String manifest(List<DaySummary> days) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        days.stream().sorted(Comparator.comparing(DaySummary::day))
                .forEach(d -> manifest.put(eventUuid(d.day()), manifestEntry(d)));
        return Json.write(manifest);
    }

    private static String info(LocalDate day) {
        return "ScamSignal: tech-support-scam indicators first alerted on " + day;
    }

    /** {@code hashes.csv} lines of an event: md5 of each attribute value, comma, event uuid. */
    @SuppressWarnings("unchecked")
    public static List<String> hashLines(Map<String, Object> event) {
        Map<String, Object> e = (Map<String, Object>) event.get("Event");
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> a : (List<Map<String, Object>>) e.get("Attribute")) {
            lines.add(md5((String) a.get("value")) + "," + e.get("uuid"));
        }
        return lines;
    }

    /**
     * The whole feed directory: {@code <event uuid>.json} per day, {@code manifest.json},
     * {@code hashes.csv}. Keys are file names, values their content.
     */
    @SuppressWarnings("unchecked")
    public SortedMap<String, String> files(List<FeedIndicator> indicators, Instant now) {
        SortedMap<String, String> files = new TreeMap<>();
        Map<String, Object> manifest = new LinkedHashMap<>();
        StringBuilder hashes = new StringBuilder();
        for (Map.Entry<LocalDate, List<FeedIndicator>> day : byDay(indicators).entrySet()) {
            Map<String, Object> event = event(day.getKey(), day.getValue(), now);
            String uuid = (String) ((Map<String, Object>) event.get("Event")).get("uuid");
            files.put(uuid + ".json", Json.write(event));
            manifest.put(uuid, manifestEntry(event));
            hashLines(event).forEach(l -> hashes.append(l).append('\n'));
        }
        files.put("manifest.json", Json.write(manifest));
        files.put("hashes.csv", hashes.toString());
        return files;
    }

    static String md5(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
