package io.scamsignal.domain.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifiers. STIX asks for UUIDv4 in domain and relationship objects and UUIDv5 (in the STIX
 * namespace, over the id-contributing properties) in cyber-observables, so two producers that see
 * the same phone number name the same observable.
 */
public final class StixIds {

    /** The namespace STIX 2.1 section 2.9 fixes for deterministic SCO identifiers. */
    public static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private StixIds() {
    }

    /**
     * A fresh indicator id, minted once when an indicator first alerts and then stored with it
     * (aggregate field {@code stixId}); every later version of the indicator keeps it.
     */
    public static String newIndicatorId() {
        return "indicator--" + UUID.randomUUID();
    }

    /**
     * The deterministic fallback: a UUIDv4-shaped id derived from a name (SHA-256, version and variant
     * bits set as v4 requires). For tests, for indicators that alerted before {@code stixId} existed,
     * and for objects whose id follows from another's (the sighting of an indicator, a bundle). Not
     * random, so not a "real" v4, but indistinguishable in form and stable across retries.
     */
    public static UUID v4From(String name) {
        byte[] hash = sha("SHA-256", name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** The indicator id for an indicator key that has no stored {@code stixId} (see {@link #v4From}). */
    public static String indicatorIdFor(String indicatorKey) {
        return "indicator--" + v4From("scamsignal:stix:indicator|" + indicatorKey);
    }

    /** A UUIDv5 (RFC 9562 section 5.5) of {@code name} in {@code namespace}. */
    public static UUID v5(UUID namespace, String name) {
        ByteBuffer input = ByteBuffer.allocate(16 + name.getBytes(StandardCharsets.UTF_8).length);
        input.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        input.put(name.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha("SHA-1", input.array());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /**
     * The id of an observable whose only id-contributing property is {@code value} (domain-name, url,
     * email-addr, and our extension types): UUIDv5 over the canonical JSON {@code {"value":"…"}}.
     */
    public static String observableId(String stixType, String value) {
        return stixType + "--" + v5(SCO_NAMESPACE, "{\"value\":" + jsonString(value) + "}");
    }

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static byte[] sha(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
