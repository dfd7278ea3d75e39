package io.scamsignal.ops;

import io.scamsignal.domain.storage.IndicatorsTableKeys;
import io.scamsignal.domain.storage.RingsTableKeys;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pure part of erasure: moving a reporter's items from their keyed fingerprint to a random id
 * that nothing links back to the person. One id per erasure, used in every table, so the moved
 * items still count as one reporter wherever they are counted (an indicator's reporter item, a
 * ring's reporter item and report items). Ids carry the prefix {@value #PREFIX}: a fingerprint is
 * 32 hex digits, so no fingerprint starts with it, and a reporter already erased is recognised.
 */
public final class ReporterRekey {

    /** The prefix of the ids erased reporters are moved to. */
    public static final String PREFIX = "erased-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String fingerprint;
    private final String erasedId;

    public ReporterRekey(String fingerprint, String erasedId) {
        if (fingerprint == null || fingerprint.isBlank() || isErased(fingerprint)) {
            throw new IllegalArgumentException("not a reporter fingerprint");
        }
        if (erasedId == null || !isErased(erasedId)) {
            throw new IllegalArgumentException("not an erased id");
        }
        this.fingerprint = fingerprint;
        this.erasedId = erasedId;
    }

    /** A new id: 128 random bits, stored nowhere beside the fingerprint it replaces. */
    public static String newErasedId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }

    public static boolean isErased(String fingerprint) {
        return fingerprint != null && fingerprint.startsWith(PREFIX);
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String erasedId() {
        return erasedId;
    }

    /** Whether a string (a key or a JSON state) names the fingerprint. */
    public boolean names(String text) {
        return text != null && text.contains(fingerprint);
    }

    /**
     * A JSON document with every string value equal to the fingerprint replaced by the erased id
     * (fingerprints are hex, so they are never escaped; a value that merely contains it is no fingerprint).
     */
    public String json(String json) {
        return json.replace("\"" + fingerprint + "\"", "\"" + erasedId + "\"")
                // an aggregate counts a reporter of a report without a network on a network of its own, "r:<fingerprint>"
                .replace("\"r:" + fingerprint + "\"", "\"r:" + erasedId + "\"");
    }

    /**
     * An indicator's per-reporter item ({@code R#<fingerprint>}) as it is stored under the erased id:
     * the same count, latest time, version and (older items) report ids; only the sort key changes.
     */
    public Map<String, AttributeValue> indicatorReporterItem(Map<String, AttributeValue> item) {
        String sk = item.get(IndicatorsTableKeys.SORT_KEY).s();
        if (!fingerprint.equals(IndicatorsTableKeys.fingerprint(sk))) {
            throw new IllegalArgumentException("not this reporter's item: " + sk);
        }
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.put(IndicatorsTableKeys.SORT_KEY, AttributeValue.fromS(IndicatorsTableKeys.reporterSortKey(erasedId)));
        return moved;
    }

    /**
     * A rings-table item naming the fingerprint, as stored under the erased id: a reporter item
     * ({@code REPORTER#<fingerprint>}) gets the erased id's sort key, and its state (and any other
     * item's, such as a report item's {@code reporterFingerprint}) names the erased id.
     */
    public Map<String, AttributeValue> ringItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> moved = new HashMap<>(item);
        String sk = item.get(RingsTableKeys.SORT_KEY).s();
        if (sk.equals(RingsTableKeys.REPORTER_PREFIX + fingerprint)) {
            moved.put(RingsTableKeys.SORT_KEY, AttributeValue.fromS(RingsTableKeys.REPORTER_PREFIX + erasedId));
        } else if (names(sk)) {
            throw new IllegalArgumentException("a rings-table key naming a reporter that is no reporter item: " + sk);
        }
        AttributeValue state = item.get(RingsTableKeys.STATE);
        if (state != null && state.s() != null) {
            moved.put(RingsTableKeys.STATE, AttributeValue.fromS(json(state.s())));
        }
        return moved;
    }

    /** Whether an item moved by {@link #ringItem} gets a new key (the old one is then deleted). */
    public boolean rekeysRingItem(Map<String, AttributeValue> item) {
        return item.get(RingsTableKeys.SORT_KEY).s().equals(RingsTableKeys.REPORTER_PREFIX + fingerprint);
    }
}
