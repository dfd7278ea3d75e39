package io.scamsignal.domain.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The alert's indicator as a STIX 2.1 bundle, for partners whose tools ingest STIX. Phone numbers,
 * remote-access IDs and wallets have no STIX cyber-observable type, so they use custom ones ({@code x-}).
 * Ids derive from the alertId: the same alert, the same bundle.
 */
public final class StixBundle {

    private StixBundle() {
    }

    public static Map<String, Object> of(String alertId, String rule, String indicatorType, String value,
                                         List<String> brands, Instant created, Instant validFrom) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("type", "indicator");
        indicator.put("spec_version", "2.1");
        indicator.put("id", "indicator--" + alertId);
        indicator.put("created", created.toString());
        indicator.put("modified", created.toString());
        indicator.put("name", "Tech-support scam " + indicatorType + " (" + rule + ")");
        indicator.put("indicator_types", List.of("malicious-activity"));
        indicator.put("pattern", "[" + observable(indicatorType) + ":value = '" + escape(value) + "']");
        indicator.put("pattern_type", "stix");
        indicator.put("valid_from", validFrom.toString());
        if (!brands.isEmpty()) {
            indicator.put("labels", brands.stream().map(b -> "impersonates:" + b).toList());
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.nameUUIDFromBytes(("stix-bundle|" + alertId).getBytes(StandardCharsets.UTF_8)));
        bundle.put("objects", List.of(indicator));
        return bundle;
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

    /** STIX patterns quote strings in single quotes, escaping the quote and the backslash. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
