package io.scamsignal.domain.stix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The STIX cyber-observable for each ScamSignal indicator type. Domains, URLs and e-mail addresses
 * have standard SCOs. Phone numbers, remote-access IDs and payment wallets have none, and the
 * {@code x-} custom objects of STIX 2.0 are deprecated in 2.1: they are new SCO types defined by
 * extension-definitions (STIX 2.1 section 7.3), whose names carry no {@code x-} prefix. The names
 * follow what OpenCTI already uses for the same things (phone-number, cryptocurrency-wallet).
 * Standard SCOs get the UUIDv5 ids of the spec; ours get UUIDv4-form ids derived from the value.
 */
public enum ObservableType {
    DOMAIN("domain", "domain-name", null, null),
    URL("url", "url", null, null),
    EMAIL("email", "email-addr", null, null),
    PHONE("phone", "phone-number", "extension-definition--b6739b14-d20c-4e05-8472-a2bd05e26e60",
            "A telephone number used by a scam, in E.164 form (value), e.g. +18885550142."),
    REMOTE_ACCESS_ID("remote_access_id", "remote-access-id", "extension-definition--f2876496-98b2-49a2-ab67-5c1dbdee3d0d",
            "The ID a remote-access tool (AnyDesk, TeamViewer, ...) shows for a machine that a scammer connects"
                    + " from, as tool:id in value, e.g. anydesk:123456789."),
    WALLET("wallet", "cryptocurrency-wallet", "extension-definition--920bb744-0a2e-4e72-b59b-c03deffd0b98",
            "A payment account that scam victims were told to pay into: a cryptocurrency address or another"
                    + " account identifier, in value.");

    /** When our extension-definitions were first published; a new version gets a new modified. */
    static final String EXTENSIONS_CREATED = "2026-11-29T00:00:00.000Z";

    private final String indicatorType;
    private final String stixType;
    private final String extensionId;
    private final String definition;

    ObservableType(String indicatorType, String stixType, String extensionId, String definition) {
        this.indicatorType = indicatorType;
        this.stixType = stixType;
        this.extensionId = extensionId;
        this.definition = definition;
    }

    public String indicatorType() {
        return indicatorType;
    }

    public String stixType() {
        return stixType;
    }

    /** The extension-definition id of a type STIX lacks, empty for standard SCOs. */
    public Optional<String> extensionId() {
        return Optional.ofNullable(extensionId);
    }

    public static ObservableType of(String indicatorType) {
        for (ObservableType t : values()) {
            if (t.indicatorType.equals(indicatorType)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no STIX observable for indicator type " + indicatorType);
    }

    /** The observable object itself. */
    public Map<String, Object> observable(String value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", stixType);
        m.put("spec_version", "2.1");
        m.put("id", extensionId == null ? StixIds.observableId(stixType, value)
                : stixType + "--" + StixIds.v4From("scamsignal:stix:" + stixType + "|" + value));
        m.put("value", value);
        if (extensionId != null) {
            m.put("extensions", Map.of(extensionId, Map.of("extension_type", "new-sco")));
        }
        return m;
    }

    /** The STIX pattern that matches the observable; strings are single-quoted with ' and \ escaped. */
    public String pattern(String value) {
        return "[" + stixType + ":value = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The extension-definition object of a new SCO type; empty for standard types. */
    public Optional<Map<String, Object>> extensionDefinition() {
        if (extensionId == null) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "extension-definition");
        m.put("spec_version", "2.1");
        m.put("id", extensionId);
        m.put("created_by_ref", Producer.IDENTITY_ID);
        m.put("created", EXTENSIONS_CREATED);
        m.put("modified", EXTENSIONS_CREATED);
        m.put("name", stixType);
        m.put("description", "ScamSignal's " + stixType + " cyber-observable.");
        // the spec allows the normative definition as plain text instead of a URL
        // no id-contributing properties, so ids are UUIDv4 (STIX 2.1 section 2.9); ScamSignal derives them
        // from the value, so it names one number the same way every time. (OASIS's validator also
        // checks UUIDv5 only for the SCO types it knows, and wants UUIDv4 from any other type.)
        m.put("schema", "A " + stixType + " object has the common SCO properties and one required string property,"
                + " value. It has no id-contributing properties: ids are UUIDv4. " + definition);
        m.put("version", "1.0.0");
        m.put("extension_types", List.of("new-sco"));
        return Optional.of(m);
    }
}
