package io.scamsignal.domain.stix;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Traffic Light Protocol 2.0 as the OASIS TLP 2.0 marking extension defines it
 * (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0): fixed ids,
 * names and creation time, which consumers match exactly, so they are constants and not ours to mint.
 */
public enum Tlp {
    CLEAR("clear", "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "3"),
    GREEN("green", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "2"),
    AMBER("amber", "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "1"),
    AMBER_STRICT("amber+strict", "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "0"),
    RED("red", "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "0");

    /** The TLP 2.0 marking extension's own extension-definition. */
    public static final String EXTENSION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    private static final String CREATED = "2022-10-01T00:00:00.000Z";

    private final String level;
    private final String markingId;
    private final String mispDistribution;

    Tlp(String level, String markingId, String mispDistribution) {
        this.level = level;
        this.markingId = markingId;
        this.mispDistribution = mispDistribution;
    }

    /** The level as the extension spells it: clear, green, amber, amber+strict, red. */
    public String level() {
        return level;
    }

    public String markingId() {
        return markingId;
    }

    /** TLP:CLEAR etc. */
    public String displayName() {
        return "TLP:" + level.toUpperCase(Locale.ROOT);
    }

    /** The MISP taxonomy tag, e.g. {@code tlp:amber+strict}. */
    public String mispTag() {
        return "tlp:" + level;
    }

    /**
     * MISP's distribution for the level: clear to all communities (3), green to connected
     * communities (2), amber to the community (1), amber+strict and red to the organisation only (0).
     */
    public String mispDistribution() {
        return mispDistribution;
    }

    /** The marking-definition object exactly as the extension's examples give it. */
    public Map<String, Object> markingDefinition() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "marking-definition");
        m.put("spec_version", "2.1");
        m.put("id", markingId);
        m.put("created", CREATED);
        m.put("name", displayName());
        m.put("extensions", Map.of(EXTENSION_ID, Map.of("extension_type", "property-extension", "tlp_2_0", level)));
        return m;
    }

    /** A template parameter's value: clear, green, amber, amber+strict or red (any case, "_" for "+"). */
    public static Tlp parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT).replace('_', '+').replace("tlp:", "");
        for (Tlp t : values()) {
            if (t.level.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown TLP level: " + value);
    }
}
