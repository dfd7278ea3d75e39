package io.scamsignal.domain.stix;

import io.scamsignal.domain.indicator.IndicatorType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The STIX cyber-observable of an indicator type, as {@link IndicatorType#stix()} declares it.
 * Domains, URLs and e-mail addresses have standard SCOs. Phone numbers, remote-access IDs and
 * payment wallets have none, and the {@code x-} custom objects of STIX 2.0 are deprecated in 2.1:
 * they are new SCO types defined by extension-definitions (STIX 2.1 section 7.3), whose names carry
 * no {@code x-} prefix. The names follow what OpenCTI already uses for the same things (phone-number,
 * cryptocurrency-wallet). Standard SCOs get the UUIDv5 ids of the spec; ours get UUIDv4-form ids
 * derived from the value. Ordered as the indicator types are.
 */
public record ObservableType(IndicatorType indicator) implements Comparable<ObservableType> {

    /** When our extension-definitions were first published; a new version gets a new modified. */
    static final String EXTENSIONS_CREATED = "2026-11-29T00:00:00.000Z";

    public ObservableType {
        Objects.requireNonNull(indicator, "indicator");
    }

    /** One per indicator type. */
    public static List<ObservableType> values() {
        return Arrays.stream(IndicatorType.values()).map(ObservableType::new).toList();
    }

    public String indicatorType() {
        return indicator.wireName();
    }

    public String stixType() {
        return indicator.stix().type();
    }

    /** The extension-definition id of a type STIX lacks, empty for standard SCOs. */
    public Optional<String> extensionId() {
        return Optional.ofNullable(indicator.stix().extensionId());
    }

    public static ObservableType of(String indicatorType) {
        return new ObservableType(IndicatorType.fromWire(indicatorType).orElseThrow(
                () -> new IllegalArgumentException("no STIX observable for indicator type " + indicatorType)));
    }

    @Override
    public int compareTo(ObservableType other) {
        return indicator.compareTo(other.indicator);
    }

    /** The observable object itself. */
    public Map<String, Object> observable(String value) {
        String stixType = stixType();
        String extensionId = indicator.stix().extensionId();
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
        String stixType = stixType();
        return "[" + stixType + ":value = '" + value.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    /** The extension-definition object of a new SCO type; empty for standard types. */
    public Optional<Map<String, Object>> extensionDefinition() {
        String stixType = stixType();
        String extensionId = indicator.stix().extensionId();
        String definition = indicator.stix().definition();
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
