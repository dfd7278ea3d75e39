package io.scamsignal.domain.partner;

import io.scamsignal.domain.feed.TaxiiResources.Collection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a partner key may do. A key has exactly the scopes it was given:
 *
 * <ul>
 *   <li>{@code read:<collection>} reads one TAXII collection (its id or its name, {@code indicators}
 *       or {@code rings}); {@code read:*} reads every one. The MISP and number feeds follow the
 *       indicators collection.</li>
 *   <li>{@code submit} posts reports ({@code POST /partner/reports}).</li>
 *   <li>{@code victim-network}: the operator's statement that this partner passes the addresses its
 *       victims reported from, so a line's {@code victimIp} counts as the victim's network. Without
 *       it every line counts on the organisation's one network.</li>
 * </ul>
 *
 * A new key given nothing reads the indicators collection and nothing else ({@link #DEFAULT}). The
 * stored and the authorizer's form is {@link #format()}: comma-separated, in a fixed order.
 *
 * @param read          the collections the key reads (every one when {@code all})
 * @param all           {@code read:*}
 * @param submit        {@code submit}
 * @param victimNetwork {@code victim-network}
 */
public record PartnerScopes(Set<Collection> read, boolean all, boolean submit, boolean victimNetwork) {

    public static final String SUBMIT = "submit";
    public static final String VICTIM_NETWORK = "victim-network";
    public static final String READ = "read:";
    public static final PartnerScopes DEFAULT = new PartnerScopes(EnumSet.of(Collection.INDICATORS), false, false, false);

    public PartnerScopes {
        read = all ? EnumSet.allOf(Collection.class) : read.isEmpty() ? EnumSet.noneOf(Collection.class) : EnumSet.copyOf(read);
    }

    /**
     * Scopes as an operator writes them ({@code read:indicators,submit}; commas or spaces between).
     *
     * @throws IllegalArgumentException naming the first unknown scope or collection, or for none at all
     */
    public static PartnerScopes parse(String text) {
        Set<Collection> read = EnumSet.noneOf(Collection.class);
        boolean all = false;
        boolean submit = false;
        boolean victimNetwork = false;
        int count = 0;
        for (String token : (text == null ? "" : text).split("[,\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            count++;
            String t = token.toLowerCase(Locale.ROOT);
            if (t.equals(SUBMIT)) {
                submit = true;
            } else if (t.equals(VICTIM_NETWORK)) {
                victimNetwork = true;
            } else if (t.equals(READ + "*")) {
                all = true;
            } else if (t.startsWith(READ)) {
                read.add(collection(t.substring(READ.length())));
            } else {
                throw new IllegalArgumentException("no scope " + token + "; the scopes: read:<collection> (" + known()
                        + ", or *), " + SUBMIT + ", " + VICTIM_NETWORK);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no scopes given; revoke the key to take everything away");
        }
        return new PartnerScopes(read, all, submit, victimNetwork);
    }

    /** The scopes of a key item written before keys had scopes: its collections ({@code *} or ids), read only. */
    public static PartnerScopes ofCollections(String collections) {
        if (collections == null || collections.isBlank() || collections.strip().equals("*")) {
            return new PartnerScopes(Set.of(), true, false, false);
        }
        Set<Collection> read = EnumSet.noneOf(Collection.class);
        for (String id : collections.split(",")) {
            read.add(collection(id.strip()));
        }
        return new PartnerScopes(read, false, false, false);
    }

    /** {@code read:<id>,…,submit,victim-network}: the stored form, and the authorizer's context. */
    public String format() {
        List<String> out = new ArrayList<>();
        if (all) {
            out.add(READ + "*");
        } else {
            read.forEach(c -> out.add(READ + c.id()));
        }
        if (submit) {
            out.add(SUBMIT);
        }
        if (victimNetwork) {
            out.add(VICTIM_NETWORK);
        }
        return String.join(",", out);
    }

    /** For people: {@code read:indicators, submit}. */
    public String describe() {
        List<String> out = new ArrayList<>();
        if (all) {
            out.add(READ + "*");
        } else {
            read.forEach(c -> out.add(READ + c.name().toLowerCase(Locale.ROOT)));
        }
        if (submit) {
            out.add(SUBMIT);
        }
        if (victimNetwork) {
            out.add(VICTIM_NETWORK);
        }
        return String.join(", ", out);
    }

    /** Whether a stored or context form ({@link #format()}) holds the scope, e.g. {@link #SUBMIT}. */
    public static boolean grants(String formatted, String scope) {
        if (formatted == null) {
            return false;
        }
        for (String token : formatted.split(",")) {
            if (token.strip().equals(scope)) {
                return true;
            }
        }
        return false;
    }

    private static Collection collection(String idOrName) {
        for (Collection c : Collection.values()) {
            if (c.id().equals(idOrName) || c.name().toLowerCase(Locale.ROOT).equals(idOrName.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException("no collection " + idOrName + "; the collections: " + known());
    }

    private static String known() {
        List<String> out = new ArrayList<>();
        for (Collection c : Collection.values()) {
            out.add(c.name().toLowerCase(Locale.ROOT) + " = " + c.id());
        }
        return String.join(", ", out);
    }
}
