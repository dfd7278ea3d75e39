package io.scamsignal.domain.stix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * ScamSignal indicators as STIX 2.1 objects that survive ingestion by OpenCTI, MISP or Sentinel:
 * one {@code indicator} per ScamSignal indicator (id and versions from {@link IndicatorState}), its
 * observable, a {@code sighting} with the report counts, all created by the ScamSignal identity and
 * marked with the configured TLP.
 */
public record StixExporter(Tlp tlp, ExpiryRules expiry) {

    public StixExporter {
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(expiry, "expiry");
    }

    public static StixExporter defaults() {
        return new StixExporter(Tlp.GREEN, ExpiryRules.DEFAULTS);
    }

    /** The indicator object at the state's version. */
    public Map<String, Object> indicator(IndicatorState state, StixIndicator in) {
        ObservableType type = ObservableType.of(in.indicatorType());
        Instant validFrom = StixTime.millis(in.firstSeen());
        Instant validUntil = expiry.validUntil(in.indicatorType(), in.lastSeen());
        Map<String, Object> m = versioned("indicator", state);
        if (in.confidence() != null) {
            m.put("confidence", in.confidence());
        }
        m.put("name", "Tech-support scam " + type.stixType() + " " + in.display());
        m.put("description", description(in));
        m.put("indicator_types", List.of("malicious-activity"));
        m.put("pattern", type.pattern(in.value()));
        m.put("pattern_type", "stix");
        m.put("pattern_version", "2.1");
        m.put("valid_from", StixTime.format(validFrom));
        // valid_until must lie after valid_from; a lifetime is always positive, so it does
        m.put("valid_until", StixTime.format(validUntil));
        List<String> labels = new ArrayList<>();
        in.brands().forEach(b -> labels.add("impersonates:" + b));
        in.rules().forEach(r -> labels.add("rule:" + r));
        if (!labels.isEmpty()) {
            m.put("labels", labels);
        }
        m.put("object_marking_refs", List.of(tlp.markingId()));
        return m;
    }

    /**
     * The sighting of the indicator: one per indicator (its id follows from the indicator's), a new
     * version whenever the indicator gets one or a later report arrives, sighted where ScamSignal
     * collected the reports.
     */
    public Map<String, Object> sighting(IndicatorState state, StixIndicator in) {
        Instant lastSeen = StixTime.millis(in.lastSeen());
        Instant modified = lastSeen.isAfter(state.modified()) ? lastSeen : state.modified();
        // the indicator's versioned properties, with its own id and a version that also follows reports
        Map<String, Object> m = versioned("sighting", state);
        m.put("id", sightingId(state.stixId()));
        m.put("modified", StixTime.format(modified));
        if (in.confidence() != null) {
            m.put("confidence", in.confidence());
        }
        m.put("description", "Victim reports to ScamSignal: " + in.reports() + " reports by "
                + in.distinctReporters() + " distinct reporters"
                + (in.sources().isEmpty() ? "" : ", through " + String.join(", ", in.sources())) + ".");
        m.put("first_seen", StixTime.format(StixTime.millis(in.firstSeen())));
        m.put("last_seen", StixTime.format(lastSeen));
        // STIX caps count at 999,999,999
        m.put("count", Math.min(in.reports(), 999_999_999L));
        m.put("sighting_of_ref", state.stixId());
        // who saw it: ScamSignal for the public API, each partner organisation whose reports counted
        m.put("where_sighted_refs", SourceIdentities.refs(in.sources()));
        m.put("object_marking_refs", List.of(tlp.markingId()));
        return m;
    }

    public static String sightingId(String indicatorId) {
        return "sighting--" + StixIds.v4From("scamsignal:stix:sighting|" + indicatorId);
    }

    /** The indicator's own objects: indicator, observable, sighting. */
    public List<Map<String, Object>> objects(IndicatorState state, StixIndicator in) {
        return List.of(indicator(state, in), ObservableType.of(in.indicatorType()).observable(in.value()),
                sighting(state, in));
    }

    /**
     * The objects every bundle's objects refer to: the producer identity, the TLP marking, and the
     * extension-definitions of the new SCO types used.
     */
    public List<Map<String, Object>> referencedObjects(Collection<ObservableType> used) {
        return referencedObjects(used, List.of());
    }

    /** As {@link #referencedObjects(Collection)}, with the identities of the partner organisations among {@code sources}. */
    public List<Map<String, Object>> referencedObjects(Collection<ObservableType> used, Collection<String> sources) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(Producer.identity());
        out.add(tlp.markingDefinition());
        Set<ObservableType> types = new TreeSet<>(used);
        for (ObservableType t : types) {
            t.extensionDefinition().ifPresent(out::add);
        }
        out.addAll(SourceIdentities.identities(sources));
        return out;
    }

    /** A bundle of indicators: their objects after the referenced ones; its id follows from the content. */
    public Map<String, Object> bundle(List<Map.Entry<IndicatorState, StixIndicator>> indicators) {
        List<Map<String, Object>> objects = new ArrayList<>(referencedObjects(indicators.stream()
                .map(e -> ObservableType.of(e.getValue().indicatorType())).toList(),
                indicators.stream().flatMap(e -> e.getValue().sources().stream()).toList()));
        for (Map.Entry<IndicatorState, StixIndicator> e : indicators) {
            objects.addAll(objects(e.getKey(), e.getValue()));
        }
        return bundleOf(objects);
    }

    /** Any objects as a bundle; the id is derived from the objects' ids and versions. */
    public static Map<String, Object> bundleOf(List<Map<String, Object>> objects) {
        String name = objects.stream().map(o -> o.get("id") + "@" + o.getOrDefault("modified", ""))
                .collect(Collectors.joining("|"));
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + StixIds.v4From("scamsignal:stix:bundle|" + name));
        bundle.put("objects", List.copyOf(objects));
        return bundle;
    }

    /**
     * A ring's campaign at the state's version (the rings collection): named after the ring id, first
     * and last seen from its reports, the brands it impersonated as labels.
     */
    public Map<String, Object> campaign(IndicatorState state, StixCampaign in) {
        Map<String, Object> m = campaignBase(state, in.ringId());
        m.put("description", "A tech-support-scam operation: " + in.members() + " indicators reported together "
                + in.reports() + " times by " + in.distinctReporters() + (in.distinctReporters() == 1 ? " person" : " people")
                + (in.brands().isEmpty() ? "" : ", impersonating " + String.join(", ", in.brands()))
                + (in.countries().isEmpty() ? "" : ", in " + String.join(", ", in.countries())) + ".");
        if (!in.labels().isEmpty()) {
            m.put("labels", in.labels());
        }
        m.put("first_seen", StixTime.format(StixTime.millis(in.firstSeen())));
        m.put("last_seen", StixTime.format(StixTime.millis(in.lastSeen())));
        m.put("object_marking_refs", List.of(tlp.markingId()));
        return m;
    }

    /**
     * The final version of a ring's campaign when the ring was merged into another (or renamed, when
     * an earlier report joined it): revoked, as STIX marks an object its producer no longer stands
     * by, with the survivor's campaign named in the description for the analyst.
     */
    public Map<String, Object> mergedCampaign(IndicatorState revoked, String ringId, String survivorRingId) {
        if (!revoked.revoked()) {
            throw new IllegalArgumentException("a merged ring's campaign is its revoked version");
        }
        Map<String, Object> m = campaignBase(revoked, ringId);
        m.put("description", "Merged into " + StixCampaign.name(survivorRingId) + " ("
                + StixCampaign.idOf(survivorRingId) + "), which carries its indicators from now on.");
        m.put("object_marking_refs", List.of(tlp.markingId()));
        return m;
    }

    private static Map<String, Object> campaignBase(IndicatorState state, String ringId) {
        Map<String, Object> m = versioned("campaign", state);
        m.put("name", StixCampaign.name(ringId));
        return m;
    }

    /** The common properties of a versioned object ScamSignal produces, at the state's version. */
    private static Map<String, Object> versioned(String type, IndicatorState state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("spec_version", "2.1");
        m.put("id", state.stixId());
        m.put("created_by_ref", Producer.IDENTITY_ID);
        m.put("created", StixTime.format(state.created()));
        m.put("modified", StixTime.format(state.modified()));
        if (state.revoked()) {
            m.put("revoked", true);
        }
        return m;
    }

    /** "indicator indicates campaign", created when first appended (a relationship has one version). */
    public Map<String, Object> indicates(String indicatorId, String campaignId, Instant created) {
        String t = StixTime.format(StixTime.millis(created));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "relationship");
        m.put("spec_version", "2.1");
        m.put("id", StixCampaign.relationshipId(indicatorId, campaignId));
        m.put("created_by_ref", Producer.IDENTITY_ID);
        m.put("created", t);
        m.put("modified", t);
        m.put("relationship_type", "indicates");
        m.put("source_ref", indicatorId);
        m.put("target_ref", campaignId);
        m.put("object_marking_refs", List.of(tlp.markingId()));
        return m;
    }

    /**
     * The rings collection's objects for one ring alert: identity and marking, the campaign at the
     * state's version, and an {@code indicates} relationship from each given indicator id.
     */
    public List<Map<String, Object>> ringObjects(IndicatorState state, StixCampaign campaign,
                                                 Collection<String> indicatorIds, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>(referencedObjects(List.of()));
        out.add(campaign(state, campaign));
        indicatorIds.stream().distinct().sorted().forEach(id -> out.add(indicates(id, state.stixId(), now)));
        return out;
    }

    private static String description(StixIndicator in) {
        StringBuilder d = new StringBuilder("Reported to ScamSignal as a tech-support-scam contact ")
                .append(in.reports()).append(" times by ").append(in.distinctReporters())
                .append(in.distinctReporters() == 1 ? " person" : " people");
        if (!in.brands().isEmpty()) {
            d.append("; the callers impersonated ").append(String.join(", ", in.brands()));
        }
        return d.append('.').toString();
    }
}
