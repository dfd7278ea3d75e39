package io.scamsignal.domain.benign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Is a registrable domain among the million most popular (Tranco, through the MISP warninglist
 * {@code tranco})? The list is held as fingerprints, not names: the first 8 bytes of SHA-256 of each
 * domain, sorted, written by {@code tools/refresh_benign_lists.py} as {@code popular-domains.bin}:
 * {@code "SSP1"}, the count, 65,537 big-endian bucket starts indexed by a fingerprint's top 16 bits,
 * then each fingerprint's low 48 bits (6 bytes). A lookup hashes once and binary-searches one bucket
 * (some 15 entries) in place; nothing is decoded when the file is read.
 * <p>
 * A domain not on the list is taken for popular when its fingerprint equals one on it: for a domain
 * nobody chose, n / 2^64 = 10^6 / 1.8·10^19 ≈ 5.4·10^-14 per lookup. One who searches for such a
 * domain needs about 2^44 hashes (2^64 over the million targets) and then to register it.
 */
public final class PopularDomains {

    private static final int BUCKET_BITS = 16;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int REMAINDER_BYTES = (64 - BUCKET_BITS) / 8;
    private static final int HEADER = 8;
    private static final int INDEX = HEADER + (BUCKETS + 1) * 4;

    /** Cloned per lookup: cheaper than a provider lookup by name each time. */
    private static final MessageDigest SHA_256;

    static {
        try {
            SHA_256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required algorithm", e);
        }
    }

    private final ByteBuffer data;
    private final int size;

    private PopularDomains(byte[] bytes) {
        this.data = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        if (bytes.length < INDEX || bytes[0] != 'S' || bytes[1] != 'S' || bytes[2] != 'P' || bytes[3] != '1') {
            throw new IllegalStateException("not a popular-domains file");
        }
        this.size = data.getInt(4);
        if (bytes.length != INDEX + (long) size * REMAINDER_BYTES || data.getInt(INDEX - 4) != size) {
            throw new IllegalStateException("truncated popular-domains file");
        }
    }

    /** Reads a bundled file (6.3 MB for the million: one read, no decoding). */
    public static PopularDomains read(String resource) {
        try (InputStream in = PopularDomains.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled list " + resource);
            }
            return new PopularDomains(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled list " + resource, e);
        }
    }

    public int size() {
        return size;
    }

    public boolean contains(String registrableDomain) {
        return containsFingerprint(fingerprint(registrableDomain));
    }

    boolean containsFingerprint(long f) {
        int bucket = (int) (f >>> (64 - BUCKET_BITS));
        long remainder = f & ((1L << (64 - BUCKET_BITS)) - 1);
        int lo = data.getInt(HEADER + bucket * 4);
        int hi = data.getInt(HEADER + (bucket + 1) * 4) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = remainderAt(mid);
            if (v < remainder) {
                lo = mid + 1;
            } else if (v > remainder) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private long remainderAt(int i) {
        int at = INDEX + i * REMAINDER_BYTES;
        long v = 0;
        for (int b = 0; b < REMAINDER_BYTES; b++) {
            v = (v << 8) | (data.get(at + b) & 0xFF);
        }
        return v;
    }

    /** The first 8 bytes of SHA-256 of the domain (ASCII), big-endian: what the refresh script writes. */
    static long fingerprint(String domain) {
        try {
            MessageDigest sha = (MessageDigest) SHA_256.clone();
            return ByteBuffer.wrap(sha.digest(domain.getBytes(StandardCharsets.US_ASCII))).getLong();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 provider cannot be cloned", e);
        }
    }
}
