package io.scamsignal.domain.referral;

import io.scamsignal.domain.stix.ObservableType;
import io.scamsignal.domain.stix.Producer;
import io.scamsignal.domain.stix.StixIds;
import io.scamsignal.domain.stix.Tlp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A referral packet as a STIX 2.1 bundle: the producer's identity and the TLP 2.0 AMBER marking (the
 * same objects the feeds carry), the ring as a campaign, each member as an indicator that
 * "indicates" the campaign (the feed's patterns and extension-definitions for phone numbers,
 * remote-access ids and wallets), and a sighting per indicator with its report count and first/last
 * seen. Ids derive from the ring and the indicator, so the same ring gives the same objects.
 */
public final class ReferralStix {

    /** Packets go to law enforcement and the partners they share them with: TLP 2.0 AMBER. */
    public static final Tlp TLP = Tlp.AMBER;
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** STIX confidence of a candidate link (the STIX 2.1 scales' "low"); the ring's own objects carry none. */
    static final int CANDIDATE_CONFIDENCE = 15;

    private ReferralStix() {
    }

    /** STIX timestamps with exactly millisecond precision. */
    static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }

    public static Map<String, Object> bundle(ReferralPacket packet) {
        String identity = Producer.IDENTITY_ID;
        // the packet's own campaign, not the rings collection's (whose versions follow ring alerts): every
        // object here is dated by the reports, so the same ring with the same reports gives the same objects
        String campaign = "campaign--" + StixIds.v4From("scamsignal:referral:campaign|" + packet.ring().ringId());
        List<Object> objects = new ArrayList<>();
        Set<String> markings = new TreeSet<>();
        objects.add(Producer.identity());
        objects.add(TLP.markingDefinition());
        Set<ObservableType> used = new TreeSet<>();
        packet.indicators().forEach(i -> used.add(ObservableType.of(i.type())));
        used.forEach(t -> t.extensionDefinition().ifPresent(objects::add));

        String firstReport = timestamp(packet.ring().firstReport());
        String lastReport = timestamp(packet.ring().lastReport());
        Map<String, Object> ring = object("campaign", campaign, firstReport, lastReport, identity);
        ring.put("name", "Tech-support scam ring " + packet.ring().ringId());
        ring.put("description", "Indicators that " + packet.ring().effectiveReporters() + " victims in "
                + packet.ring().victimsByCountry().size() + " countries reported together in " + packet.ring().reports()
                + " reports, impersonating " + String.join(", ", packet.ring().brands().keySet()) + ".");
        ring.put("first_seen", timestamp(packet.ring().firstReport()));
        ring.put("last_seen", timestamp(packet.ring().lastReport()));
        ring.put("objective", "Defraud victims by impersonating technical support");
        objects.add(ring);

        for (ReferralPacket.IndicatorEntry i : packet.indicators()) {
            String key = i.type() + "#" + i.value();
            String indicatorId = i.stixId();
            String first = timestamp(i.firstSeen());
            String last = timestamp(i.lastSeen());
            if (i.feedObject() != null) {
                // it alerted: the TAXII feed's object at its current version, as the feed serves it
                objects.add(i.feedObject());
                markings.addAll(markingRefs(i.feedObject()));
            } else {
                Map<String, Object> indicator = object("indicator", indicatorId, first, last, identity);
                indicator.put("name", "Tech-support scam " + i.type().replace('_', ' ') + " " + i.display());
                indicator.put("description", "Named in " + i.reports() + " victim reports of this tech-support scam ring, first "
                        + first + ", last " + last + ".");
                indicator.put("indicator_types", List.of("malicious-activity"));
                indicator.put("pattern", ObservableType.of(i.type()).pattern(i.value()));
                indicator.put("pattern_type", "stix");
                indicator.put("valid_from", first);
                objects.add(indicator);
            }

            Map<String, Object> relationship = object("relationship",
                    "relationship--" + StixIds.v4From("scamsignal:indicates|" + key + "|" + packet.ring().ringId()), first,
                    first, identity);
            relationship.put("relationship_type", "indicates");
            relationship.put("source_ref", indicatorId);
            relationship.put("target_ref", campaign);
            objects.add(relationship);

            Map<String, Object> sighting = object("sighting",
                    "sighting--" + StixIds.v4From("scamsignal:sighting|" + key + "|" + packet.ring().ringId()), first,
                    last, identity);
            sighting.put("sighting_of_ref", indicatorId);
            sighting.put("count", i.reports());
            sighting.put("first_seen", timestamp(i.firstSeen()));
            sighting.put("last_seen", timestamp(i.lastSeen()));
            sighting.put("where_sighted_refs", List.of(identity));
            sighting.put("description", "Named in " + i.reports() + " victim reports");
            objects.add(sighting);
        }
        // candidate links: related-to with a low confidence, never part of the campaign
        Map<String, String> ids = new HashMap<>();
        packet.indicators().forEach(i -> ids.put(i.type() + "#" + i.value(), i.stixId()));
        for (ReferralPacket.CandidateEntry c : packet.candidateLinks()) {
            String first = timestamp(packet.ring().firstReport());
            Map<String, Object> candidate = object("relationship",
                    "relationship--" + StixIds.v4From("scamsignal:candidate|" + c.a() + "|" + c.b()), first, first, identity);
            candidate.put("relationship_type", "related-to");
            candidate.put("source_ref", ids.getOrDefault(c.a(), StixIds.indicatorIdFor(c.a())));
            candidate.put("target_ref", ids.getOrDefault(c.b(), StixIds.indicatorIdFor(c.b())));
            candidate.put("confidence", CANDIDATE_CONFIDENCE);
            candidate.put("description", "Candidate link to ring " + c.otherRingId() + ": named together in " + c.reports()
                    + " reports from " + c.networks() + " network(s), fewer than a merge needs; the rings were not merged.");
            objects.add(candidate);
        }
        // a feed object marked with the feed's TLP level brings that marking-definition along
        for (String marking : markings) {
            for (Tlp tlp : Tlp.values()) {
                if (tlp != TLP && tlp.markingId().equals(marking)) {
                    objects.add(2, tlp.markingDefinition());
                }
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + StixIds.v4From("scamsignal:referral-bundle|" + packet.packetId()));
        bundle.put("objects", objects);
        return bundle;
    }

    @SuppressWarnings("unchecked")
    private static List<String> markingRefs(Map<String, Object> object) {
        Object refs = object.get("object_marking_refs");
        return refs instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static Map<String, Object> object(String type, String id, String created, String modified, String createdBy) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", created);
        o.put("modified", modified);
        if (createdBy != null) {
            o.put("created_by_ref", createdBy);
        }
        o.put("object_marking_refs", List.of(TLP.markingId()));
        return o;
    }
}
