package io.scamsignal.domain.referral;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A referral packet as a STIX 2.1 bundle: the producer's identity, the TLP:AMBER marking, the ring
 * as a campaign, each member as an indicator that "indicates" the campaign, and a sighting per
 * indicator with its report count and first/last seen. Ids derive from the ring and the
 * indicator (Uuids), so the same ring gives the same objects.
 */
public final class ReferralStix {

    /** The TLP:AMBER marking definition as STIX 2.1 predefines it (section 7.2.1.4). */
    public static final String TLP_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private ReferralStix() {
    }

    /** STIX timestamps with exactly millisecond precision. */
    static String timestamp(Instant instant) {
        return MILLIS.format(instant);
    }

    public static Map<String, Object> bundle(ReferralPacket packet) {
        String created = timestamp(packet.generatedAt());
        String identity = "identity--" + Uuids.of("scamsignal:producer");
        String campaign = "campaign--" + Uuids.of("scamsignal:ring|" + packet.ring().ringId());
        List<Object> objects = new ArrayList<>();

        Map<String, Object> producer = object("identity", identity, created, null);
        producer.put("name", ReferralPacket.PRODUCER);
        producer.put("description", packet.producer().description());
        producer.put("identity_class", "organization");
        objects.add(producer);

        Map<String, Object> marking = new LinkedHashMap<>();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", TLP_AMBER);
        marking.put("created", "2017-01-20T00:00:00.000Z");
        marking.put("definition_type", "tlp");
        marking.put("name", "TLP:AMBER");
        marking.put("definition", Map.of("tlp", "amber"));
        objects.add(marking);

        Map<String, Object> ring = object("campaign", campaign, created, identity);
        ring.put("name", "Tech-support scam ring " + packet.ring().ringId());
        ring.put("description", "Indicators that " + packet.ring().distinctReporters() + " victims in "
                + packet.ring().victimsByCountry().size() + " countries reported together in " + packet.ring().reports()
                + " reports, impersonating " + String.join(", ", packet.ring().brands().keySet()) + ".");
        ring.put("first_seen", timestamp(packet.ring().firstReport()));
        ring.put("last_seen", timestamp(packet.ring().lastReport()));
        ring.put("objective", "Defraud victims by impersonating technical support");
        objects.add(ring);

        for (ReferralPacket.IndicatorEntry i : packet.indicators()) {
            String key = i.type() + "#" + i.value();
            String indicatorId = "indicator--" + Uuids.of("scamsignal:indicator|" + key);
            Map<String, Object> indicator = object("indicator", indicatorId, created, identity);
            indicator.put("name", "Tech-support scam " + i.type().replace('_', ' ') + " " + i.display());
            indicator.put("description", "Named in " + i.reports() + " victim reports of this tech-support scam ring, first "
                    + timestamp(i.firstSeen()) + ", last " + timestamp(i.lastSeen()) + ".");
            indicator.put("indicator_types", List.of("malicious-activity"));
            indicator.put("pattern", "[" + observable(i.type()) + ":value = '" + escape(i.value()) + "']");
            indicator.put("pattern_type", "stix");
            indicator.put("valid_from", timestamp(i.firstSeen()));
            objects.add(indicator);

            Map<String, Object> relationship = object("relationship",
                    "relationship--" + Uuids.of("scamsignal:indicates|" + key + "|" + packet.ring().ringId()), created, identity);
            relationship.put("relationship_type", "indicates");
            relationship.put("source_ref", indicatorId);
            relationship.put("target_ref", campaign);
            objects.add(relationship);

            Map<String, Object> sighting = object("sighting",
                    "sighting--" + Uuids.of("scamsignal:sighting|" + key + "|" + packet.ring().ringId()), created, identity);
            sighting.put("sighting_of_ref", indicatorId);
            sighting.put("count", i.reports());
            sighting.put("first_seen", timestamp(i.firstSeen()));
            sighting.put("last_seen", timestamp(i.lastSeen()));
            sighting.put("where_sighted_refs", List.of(identity));
            sighting.put("description", "Named in " + i.reports() + " victim reports");
            objects.add(sighting);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + Uuids.of("scamsignal:referral-bundle|" + packet.packetId()));
        bundle.put("objects", objects);
        return bundle;
    }

    private static Map<String, Object> object(String type, String id, String created, String createdBy) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        o.put("created", created);
        o.put("modified", created);
        if (createdBy != null) {
            o.put("created_by_ref", createdBy);
        }
        o.put("object_marking_refs", List.of(TLP_AMBER));
        return o;
    }

    static String observable(String indicatorType) {
        return switch (indicatorType) {
            case "domain" -> "domain-name";
            case "url" -> "url";
            case "email" -> "email-addr";
            case "phone" -> "x-scamsignal-phone-number";
            case "remote_access_id" -> "x-scamsignal-remote-access-id";
            case "wallet" -> "x-scamsignal-wallet";
            default -> throw new IllegalArgumentException("no STIX type for " + indicatorType);
        };
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
