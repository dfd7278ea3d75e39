package io.scamsignal.domain.referral;

import io.scamsignal.domain.stix.StixIds;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.scamsignal.domain.json.Json;
import io.scamsignal.domain.ring.RingItems;
import io.scamsignal.domain.ring.RingView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything law enforcement gets about one ring (contracts/referral-packet.schema.json): its
 * aggregate, every indicator with first/last seen and reports, payment rails, how the ring was
 * linked, the candidate links to other rings that were not corroborated enough to merge them, every
 * report's scam fields, the evidence manifest, and the contact details of the reporters who agreed
 * to be contacted by law enforcement — of nobody else. An indicator known only through one
 * network's reports is marked {@code singleNetwork}.
 */
@JsonPropertyOrder({"schemaVersion", "type", "packetId", "generatedAt", "producer", "ring", "indicators", "paymentRails",
        "links", "candidateLinks", "reports", "evidence", "contacts"})
public record ReferralPacket(int schemaVersion, String type, String packetId, Instant generatedAt, Producer producer,
                             Ring ring, List<IndicatorEntry> indicators, PaymentRails paymentRails, List<LinkEntry> links,
                             List<CandidateEntry> candidateLinks, List<ReportEntry> reports, Evidence evidence,
                             Contacts contacts) {

    public static final String PRODUCER = "ScamSignal";

    public record Producer(String name, String description) {
    }

    @JsonPropertyOrder({"ringId", "firstReport", "lastReport", "reports", "members", "distinctReporters",
            "effectiveReporters", "brands", "victimsByCountry", "reportsByCountry", "lossUsd", "contactMethods",
            "reportsByMonth", "sources"})
    public record Ring(String ringId, Instant firstReport, Instant lastReport, long reports, long members,
                       long distinctReporters, long effectiveReporters, SortedMap<String, Long> brands,
                       SortedMap<String, Long> victimsByCountry, SortedMap<String, Long> reportsByCountry, Losses lossUsd,
                       SortedMap<String, Long> contactMethods, SortedMap<String, Long> reportsByMonth,
                       SortedMap<String, Long> sources) {
    }

    public record Losses(BigDecimal total, BigDecimal median, long reportsWithLoss) {
    }

    /**
     * @param stixId     the indicator's STIX id: the TAXII feed's if it alerted, else one derived from its key
     * @param feedObject the feed's current STIX indicator object if it alerted: the bundle carries it as is
     */
    public record IndicatorEntry(String type, String value, String display, long reports, Instant firstSeen,
                                 Instant lastSeen, String stixId, boolean singleNetwork,
                                 @JsonIgnore Map<String, Object> feedObject) {
    }

    public record PaymentRails(SortedMap<String, Long> methods, List<IndicatorEntry> wallets) {
    }

    public record LinkEntry(String a, String b, long reports, long distinctReporters, boolean weak,
                            List<String> reportIds) {
    }

    /**
     * Two indicators named together, {@code a} or {@code b} in this ring and the other in ring
     * {@code otherRingId}, by {@code reports} reports from {@code networks} networks: fewer than a
     * merge needs, so the rings stay apart.
     */
    @JsonPropertyOrder({"a", "b", "otherRingId", "reports", "networks", "reportIds"})
    public record CandidateEntry(String a, String b, String otherRingId, long reports, long networks,
                                 List<String> reportIds) {
    }

    @JsonPropertyOrder({"reportId", "receivedAt", "country", "brands", "lossUsd", "paymentMethods", "contactMethod",
            "indicators", "source"})
    public record ReportEntry(String reportId, Instant receivedAt, String country, List<String> brands, BigDecimal lossUsd,
                              List<String> paymentMethods, String contactMethod, List<String> indicators, String source) {
    }

    public record ManifestEntry(String reportId, String sha256) {
    }

    public record Evidence(String canonicalForm, List<ManifestEntry> manifest, String manifestSha256) {
    }

    public record Contact(String name, String email, List<String> reportIds) {
    }

    /** {@code agreed}: distinct reporters of the ring who agreed; {@code reporters}: distinct reporters in all. */
    public record Contacts(long agreed, long reporters, List<Contact> consenting) {
    }

    /**
     * @param documents the stored document (JSON) of every report of the ring, by report id
     * @param contacts  contact records of the ring's reports (any; only consenting ones are used)
     */
    public static ReferralPacket build(RingView view, Map<String, String> documents, List<ReporterContact> contacts,
                                       Instant now) {
        return build(view, documents, contacts, Map.of(), now);
    }

    /** @param feedIndicators the TAXII feed's current indicator object (JSON) of each member that alerted, by key */
    public static ReferralPacket build(RingView view, Map<String, String> documents, List<ReporterContact> contacts,
                                       Map<String, String> feedIndicators, Instant now) {
        RingItems.Head h = view.head();
        Instant generatedAt = now.truncatedTo(ChronoUnit.MILLIS);
        List<IndicatorEntry> indicators = view.members().stream()
                .sorted(Comparator.comparingLong(RingItems.Member::reports).reversed().thenComparing(RingItems.Member::key))
                .map(m -> {
                    Map<String, Object> feedObject = feedObject(m.key(), feedIndicators.get(m.key()));
                    return new IndicatorEntry(m.type(), m.key().substring(m.key().indexOf('#') + 1), m.display(),
                            m.reports(), m.firstSeen(), m.lastSeen(), feedObject == null
                            ? StixIds.indicatorIdFor(m.key()) : (String) feedObject.get("id"), m.singleNetwork(), feedObject);
                })
                .toList();
        List<LinkEntry> links = view.links().stream()
                .map(l -> new LinkEntry(l.a(), l.b(), l.reportIds().size(), l.distinctReporters(), l.weak(), l.reportIds()))
                .toList();
        List<CandidateEntry> candidates = view.candidates().stream()
                .map(c -> new CandidateEntry(c.a(), c.b(), c.otherRingId(), c.reports(), c.networks(), c.reportIds()))
                .toList();
        List<ReportEntry> reports = view.reports().stream()
                .map(r -> new ReportEntry(r.reportId(), r.receivedAt(), r.country(), r.brands(),
                        r.lossUsd().setScale(2, RoundingMode.HALF_EVEN), r.paymentMethods(), r.contactMethod(),
                        r.indicatorKeys(), r.source()))
                .toList();
        List<ManifestEntry> manifest = new ArrayList<>();
        for (RingItems.Report r : view.reports().stream().sorted(Comparator.comparing(RingItems.Report::reportId)).toList()) {
            String document = documents.get(r.reportId());
            if (document == null) {
                throw new IllegalArgumentException("no stored document for report " + r.reportId());
            }
            manifest.add(new ManifestEntry(r.reportId(), CanonicalJson.sha256(CanonicalJson.canonical(document))));
        }
        long reportsWithLoss = view.reports().stream().filter(r -> r.lossUsd().signum() > 0).count();
        Ring ring = new Ring(h.ringId(), h.firstReport(), h.lastReport(), h.reports(), h.members(), h.distinctReporters(),
                h.effectiveReporters(), h.brands(), view.victimsByCountry(), h.countries(),
                new Losses(h.lossUsd().setScale(2, RoundingMode.HALF_EVEN), view.lossMedianUsd(),
                        reportsWithLoss),
                h.contactMethods(), h.reportsByMonth(), h.sources());
        PaymentRails rails = new PaymentRails(h.paymentMethods(),
                indicators.stream().filter(i -> i.type().equals("wallet")).toList());
        return new ReferralPacket(1, "referral", packetId(h.ringId(), manifest), generatedAt,
                new Producer(PRODUCER, "Open-source collection of tech-support scam reports from victims"),
                ring, indicators, rails, links, candidates, reports, evidence(manifest), contacts(view, contacts));
    }

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private static Map<String, Object> feedObject(String key, String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the feed holds an unreadable object for " + key, e);
        }
    }

    static Evidence evidence(List<ManifestEntry> manifest) {
        return new Evidence(CanonicalJson.DESCRIPTION, List.copyOf(manifest), manifestSha256(manifest));
    }

    /** SHA-256 over the canonical JSON of the manifest array ([{"reportId":…,"sha256":…}, …] in report id order). */
    public static String manifestSha256(List<ManifestEntry> manifest) {
        List<Map<String, String>> entries = manifest.stream().map(e -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("reportId", e.reportId());
            m.put("sha256", e.sha256());
            return m;
        }).toList();
        return CanonicalJson.sha256(CanonicalJson.canonical(Json.mapper().valueToTree(entries)));
    }

    /** Same ring, same reports: same packet id. */
    private static String packetId(String ringId, List<ManifestEntry> manifest) {
        return StixIds.v4From("scamsignal:referral:v1|" + ringId + "|" + manifestSha256(manifest)).toString();
    }

    private static Contacts contacts(RingView view, List<ReporterContact> contacts) {
        Map<String, String> reporterOf = new HashMap<>();
        view.reports().forEach(r -> reporterOf.put(r.reportId(), r.reporterFingerprint()));
        Map<String, List<ReporterContact>> byReporter = new TreeMap<>();
        for (ReporterContact c : contacts) {
            String fingerprint = reporterOf.get(c.reportId());
            // a contact of a report outside the ring, or without consent, never enters the packet
            if (fingerprint != null && c.lawEnforcementContactConsent() && (c.email() != null || c.name() != null)) {
                byReporter.computeIfAbsent(fingerprint, f -> new ArrayList<>()).add(c);
            }
        }
        List<Contact> consenting = new ArrayList<>();
        byReporter.values().forEach(list -> {
            list.sort(Comparator.comparing(ReporterContact::reportId));
            ReporterContact latest = list.get(list.size() - 1);
            consenting.add(new Contact(latest.name(), latest.email(),
                    list.stream().map(ReporterContact::reportId).toList()));
        });
        consenting.sort(Comparator.comparing(c -> c.reportIds().get(0)));
        long reporters = new TreeSet<>(reporterOf.values()).size();
        return new Contacts(consenting.size(), reporters, List.copyOf(consenting));
    }
}
