package io.scamsignal.domain.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The TAXII 2.1 resources around the objects: discovery, API root, collections, and the media
 * type rule (406 unless the client accepts TAXII JSON 2.1).
 */
public final class TaxiiResources {

    /** Version a client may ask for in {@code Accept}; a request without a version means the latest, 2.1. */
    public static final String VERSION = "2.1";

    /**
     * The collections. TAXII names them by id in URLs; the ids are fixed UUIDs so that partners'
     * configurations survive redeployments, and they are the feed table's partition keys.
     */
    public enum Collection {
        INDICATORS("6e9b7f0c-5b1a-4f3e-9c55-0d6c1f1b7a11", "ScamSignal indicators",
                "Tech-support-scam phone numbers, domains, URLs, e-mail addresses, remote-access IDs and payment"
                        + " wallets reported by victims and partner organisations, with sightings."),
        RINGS("4a91dfb2-d55c-4b77-9210-d705fa76f008", "ScamSignal scam rings",
                "Groups of indicators that the same scam operation uses.");

        private final String id;
        private final String title;
        private final String description;

        Collection(String id, String title, String description) {
            this.id = id;
            this.title = title;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public static Optional<Collection> byId(String id) {
            for (Collection c : values()) {
                if (c.id.equals(id)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        public Map<String, Object> resource() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("title", title);
            m.put("description", description);
            m.put("can_read", true);
            m.put("can_write", false);
            m.put("media_types", List.of(FeedEntry.STIX_MEDIA_TYPE));
            return m;
        }
    }

    private TaxiiResources() {
    }

    /** The discovery resource: one API root at {@code apiRootUrl}. */
    public static Map<String, Object> discovery(String apiRootUrl) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "ScamSignal TAXII server");
        m.put("description", "Tech-support-scam indicators as STIX 2.1; HTTP Basic with a partner API key.");
        m.put("default", apiRootUrl);
        m.put("api_roots", List.of(apiRootUrl));
        return m;
    }

    public static Map<String, Object> apiRoot(long maxContentLength) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "ScamSignal");
        m.put("versions", List.of(TaxiiPage.TAXII_MEDIA_TYPE));
        m.put("max_content_length", maxContentLength);
        return m;
    }

    /** The collections a key may read; a key limited to some collections sees only those. */
    public static Map<String, Object> collections(List<Collection> readable) {
        List<Map<String, Object>> list = new ArrayList<>();
        readable.forEach(c -> list.add(c.resource()));
        return list.isEmpty() ? Map.of() : Map.of("collections", list);
    }

    /**
     * Whether an {@code Accept} header admits TAXII JSON 2.1: {@code application/taxii+json} with
     * version 2.1 or none, or a wildcard; a missing header admits anything (RFC 9110). A type with
     * {@code q=0} is refused.
     */
    public static boolean accepts(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.trim().toLowerCase(Locale.ROOT).split(";");
            String type = parts[0].trim();
            String version = null;
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals("version")) {
                    version = kv[1].trim().replace("\"", "");
                } else if (kv.length == 2 && kv[0].trim().equals("q")) {
                    refused = kv[1].trim().matches("0(\\.0{0,3})?");
                }
            }
            if (refused) {
                continue;
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return true;
            }
            if (type.equals("application/taxii+json") && (version == null || version.equals(VERSION))) {
                return true;
            }
        }
        return false;
    }
}
